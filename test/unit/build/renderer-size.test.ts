import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const assets = join(__dirname, '../../../out/renderer/assets')
/** Issue 6: ship only the Bootstrap the page uses. */
const BUDGET_BYTES = 60 * 1024

describe('the renderer bundle', () => {
  it(`keeps CSS + JS within ${BUDGET_BYTES / 1024} KB minified`, () => {
    expect(existsSync(assets), 'no out/renderer/assets: run `npm run build` first').toBe(true)
    const files = readdirSync(assets).filter((name) => /\.(css|js)$/.test(name))
    expect(files.some((name) => name.endsWith('.css')) && files.some((name) => name.endsWith('.js'))).toBe(true)
    const total = files.reduce((sum, name) => sum + statSync(join(assets, name)).size, 0)
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES)
  })
})
