import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '../../..')
const out = join(root, 'out')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : [path]
  })
}

describe('the production build in out/', () => {
  it('exists (npm test builds it first; run `npm run build` before `npm run test:unit`)', () => {
    expect(existsSync(join(out, 'main/index.js')), 'out/main/index.js is missing').toBe(true)
  })

  it('holds no native .node file: @napi-rs/canvas stays external and loads from node_modules', () => {
    expect(files(out).filter((file) => file.endsWith('.node')).map((file) => relative(root, file))).toEqual([])
    expect(readFileSync(join(out, 'main/index.js'), 'utf8')).toMatch(/require\("@napi-rs\/canvas"\)/)
  })

  it('does not contain the end-to-end test hook', () => {
    for (const file of files(out).filter((f) => /\.(js|html)$/.test(f))) {
      const text = readFileSync(file, 'utf8')
      expect(text, relative(root, file)).not.toMatch(/__loginAppTestHooks|LOGIN_APP_TEST_HOOKS|installTestHooks/)
    }
  })

  it('has a preload that is one self-contained CommonJS file requiring only electron', () => {
    const preload = readdirSync(join(out, 'preload'))
    expect(preload).toEqual(['index.js'])
    const requires = [...readFileSync(join(out, 'preload/index.js'), 'utf8').matchAll(/require\(["']([^"']+)["']\)/g)]
    expect(requires.map((match) => match[1])).toEqual(['electron'])
  })

  it('ships a renderer page whose CSP allows no inline script and no remote origin', () => {
    const html = readFileSync(join(out, 'renderer/index.html'), 'utf8')
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/)
    expect(html).not.toMatch(/<script>(?!\s*<\/script>)/)
  })
})
