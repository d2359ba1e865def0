import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

// Checklist items that are about what the code never does, or about the order the shell wires things:
// read from the source, since no test here may start Electron itself.
const src = join(__dirname, '../../../src')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|html)$/.test(path) ? [path] : []
  })
}

const read = (file: string) => readFileSync(join(src, file), 'utf8')

describe('security properties of the source', () => {
  it.each([
    ['shell.openExternal (no link ever leaves the app)', /openExternal/],
    ['file:// pages or the old file protocol APIs', /file:\/\/|register(File|Buffer|String|Http|Stream)Protocol|loadFile\(/],
    ['remote http(s) content', /loadURL\(\s*['"`]https?:/],
    [
      'switches that weaken isolation',
      /nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false|allowRunningInsecureContent:\s*true|enableBlinkFeatures|nodeIntegrationInSubFrames|nodeIntegrationInWorker/
    ],
    ['<webview>', /<webview/],
    ['raw ipcRenderer handed to the page', /exposeInMainWorld\([^)]*ipcRenderer\s*\)/]
  ])('no source file uses %s', (_what, pattern) => {
    const hits = sources(src).filter((file) => pattern.test(readFileSync(file, 'utf8')))
    expect(hits.map((file) => relative(src, file))).toEqual([])
  })

  it('sandboxes every renderer and hardens sessions before the first window opens', () => {
    const index = read('main/index.ts')
    expect(index).toMatch(/app\.enableSandbox\(\)/)
    expect(index.indexOf('app.enableSandbox()')).toBeLessThan(index.indexOf('await app.whenReady()'))
    expect(index.indexOf('hardenSessions(')).toBeLessThan(index.indexOf('createLoginWindow('))
    expect(index.indexOf('registerIpc(')).toBeLessThan(index.indexOf('createLoginWindow('))
  })

  it('allows DevTools and the dev server only in `electron-vite dev` builds, never by app.isPackaged', () => {
    const index = read('main/index.ts')
    expect(index).toMatch(/allowDevTools:\s*__DEV_BUILD__/)
    expect(index).toMatch(/devServerUrl\s*=\s*__DEV_BUILD__\s*\?/)
    expect(
      sources(src).filter((file) =>
        /isPackaged[^\n]*(devServer|DevTools|RENDERER_URL)|(devServer|DevTools|RENDERER_URL)[^\n]*isPackaged/.test(
          readFileSync(file, 'utf8')
        )
      )
    ).toEqual([])
  })
})
