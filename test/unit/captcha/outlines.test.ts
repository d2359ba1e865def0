// Glyphs are drawn as traced outlines, not text: the outline must be the font's own glyph, and its
// bounds must be the ink the layout plans with.
import { createCanvas } from '@napi-rs/canvas'
import { describe, expect, it } from 'vitest'
import { DEFAULT_ALPHABET } from '../../../src/main/core/captcha/alphabet'
import { fillContours } from '../../../src/main/core/captcha/fill'
import { cssFont, registerFonts } from '../../../src/main/core/captcha/fonts'
import { OUTLINE_SIZE, outlineOf } from '../../../src/main/core/captcha/outlines'
import { inkOf } from '../../../src/main/core/captcha/pixels'
import { FONT_FILES } from '../../support/captcha'

const FAMILIES = registerFonts(FONT_FILES)
const WHITE = { r: 255, g: 255, b: 255 }
const ARITHMETIC = [...'0123456789', '+', '\u2212', '\u00d7', '=', '?']
const SYMBOLS = [...new Set([...DEFAULT_ALPHABET, ...ARITHMETIC])]
const CASES = FAMILIES.flatMap((family) => SYMBOLS.map((char) => [family, char] as const))

/** Intersection over union of the pixels two coverages ink at least half. */
function overlap(a: Uint8Array, b: Uint8Array): number {
  let both = 0
  let either = 0
  for (let i = 0; i < a.length; i++) {
    const inA = a[i]! >= 128
    const inB = b[i]! >= 128
    if (inA && inB) both++
    if (inA || inB) either++
  }
  expect(either).toBeGreaterThan(100)
  return both / either
}

/**
 * Coverage (alpha) of one glyph drawn at OUTLINE_SIZE with its origin at (60, 140), rotated by `angle`:
 * the outline filled by the app's own rasteriser, the text by Skia through the font engine.
 */
function coverage(draw: 'outline' | 'text', char: string, family: string, angle: number): Uint8Array {
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)]
  if (draw === 'outline') {
    const image = { words: new Uint32Array(220 * 220), width: 220, height: 220 }
    fillContours(image, outlineOf(char, family).contours, { a: cos, b: sin, c: -sin, d: cos, e: 60, f: 140 }, inkOf(WHITE))
    return Uint8Array.from(image.words, (w) => w >>> 24)
  }
  const canvas = createCanvas(220, 220)
  const ctx = canvas.getContext('2d')
  ctx.setTransform(cos, sin, -sin, cos, 60, 140)
  ctx.font = cssFont(family, OUTLINE_SIZE)
  ctx.fillText(char, 0, 0)
  const rgba = canvas.data()
  return Uint8Array.from({ length: rgba.length / 4 }, (_, i) => rgba[i * 4 + 3]!)
}

describe('glyph outlines', () => {
  it.each(CASES)('%s has an outline for %s that covers the same pixels as its text', (family, char) => {
    for (const angle of [0, 0.4]) {
      // Hinting and anti-aliasing move edge pixels by a fraction (thin strokes such as − suffer most, ~0.92).
      expect(overlap(coverage('outline', char, family, angle), coverage('text', char, family, angle))).toBeGreaterThan(0.9)
    }
  })

  it('tells glyphs apart: a similar letter, or the right one 12 px off, overlaps far less than 0.9', () => {
    const family = FAMILIES[0]!
    expect(overlap(coverage('outline', 'K', family, 0), coverage('text', 'X', family, 0))).toBeLessThan(0.75)
    expect(overlap(coverage('outline', 'E', family, 0), coverage('text', 'F', family, 0))).toBeLessThan(0.8)
    const shifted = coverage('text', 'M', family, 0)
    const outline = coverage('outline', 'M', family, 0)
    expect(
      overlap(
        outline,
        Uint8Array.from(shifted, (_, i) => shifted[i + 12] ?? 0)
      )
    ).toBeLessThan(0.75)
  })

  it.each(CASES)('%s: the bounds of %s are the ink measureText reports', (family, char) => {
    const ctx = createCanvas(1, 1).getContext('2d')
    ctx.font = cssFont(family, OUTLINE_SIZE)
    const m = ctx.measureText(char)
    const { metrics } = outlineOf(char, family)
    const close = (ours: number, theirs: number): void => expect(Math.abs(ours * OUTLINE_SIZE - theirs)).toBeLessThan(1.5)
    close(metrics.left, m.actualBoundingBoxLeft)
    close(metrics.right, m.actualBoundingBoxRight)
    close(metrics.ascent, m.actualBoundingBoxAscent)
    close(metrics.descent, m.actualBoundingBoxDescent)
    expect(metrics.left + metrics.right).toBeGreaterThan(0)
    expect(metrics.ascent + metrics.descent).toBeGreaterThan(0)
  })

  it('traces each glyph once per thread and reuses it', () => {
    expect(outlineOf('K', FAMILIES[0]!)).toBe(outlineOf('K', FAMILIES[0]!))
  })

  it('refuses a character that has no ink, naming it', () => {
    expect(() => outlineOf(' ', FAMILIES[0]!)).toThrow(/no outline for " "/)
  })
})
