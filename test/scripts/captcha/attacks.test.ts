// The bench's generic attacks, checked on images whose answer is known, without tesseract: each
// image-processing step must do its job on plain text before its OCR numbers mean anything.
import { createCanvas } from '@napi-rs/canvas'
import { describe, expect, it } from 'vitest'
import { seededRandom } from '../../../src/main/core/captcha/random'
import type { CaptchaPlan } from '../../../src/main/core/captcha/plan'
import { renderPlan } from '../../../src/main/core/captcha/render'
import { inkByColour, kmeans } from '../../../scripts/captcha/lib/cluster'
import { PLAIN } from '../../../scripts/captcha/lib/datasets'
import type { Mask, Rgba } from '../../../scripts/captcha/lib/mask'
import { inkCount } from '../../../scripts/captcha/lib/mask'
import { close, dilate, erode, open } from '../../../scripts/captcha/lib/morphology'
import { binaryMask, preprocessGlyphs } from '../../../scripts/captcha/lib/preprocess'
import { components, cropSegment, segmentGlyphs } from '../../../scripts/captcha/lib/segment'
import { generatorFor } from '../../support/captcha'

const SCALE = 2

/** A plain captcha (every obfuscation off except what `extra` turns on), drawn at 2× with its plan. */
function plainCaptcha(
  seed: number,
  extra: Record<string, unknown> = {},
  layers = { background: true, glyphs: true, noise: true }
): { plan: CaptchaPlan; image: Rgba } {
  const generator = generatorFor('normal', 'text', { ...PLAIN, ...extra })
  const random = seededRandom(seed)
  const plan = generator.plan(generator.challenge(random), 'light', random)
  const pixels = renderPlan(plan, SCALE, layers)
  return { plan, image: pixels }
}

/** Share of `a`'s ink that `b` also has. */
function covered(a: Mask, b: Mask): number {
  let both = 0
  for (let i = 0; i < a.data.length; i++) both += a.data[i]! & b.data[i]!
  return both / inkCount(a)
}

function intersectionOverUnion(a: Mask, b: Mask): number {
  let both = 0
  let either = 0
  for (let i = 0; i < a.data.length; i++) {
    both += a.data[i]! & b.data[i]!
    either += a.data[i]! | b.data[i]!
  }
  return both / either
}

function rectMask(width: number, height: number, rects: [number, number, number, number][]): Mask {
  const data = new Uint8Array(width * height)
  for (const [x0, y0, x1, y1] of rects) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * width + x] = 1
  return { data, width, height }
}

describe('morphology', () => {
  it('erodes and dilates a square by the radius on each side', () => {
    const m = rectMask(20, 20, [[5, 5, 15, 15]])
    expect(inkCount(erode(m, 1))).toBe(64)
    expect(inkCount(dilate(m, 1))).toBe(144)
    expect(inkCount(open(m, 2))).toBe(100)
  })

  it('closing fills a gap narrower than its square', () => {
    const m = rectMask(30, 12, [
      [2, 2, 13, 10],
      [15, 2, 28, 10]
    ])
    expect(components(m)).toHaveLength(2)
    expect(components(close(m, 1))).toHaveLength(1)
  })

  it('opening removes a thin line across plain text and keeps the glyphs', () => {
    const width = 540
    const height = 80
    const canvas = createCanvas(width, height)
    const ctx = canvas.getContext('2d')
    ctx.fillStyle = '#fff'
    ctx.fillRect(0, 0, width, height)
    const text = plainCaptcha(3, {}, { background: false, glyphs: true, noise: false }).image
    const textMask = binaryOfAlpha(text)
    // Glyph layer onto white, then a 3 px line (a 1.5 CSS px stroke at 2×) through the middle.
    const data = ctx.getImageData(0, 0, width, height)
    for (let i = 0; i < textMask.data.length; i++)
      if (textMask.data[i] === 1) data.data[i * 4] = data.data[i * 4 + 1] = data.data[i * 4 + 2] = 30
    ctx.putImageData(data, 0, 0)
    ctx.strokeStyle = '#202020'
    ctx.lineWidth = 3
    ctx.beginPath()
    ctx.moveTo(0, 35)
    ctx.lineTo(width, 45)
    ctx.stroke()
    const image: Rgba = { ...ctx.getImageData(0, 0, width, height), width, height }
    const noisy = binaryMask(image)
    const line = subtract(noisy, dilate(textMask, 1))
    expect(inkCount(line)).toBeGreaterThan(1000)
    const opened = open(noisy, 2)
    expect(covered(line, opened)).toBeLessThan(0.05)
    expect(covered(textMask, opened)).toBeGreaterThan(0.85)
  })
})

/** Ink where a layer drawn without background has any coverage above half. */
function binaryOfAlpha(image: Rgba): Mask {
  const data = new Uint8Array(image.width * image.height)
  for (let i = 0; i < data.length; i++) data[i] = image.data[i * 4 + 3]! >= 128 ? 1 : 0
  return { data, width: image.width, height: image.height }
}

function subtract(a: Mask, b: Mask): Mask {
  return { ...a, data: a.data.map((v, i) => v & (1 - b.data[i]!)) }
}

describe('colour clustering', () => {
  it('finds a centre per colour on a three-colour image', () => {
    const image: Rgba = { data: new Uint8Array(4 * 30), width: 30, height: 1 }
    const colours = [
      [250, 240, 200],
      [20, 60, 120],
      [120, 20, 40]
    ]
    for (let i = 0; i < 30; i++) image.data.set([...colours[i % 3]!, 255], i * 4)
    const { centres } = kmeans(image, 3)
    for (const c of colours) expect(centres.some((k) => k.every((v, j) => Math.abs(v - c[j]!) < 1))).toBe(true)
  })

  it('separates the ink of plain text from a textured background', () => {
    const { image } = plainCaptcha(5, { texture: 4 })
    const glyphs = binaryOfAlpha(plainCaptcha(5, { texture: 4 }, { background: false, glyphs: true, noise: false }).image)
    const ink = inkByColour(image)
    expect(intersectionOverUnion(ink, glyphs)).toBeGreaterThan(0.85)
  })
})

describe('glyph segmentation', () => {
  it('finds the five glyphs of plain text, in order, where the plan put them', () => {
    for (const seed of [1, 2, 3, 4]) {
      const { plan, image } = plainCaptcha(seed)
      const segments = segmentGlyphs(binaryMask(image), { count: 5, minArea: 40 })
      expect(segments).toHaveLength(5)
      segments.forEach((s, i) => {
        const g = plan.glyphs[i]!
        const centre = (s.left + s.right) / 2 / SCALE
        expect(Math.abs(centre - g.cx)).toBeLessThan((g.box.right - g.box.left) / 2)
      })
    }
  })

  it('recombines the pieces of a broken glyph and splits touching ones by column projection', () => {
    // Glyph 1 in two stacked pieces, glyphs 2 and 3 joined by a thin bridge, glyph 4 alone.
    const m = rectMask(120, 40, [
      [5, 5, 20, 18],
      [6, 22, 19, 35],
      [35, 5, 50, 35],
      [50, 19, 56, 21],
      [56, 5, 71, 35],
      [90, 5, 105, 35]
    ])
    const segments = segmentGlyphs(m, { count: 4, minArea: 10 })
    expect(segments.map((s) => [s.left, s.right])).toEqual([
      [5, 19],
      [35, expect.any(Number) as number],
      [expect.any(Number) as number, 70],
      [90, 104]
    ])
    expect(segments[1]!.right).toBeGreaterThanOrEqual(49)
    expect(segments[1]!.right).toBeLessThanOrEqual(56)
    const crop = cropSegment(m, segments[0]!, 3)
    expect([crop.width, crop.height]).toEqual([21, 36])
  })

  it('cuts a plain captcha PNG into one image per glyph', async () => {
    const generator = generatorFor('normal', 'text', PLAIN)
    const captcha = await generator.generate({}, seededRandom(9))
    const glyphs = await preprocessGlyphs(captcha.png, 'glyphs-open', 5)
    expect(glyphs).toHaveLength(5)
    for (const png of glyphs) expect(Buffer.from(png.subarray(1, 4)).toString('latin1')).toBe('PNG')
  })
})
