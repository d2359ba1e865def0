// The pure plan step: contrast, edges and overlap checked over many generated layouts, without pixels.
import { describe, expect, it } from 'vitest'
import type { CaptchaKind, CaptchaPreset } from '../../../src/main/core/captcha/options'
import type { CaptchaPlan } from '../../../src/main/core/captcha/plan'
import { LENGTH_MAX, LENGTH_MIN, PRESETS } from '../../../src/main/core/captcha/options'
import { seededRandom } from '../../../src/main/core/captcha/random'
import { contrastRatio } from '../../../src/main/core/captcha/colour'
import type { Theme } from '../../../src/shared/ipc-contract'
import { generatorFor } from '../../support/captcha'

const PLANS_PER_CASE = 300
const CASES: [CaptchaPreset, Theme, CaptchaKind][] = []
for (const preset of ['easy', 'normal', 'hard'] as const) {
  for (const theme of ['light', 'dark'] as const) CASES.push([preset, theme, 'text'])
}
CASES.push(['normal', 'light', 'arithmetic'], ['hard', 'dark', 'arithmetic'])

function plans(preset: CaptchaPreset, theme: Theme, kind: CaptchaKind, count: number, seed: number, length?: number): CaptchaPlan[] {
  const generator = generatorFor(preset, kind, length === undefined ? {} : { length })
  const random = seededRandom(seed)
  return Array.from({ length: count }, () => generator.plan(generator.challenge(random), theme, random))
}

describe.each(CASES)('layout of %s / %s / %s', (preset, theme, kind) => {
  const options = PRESETS[preset]
  const all = plans(preset, theme, kind, PLANS_PER_CASE, preset.length * 31 + theme.length + kind.length)

  it('gives every character at least 4.5:1 contrast against every background colour', () => {
    let worst = Infinity
    for (const plan of all) {
      const backgrounds = [plan.background, ...plan.texture.map((t) => t.colour), plan.backgroundBound]
      for (const glyph of plan.glyphs) {
        for (const bg of backgrounds) worst = Math.min(worst, contrastRatio(glyph.colour, bg))
      }
    }
    expect(worst).toBeGreaterThanOrEqual(options.minContrast)
    expect(options.minContrast).toBeGreaterThanOrEqual(4.5)
  })

  it('bounds the background: the worst-case colour is at least as bad as each background colour', () => {
    for (const plan of all) {
      for (const c of [plan.background, ...plan.texture.map((t) => t.colour)]) {
        const b = plan.backgroundBound
        if (theme === 'light') expect(b.r <= c.r && b.g <= c.g && b.b <= c.b).toBe(true)
        else expect(b.r >= c.r && b.g >= c.g && b.b >= c.b).toBe(true)
      }
    }
  })

  it('keeps every glyph box, warp included, inside the image with the margin', () => {
    const m = options.margin
    for (const plan of all) {
      for (const g of plan.glyphs) {
        expect(g.box.left).toBeGreaterThanOrEqual(m - 1e-9)
        expect(g.box.top).toBeGreaterThanOrEqual(m - 1e-9)
        expect(g.box.right).toBeLessThanOrEqual(plan.width - m + 1e-9)
        expect(g.box.bottom).toBeLessThanOrEqual(plan.height - m + 1e-9)
      }
    }
  })

  it(`keeps the overlap of neighbours within ${options.maxOverlap} of the narrower one`, () => {
    let worst = 0
    for (const plan of all) {
      plan.glyphs.slice(1).forEach((g, i) => {
        const prev = plan.glyphs[i]!
        const overlap = Math.max(0, prev.box.right - g.box.left)
        const narrower = Math.min(prev.box.right - prev.box.left, g.box.right - g.box.left)
        worst = Math.max(worst, overlap / narrower)
        // Order is kept: each character starts right of the previous one's start.
        expect(g.box.left).toBeGreaterThan(prev.box.left)
      })
    }
    expect(worst).toBeLessThanOrEqual(options.maxOverlap + 1e-9)
  })

  it('keeps rotations and sizes within the options', () => {
    for (const plan of all) {
      for (const g of plan.glyphs) {
        expect(Math.abs(g.rotation)).toBeLessThanOrEqual((options.rotation * Math.PI) / 180 + 1e-9)
        expect(g.size).toBeLessThanOrEqual(options.fontSize * options.charScale[1] + 1e-9)
        // Shrinking to fit must never make a character unreadably small.
        expect(g.size).toBeGreaterThanOrEqual(options.fontSize * 0.6)
      }
    }
  })
})

describe('layout at the length limits', () => {
  it.each([LENGTH_MIN, LENGTH_MAX])('fits %i characters of the widest kind without breaking the rules', (length) => {
    for (const preset of ['easy', 'normal', 'hard'] as const) {
      const options = PRESETS[preset]
      for (const plan of plans(preset, 'light', 'text', 200, length, length)) {
        expect(plan.glyphs).toHaveLength(length)
        for (const g of plan.glyphs) {
          expect(g.box.left).toBeGreaterThanOrEqual(options.margin - 1e-9)
          expect(g.box.right).toBeLessThanOrEqual(plan.width - options.margin + 1e-9)
        }
      }
    }
  })
})
