// The same promises as layout.test.ts, checked on drawn pixels: the plan must describe what is drawn.
import { describe, expect, it } from 'vitest'
import type { CaptchaPlan } from '../../../src/main/core/captcha/plan'
import type { CaptchaPreset } from '../../../src/main/core/captcha/options'
import { PRESETS } from '../../../src/main/core/captcha/options'
import { seededRandom } from '../../../src/main/core/captcha/random'
import type { Rgb } from '../../../src/main/core/captcha/colour'
import { contrastRatio, relativeLuminance } from '../../../src/main/core/captcha/colour'
import type { Pixels } from '../../../src/main/core/captcha/render'
import { renderPlan } from '../../../src/main/core/captcha/render'
import type { Theme } from '../../../src/shared/ipc-contract'
import { generatorFor } from '../../support/captcha'

const IMAGES_PER_CASE = 8
const BACKGROUND_ONLY = { background: true, glyphs: false, noise: false }
const GLYPHS_ONLY = { background: false, glyphs: true, noise: false }
const NO_NOISE = { background: true, glyphs: true, noise: false }

function plans(preset: CaptchaPreset, theme: Theme, count: number, seed: number): CaptchaPlan[] {
  const generator = generatorFor(preset)
  const random = seededRandom(seed)
  return Array.from({ length: count }, () => generator.plan(generator.challenge(random), theme, random))
}

function luminances(p: Pixels): Float64Array {
  const out = new Float64Array(p.width * p.height)
  for (let i = 0; i < out.length; i++) {
    out[i] = relativeLuminance({ r: p.data[i * 4]!, g: p.data[i * 4 + 1]!, b: p.data[i * 4 + 2]! })
  }
  return out
}

function sameColour(p: Pixels, i: number, c: Rgb): boolean {
  return Math.abs(p.data[i * 4]! - c.r) <= 1 && Math.abs(p.data[i * 4 + 1]! - c.g) <= 1 && Math.abs(p.data[i * 4 + 2]! - c.b) <= 1
}

const CASES: [CaptchaPreset, Theme, number][] = []
for (const preset of ['easy', 'normal', 'hard'] as const) {
  for (const theme of ['light', 'dark'] as const) for (const scale of [1, 2]) CASES.push([preset, theme, scale])
}

describe.each(CASES)('pixels of %s / %s at %i×', (preset, theme, scale) => {
  const options = PRESETS[preset]
  const sample = plans(preset, theme, IMAGES_PER_CASE, 7 * scale + preset.length + theme.length)

  it('has no background pixel within 4.5:1 of any character colour', () => {
    let worst = Infinity
    for (const plan of sample) {
      const bg = luminances(renderPlan(plan, scale, BACKGROUND_ONLY))
      const darkest = Math.min(...bg)
      const lightest = Math.max(...bg)
      for (const g of plan.glyphs) {
        const ink = relativeLuminance(g.colour)
        const against = theme === 'light' ? darkest : lightest
        worst = Math.min(worst, (Math.max(ink, against) + 0.05) / (Math.min(ink, against) + 0.05))
      }
    }
    expect(worst).toBeGreaterThanOrEqual(options.minContrast)
  })

  it('draws every character in its planned colour, over background it contrasts with', () => {
    for (const plan of sample) {
      const full = renderPlan(plan, scale, NO_NOISE)
      const bg = renderPlan(plan, scale, BACKGROUND_ONLY)
      for (const g of plan.glyphs) {
        let solid = 0
        let worst = Infinity
        for (let i = 0; i < full.width * full.height; i++) {
          if (!sameColour(full, i, g.colour)) continue
          solid++
          const under = { r: bg.data[i * 4]!, g: bg.data[i * 4 + 1]!, b: bg.data[i * 4 + 2]! }
          worst = Math.min(worst, contrastRatio(g.colour, under))
        }
        expect(worst).toBeGreaterThanOrEqual(options.minContrast)
        // A bold glyph at 20+ px has well over this many fully covered pixels.
        expect(solid).toBeGreaterThan(20 * scale * scale)
      }
    }
  })

  it("keeps each character's ink inside its planned box, so none touches the image edge", () => {
    for (const plan of sample.slice(0, 4)) {
      for (const g of plan.glyphs) {
        const alone = renderPlan({ ...plan, glyphs: [g] }, scale, GLYPHS_ONLY)
        let inked = 0
        const outside: string[] = []
        for (let y = 0; y < alone.height; y++) {
          for (let x = 0; x < alone.width; x++) {
            if (alone.data[(y * alone.width + x) * 4 + 3]! === 0) continue
            inked++
            // The pixel [x, x+1) must touch the box grown by one device pixel: anti-aliasing and hinting
            // may put faint ink just outside the outline that measureText reports.
            const inBox =
              x + 1 >= g.box.left * scale - 1 &&
              x <= g.box.right * scale + 1 &&
              y + 1 >= g.box.top * scale - 1 &&
              y <= g.box.bottom * scale + 1
            const onEdge = x === 0 || y === 0 || x === alone.width - 1 || y === alone.height - 1
            if (!inBox || onEdge) outside.push(`${g.char}@${x},${y}`)
          }
        }
        expect(outside).toEqual([])
        expect(inked).toBeGreaterThan(0)
      }
    }
  })

  it(`overlaps neighbouring characters' ink by at most ${options.maxOverlap} of the smaller one`, () => {
    for (const plan of sample.slice(0, 4)) {
      const layers = plan.glyphs.map((g) => renderPlan({ ...plan, glyphs: [g] }, scale, GLYPHS_ONLY))
      layers.slice(1).forEach((layer, i) => {
        const prev = layers[i]!
        let shared = 0
        let prevInk = 0
        let ink = 0
        for (let p = 3; p < layer.data.length; p += 4) {
          const a = prev.data[p]! > 0
          const b = layer.data[p]! > 0
          if (a) prevInk++
          if (b) ink++
          if (a && b) shared++
        }
        expect(shared / Math.min(prevInk, ink)).toBeLessThanOrEqual(options.maxOverlap)
      })
    }
  })
})

describe('renderPlan into a reused buffer', () => {
  it('draws the same pixels as into a fresh one, whatever the buffer held, and grows past a short one', () => {
    const [first, second] = plans('hard', 'dark', 2, 5)
    const buffer = new Uint32Array(270 * 40 * 4)
    for (const scale of [2, 1]) {
      for (const layers of [undefined, GLYPHS_ONLY, BACKGROUND_ONLY]) {
        renderPlan(first!, 2, undefined, buffer)
        const reused = renderPlan(second!, scale, layers, buffer)
        expect(reused.data.buffer).toBe(buffer.buffer)
        expect(reused.data).toEqual(renderPlan(second!, scale, layers).data)
      }
    }
    const short = new Uint32Array(10)
    const grown = renderPlan(second!, 1, undefined, short)
    expect(grown.data.buffer).not.toBe(short.buffer)
    expect(grown.data).toEqual(renderPlan(second!, 1).data)
  })
})
