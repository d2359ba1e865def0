import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { CaptchaWorkerPool } from '../../../src/main/core/captcha/worker-pool'
import { DEFAULT_ALPHABET } from '../../../src/main/core/captcha/alphabet'
import { resolveOptions } from '../../../src/main/core/captcha/options'
import { captchaFontPaths } from '../../../src/main/core/resources'
import { contentSecurityPolicy, inlineStyles, serveRendererFile, styleHash } from '../../../src/main/core/app-origin/renderer-files'

const root = join(__dirname, '../../..')
const out = join(root, 'out')
/** Every name by which the e2e hook could show up in a bundle. */
const TEST_HOOK = /__loginAppTestHooks|LOGIN_APP_TEST_HOOKS|installTestHooks|LOGIN_APP_USER_DATA/

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
    expect(
      files(out)
        .filter((file) => file.endsWith('.node'))
        .map((file) => relative(root, file))
    ).toEqual([])
    // The drawing code is a chunk shared by index.js and the captcha worker, so look in every main file.
    const main = files(join(out, 'main')).map((file) => readFileSync(file, 'utf8'))
    expect(main.some((text) => /require\("@napi-rs\/canvas"\)/.test(text))).toBe(true)
  })

  it('bundles the captcha worker as its own chunk that index.js starts and that never loads electron', () => {
    const main = readdirSync(join(out, 'main'))
    const worker = main.find((name) => /^worker-entry-[\w-]+\.js$/.test(name))
    expect(worker, 'no worker-entry chunk in out/main').toBeDefined()
    expect(readFileSync(join(out, 'main/index.js'), 'utf8')).toContain(`new URL("./${worker}"`)
    // Follow the worker's relative requires: nothing it loads may reach for electron.
    const seen = new Set<string>()
    const visit = (name: string): void => {
      if (seen.has(name)) return
      seen.add(name)
      const text = readFileSync(join(out, 'main', name), 'utf8')
      for (const [, target] of text.matchAll(/require\(["']([^"']+)["']\)/g)) {
        expect(target, name).not.toBe('electron')
        if (target!.startsWith('./')) visit(target!.slice(2))
      }
    }
    visit(worker!)
    expect(seen.size).toBeGreaterThan(1)
  })

  it('runs the bundled worker chunk: it draws a captcha for the pool under plain Node', async () => {
    const worker = readdirSync(join(out, 'main')).find((name) => /^worker-entry-[\w-]+\.js$/.test(name))
    const pool = new CaptchaWorkerPool({
      createWorker: (init) => new Worker(join(out, 'main', worker!), init),
      options: resolveOptions('normal', { fontFiles: captchaFontPaths(join(root, 'resources')) }),
      size: 1
    })
    try {
      const captcha = await pool.generate({ scale: 2 })
      expect(captcha.answer).toMatch(new RegExp(`^[${DEFAULT_ALPHABET}]{5}$`))
      expect(Buffer.from(captcha.png.subarray(1, 4)).toString('latin1')).toBe('PNG')
      expect(captcha.scale).toBe(2)
    } finally {
      await pool.close()
    }
  })

  it('does not contain the end-to-end test hook', () => {
    // Every file, not only .js/.html: a source map or a stray chunk would carry the hook's text too.
    for (const file of files(out)) {
      const text = readFileSync(file, 'utf8')
      expect(text, relative(root, file)).not.toMatch(TEST_HOOK)
      expect(text, relative(root, file)).not.toMatch(/__E2E_HOOKS__/)
    }
    expect(files(out).map((file) => relative(out, file))).not.toContainEqual(expect.stringMatching(/test-hooks/))
  })

  it('searches for names the hook really has (so the search above cannot go stale)', () => {
    const hookSource =
      readFileSync(join(root, 'src/main/shell/test-hooks.ts'), 'utf8') + readFileSync(join(root, 'src/main/index.ts'), 'utf8')
    for (const name of TEST_HOOK.source.split('|')) expect(hookSource).toContain(name)
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

  it('inlines the stylesheet under a policy that admits exactly it, the same in the meta tag and the app:// header', async () => {
    const html = readFileSync(join(out, 'renderer/index.html'), 'utf8')
    const styles = inlineStyles(html)
    expect(styles).toHaveLength(1)
    expect(html).not.toMatch(/<link rel="stylesheet"/)
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBe(contentSecurityPolicy([styleHash(styles[0]!)], { meta: true }))
    const header = (await serveRendererFile(join(out, 'renderer'), '/index.html')).headers['Content-Security-Policy']
    expect(header).toBe(`${meta}; frame-ancestors 'none'`)
    // The url()s it had beside its file now name files the build really holds.
    for (const [, path] of styles[0]!.matchAll(/url\(\.\/([^)]+)\)/g)) expect(existsSync(join(out, 'renderer', path!)), path).toBe(true)
  })
})
