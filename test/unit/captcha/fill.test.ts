// The JS rasteriser that fills glyphs and texture, checked against exact areas and against Skia filling
// the same polygons; and the path-data reader that turns Skia's glyph paths into those polygons.
import { createCanvas } from '@napi-rs/canvas'
import { describe, expect, it } from 'vitest'
import type { Affine, Contour } from '../../../src/main/core/captcha/fill'
import { fillContours, IDENTITY } from '../../../src/main/core/captcha/fill'
import { outlineOf } from '../../../src/main/core/captcha/outlines'
import { contoursOf } from '../../../src/main/core/captcha/path-data'
import type { Pixels32 } from '../../../src/main/core/captcha/pixels'
import { inkOf } from '../../../src/main/core/captcha/pixels'
import { seededRandom } from '../../../src/main/core/captcha/random'
import { generatorFor } from '../../support/captcha'

const WHITE = inkOf({ r: 255, g: 255, b: 255 })

function blank(width: number, height: number): Pixels32 {
  return { words: new Uint32Array(width * height), width, height }
}

/** Coverage 0–1 per pixel, from alpha: the images start transparent and the ink is opaque. */
function coverage(image: Pixels32): Float64Array {
  return Float64Array.from(image.words, (w) => (w >>> 24) / 255)
}

const sum = (values: Float64Array): number => values.reduce((a, b) => a + b, 0)

function polygon(...points: number[]): Contour {
  return Float64Array.from(points)
}

describe('fillContours', () => {
  it('covers exactly the area of a rotated square and a triangle, up to 8-bit rounding', () => {
    const image = blank(60, 60)
    // A 20 × 20 square turned by 30° about (30, 30).
    const [cos, sin] = [Math.cos(Math.PI / 6), Math.sin(Math.PI / 6)]
    fillContours(image, [polygon(-10, -10, 10, -10, 10, 10, -10, 10)], { a: cos, b: sin, c: -sin, d: cos, e: 30.3, f: 29.8 }, WHITE)
    expect(sum(coverage(image))).toBeCloseTo(400, 0)
    const triangle = blank(40, 40)
    fillContours(triangle, [polygon(3.5, 2.25, 37.1, 9.9, 12.2, 35.4)], IDENTITY, WHITE)
    const area = Math.abs((37.1 - 3.5) * (35.4 - 2.25) - (12.2 - 3.5) * (9.9 - 2.25)) / 2
    expect(sum(coverage(triangle))).toBeCloseTo(area, 0)
  })

  it('clips what lies off the image, keeping the coverage of what lies on it', () => {
    const image = blank(30, 20)
    // 50 × 30 px, from (-10.5, -4.25): on the image, 30 × 20 minus nothing, wholly covered.
    fillContours(image, [polygon(-10.5, -4.25, 39.5, -4.25, 39.5, 25.75, -10.5, 25.75)], IDENTITY, WHITE)
    expect([...coverage(image)].every((c) => c === 1)).toBe(true)
    const part = blank(30, 20)
    // Only the band x ∈ [0, 5.5), y ∈ [0, 12.5) is on the image.
    fillContours(part, [polygon(-20, -7, 5.5, -7, 5.5, 12.5, -20, 12.5)], IDENTITY, WHITE)
    expect(sum(coverage(part))).toBeCloseTo(5.5 * 12.5, 0)
    const away = blank(30, 20)
    fillContours(away, [polygon(40, 2, 60, 2, 60, 10)], IDENTITY, WHITE)
    fillContours(away, [polygon(2, 30, 20, 30, 20, 40)], IDENTITY, WHITE)
    expect(sum(coverage(away))).toBe(0)
  })

  it('leaves a hole drawn the other way round empty, and never overfills a doubly covered area', () => {
    const ring = blank(40, 40)
    fillContours(ring, [polygon(5, 5, 35, 5, 35, 35, 5, 35), polygon(15, 15, 15, 25, 25, 25, 25, 15)], IDENTITY, WHITE)
    const cover = coverage(ring)
    expect(cover[20 * 40 + 20]).toBe(0)
    expect(sum(cover)).toBeCloseTo(900 - 100, 0)
    const twice = blank(40, 40)
    fillContours(twice, [polygon(5, 5, 35, 5, 35, 35, 5, 35), polygon(15, 15, 25, 15, 25, 25, 15, 25)], IDENTITY, WHITE)
    expect(Math.max(...twice.words.map((w) => w >>> 24))).toBe(255)
    expect(sum(coverage(twice))).toBeCloseTo(900, 0)
  })

  it('blends the ink over what is there by its coverage', () => {
    const image = { words: new Uint32Array(4).fill(0xff000000), width: 4, height: 1 }
    // Covers pixel 1 by half, pixel 2 wholly.
    fillContours(image, [polygon(1.5, 0, 3, 0, 3, 1, 1.5, 1)], IDENTITY, inkOf({ r: 200, g: 100, b: 50 }))
    expect(image.words[0]).toBe(0xff000000)
    expect(image.words[1]! & 0xff).toBe(100)
    expect((image.words[1]! >>> 8) & 0xff).toBe(50)
    expect(image.words[2]).toBe(0xff3264c8)
    expect(image.words[3]).toBe(0xff000000)
  })

  it.each([1, 2, 3])('lays down the same ink as Skia filling the same glyph polygons, at %i×', (scale) => {
    const generator = generatorFor('hard')
    const random = seededRandom(40 + scale)
    const [width, height] = [270 * scale, 40 * scale]
    for (const g of generator.plan(generator.challenge(random), 'light', random).glyphs) {
      const { contours } = outlineOf(g.char, g.family)
      const k = (g.size / 100) * scale
      const [cos, sin] = [Math.cos(g.rotation), Math.sin(g.rotation)]
      const m: Affine = { a: k * cos, b: k * sin, c: -k * sin, d: k * cos, e: g.cx * scale, f: g.cy * scale }
      const ours = blank(width, height)
      fillContours(ours, contours, m, WHITE)
      const canvas = createCanvas(width, height)
      const ctx = canvas.getContext('2d')
      ctx.setTransform(m.a, m.b, m.c, m.d, m.e, m.f)
      ctx.beginPath()
      for (const c of contours) {
        ctx.moveTo(c[0]!, c[1]!)
        for (let i = 2; i < c.length; i += 2) ctx.lineTo(c[i]!, c[i + 1]!)
        ctx.closePath()
      }
      ctx.fillStyle = '#fff'
      ctx.fill()
      const skia = coverage({ words: new Uint32Array(canvas.data().buffer.slice(0)), width, height })
      const mine = coverage(ours)
      let apart = 0
      for (let i = 0; i < mine.length; i++) apart += Math.abs(mine[i]! - skia[i]!)
      // The same ink in the same places: what differs is how each anti-aliases the edge pixels.
      expect(Math.abs(sum(mine) - sum(skia)) / sum(skia)).toBeLessThan(0.03)
      expect(apart / sum(skia)).toBeLessThan(0.1)
    }
  })
})

describe('contoursOf', () => {
  it('reads absolute lines and closes each contour', () => {
    const [square, triangle] = contoursOf('M0 0L10 0L10 10L0 10ZM20 0L30 0L25 -5Z')
    expect([...square!]).toEqual([0, 0, 10, 0, 10, 10, 0, 10])
    expect([...triangle!]).toEqual([20, 0, 30, 0, 25, -5])
  })

  it('flattens curves into chords that end on the curve’s end and stay close to it', () => {
    const [quad] = contoursOf('M0 0Q50 100 100 0Z')
    const [cubic] = contoursOf('M0 0C0 100 100 100 100 0Z')
    for (const [c, peak] of [
      [quad!, 50],
      [cubic!, 75]
    ] as const) {
      expect(c.length / 2).toBeGreaterThan(10)
      expect([c[c.length - 2], c[c.length - 1]]).toEqual([100, 0])
      // Both curves peak at x = 50; no chord point overshoots it and one lies within the tolerance of it.
      const ys = c.filter((_, i) => i % 2 === 1)
      expect(Math.max(...ys)).toBeLessThanOrEqual(peak + 1e-9)
      expect(Math.max(...ys)).toBeGreaterThan(peak - 0.1)
    }
  })

  it('refuses commands it does not draw, and malformed numbers, instead of drawing something else', () => {
    expect(() => contoursOf('M0 0l10 0Z')).toThrow(/unsupported command "l"/)
    expect(() => contoursOf('M0 0A5 5 0 0 1 10 0Z')).toThrow(/unsupported command "A"/)
    expect(() => contoursOf('M0 0L10')).toThrow(/expected a number, got the end/)
    expect(() => contoursOf('M0 0Z 5 5')).toThrow(/unsupported command "5"/)
  })
})
