import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { inlineStyles } from '../../../src/main/core/app-origin/renderer-files'

const renderer = join(__dirname, '../../../out/renderer')
const assets = join(renderer, 'assets')
/** Issue 6: ship only the Bootstrap the page uses. */
const BUDGET_BYTES = 60 * 1024
/** The password-strength worker (zxcvbn-ts and its dictionaries), started on sign-up only. */
const LAZY_ESTIMATOR = /^strength-worker-[\w-]+\.js$/
const LAZY_BUDGET_BYTES = 2 * 1024 * 1024

const size = (names: string[]) => names.reduce((sum, name) => sum + statSync(join(assets, name)).size, 0)

describe('the renderer bundle', () => {
  it('has been built', () => {
    expect(existsSync(assets), 'no out/renderer/assets: run `npm run build` first').toBe(true)
  })

  it(`keeps the CSS + JS the page loads within ${BUDGET_BYTES / 1024} KB minified`, () => {
    const html = readFileSync(join(renderer, 'index.html'), 'utf8')
    const loaded = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.(?:css|js))"/g)].map((match) => match[1]!)
    // The stylesheet is inline (html-at-build.ts), so it counts from the page itself.
    const inlineCss = inlineStyles(html).reduce((sum, css) => sum + Buffer.byteLength(css), 0)
    expect(inlineCss).toBeGreaterThan(0)
    expect(loaded.some((name) => name.endsWith('.js'))).toBe(true)
    // Everything else must be the estimator: any other chunk would be code the page loads unmeasured.
    const others = readdirSync(assets).filter((name) => /\.(css|js)$/.test(name) && !loaded.includes(name))
    expect(others.filter((name) => !LAZY_ESTIMATOR.test(name))).toEqual([])
    expect(size(loaded) + inlineCss).toBeLessThanOrEqual(BUDGET_BYTES)
  })

  it('starts the strength estimator only as a worker, never loads it up front', () => {
    const estimator = readdirSync(assets).filter((name) => LAZY_ESTIMATOR.test(name))
    expect(estimator).toHaveLength(1)
    expect(size(estimator)).toBeLessThanOrEqual(LAZY_BUDGET_BYTES)
    const html = readFileSync(join(renderer, 'index.html'), 'utf8')
    expect(html).not.toContain(estimator[0])
    for (const name of readdirSync(assets).filter((file) => file.endsWith('.js') && file !== estimator[0])) {
      const code = readFileSync(join(assets, name), 'utf8')
      // A static import would fetch it with the page; only `new Worker(new URL(…))` may name it.
      expect(code, name).not.toMatch(new RegExp(`(?:from|import)\\s*["'\`]\\./${estimator[0]!.replace('.', '\\.')}`))
    }
  })
})
