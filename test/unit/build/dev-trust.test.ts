import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { UserConfig } from 'vite'
import { describe, expect, it } from 'vitest'
import config from '../../../electron.vite.config'

// Trusting the dev server and allowing DevTools are build-time decisions (electron.vite.config.ts
// __DEV_BUILD__), so the shipped bundle must hold no path to either, whatever the environment says.
const root = join(__dirname, '../../..')
const mainDir = join(root, 'out/main')
const mainBundle = () =>
  readdirSync(mainDir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ name, text: readFileSync(join(mainDir, name), 'utf8') }))

type ConfigFn = (env: { command: 'build' | 'serve'; mode: string }) => { main: UserConfig }
const defineFor = (command: 'build' | 'serve', mode: string) => (config as unknown as ConfigFn)({ command, mode }).main.define

describe('dev-server trust and DevTools are compiled in by `electron-vite dev` only', () => {
  it.each(['production', 'e2e', 'development'])('`electron-vite build --mode %s` defines __DEV_BUILD__ false', (mode) => {
    expect(defineFor('build', mode)).toMatchObject({ __DEV_BUILD__: 'false' })
  })

  it('`electron-vite dev` defines it true', () => {
    expect(defineFor('serve', 'development')).toMatchObject({ __DEV_BUILD__: 'true' })
  })

  it('the production bundle never reads ELECTRON_RENDERER_URL, never opens DevTools, always passes devTools false', () => {
    expect(existsSync(join(mainDir, 'index.js')), 'run `npm run build` first').toBe(true)
    for (const { name, text } of mainBundle()) {
      expect(text, name).not.toContain('ELECTRON_RENDERER_URL')
      expect(text, name).not.toMatch(/openDevTools|__DEV_BUILD__/)
      // The window's option comes from the one call site in index.ts: a literal false.
      for (const [, value] of text.matchAll(/allowDevTools:\s*([^,\s}]+)/g)) expect(value, name).toBe('false')
    }
    const index = readFileSync(join(mainDir, 'index.js'), 'utf8')
    expect([...index.matchAll(/allowDevTools:\s*([^,\s}]+)/g)].length).toBeGreaterThan(0)
    expect(index).toMatch(/devServerUrl = void 0/)
  })
})
