// The JS noise stamping checked against geometry and against Skia drawing the same strokes.
import { createCanvas } from '@napi-rs/canvas'
import { describe, expect, it } from 'vitest'
import { stampDot, stampStroke } from '../../../src/main/core/captcha/noise'
import type { Pixels32 } from '../../../src/main/core/captcha/pixels'
import type { StrokePlan, WarpPlan } from '../../../src/main/core/captcha/plan'
import { seededRandom } from '../../../src/main/core/captcha/random'
import { warpOffset } from '../../../src/main/core/captcha/warp'
import { generatorFor } from '../../support/captcha'

const BLACK = { r: 0, g: 0, b: 0 }
const NO_WARP: WarpPlan = { amplitude: 0, wavelength: 270, phase: 0 }

function white(width: number, height: number): Pixels32 {
  return { words: new Uint32Array(width * height).fill(0xffffffff), width, height }
}

/** How much of each pixel black ink covers, 0–1, from its red channel. */
function coverage(image: Pixels32): Float64Array {
  return Float64Array.from(image.words, (w) => (255 - (w & 0xff)) / 255)
}

function column(cover: Float64Array, image: Pixels32, x: number): number[] {
  return Array.from({ length: image.height }, (_, y) => cover[y * image.width + x]!)
}

describe('stampStroke', () => {
  it('covers exactly its width in every column of a level line, and nothing beyond', () => {
    const image = white(270, 40)
    stampStroke(image, { points: [10, 20, 260, 20], width: 2, colour: BLACK }, NO_WARP, 1, 1)
    const cover = coverage(image)
    for (let x = 0; x < 270; x++) {
      const rows = column(cover, image, x)
      const total = rows.reduce((a, b) => a + b, 0)
      expect(total).toBeCloseTo(x >= 10 && x < 260 ? 2 : 0, 1)
      rows.forEach((c, y) => (y === 19 || y === 20 ? undefined : expect(c).toBe(0)))
    }
  })

  it('follows the warp: each column’s ink is centred on the line moved by the wave', () => {
    const warp = { amplitude: 3, wavelength: 100, phase: 1 }
    const image = white(270, 40)
    stampStroke(image, { points: [0, 20, 270, 20], width: 2, colour: BLACK }, warp, 1, 1)
    const cover = coverage(image)
    for (let x = 5; x < 265; x += 7) {
      const rows = column(cover, image, x)
      const total = rows.reduce((a, b) => a + b, 0)
      const centre = rows.reduce((sum, c, y) => sum + c * (y + 0.5), 0) / total
      expect(Math.abs(centre - (20 + warpOffset(warp, x + 0.5)))).toBeLessThan(0.15)
    }
  })

  it.each([1, 2, 3])('lays down the same ink as Skia stroking the same curves, at %i×', (scale) => {
    const generator = generatorFor('hard')
    const random = seededRandom(scale)
    const strokes: StrokePlan[] = []
    for (let i = 0; i < 6; i++) strokes.push(...generator.plan(generator.challenge(random), 'light', random).strokes)
    const [width, height] = [270 * scale, 40 * scale]
    for (const stroke of strokes) {
      const ours = white(width, height)
      stampStroke(ours, { ...stroke, colour: BLACK }, NO_WARP, scale, scale)
      const canvas = createCanvas(width, height)
      const ctx = canvas.getContext('2d')
      ctx.fillStyle = '#fff'
      ctx.fillRect(0, 0, width, height)
      ctx.scale(scale, scale)
      ctx.lineWidth = stroke.width
      ctx.beginPath()
      const p = stroke.points
      ctx.moveTo(p[0]!, p[1]!)
      if (p.length === 4) ctx.lineTo(p[2]!, p[3]!)
      else ctx.bezierCurveTo(p[2]!, p[3]!, p[4]!, p[5]!, p[6]!, p[7]!)
      ctx.stroke()
      const skia = coverage({ words: new Uint32Array(canvas.data().buffer.slice(0)), width, height })
      const mine = coverage(ours)
      let inkOurs = 0
      let inkSkia = 0
      let apart = 0
      for (let i = 0; i < mine.length; i++) {
        inkOurs += mine[i]!
        inkSkia += skia[i]!
        apart += Math.abs(mine[i]! - skia[i]!)
      }
      // The same amount of ink in the same places: the differences are anti-aliasing at the edges.
      // Skia's supersampled coverage runs up to ~6 % heavier than the exact area, which the first test checks.
      expect(Math.abs(inkOurs - inkSkia) / inkSkia).toBeLessThan(0.08)
      expect(apart / inkSkia).toBeLessThan(0.2)
    }
  })
})

describe('stampDot', () => {
  it('fills whole pixels at 1× and covers its exact area at fractional scales', () => {
    for (const scale of [1, 1.5, 2.25]) {
      const image = white(60, 20)
      stampDot(image, { x: 11, y: 6, r: 1, colour: BLACK }, NO_WARP, scale, scale)
      const cover = coverage(image)
      const total = cover.reduce((a, b) => a + b, 0)
      expect(total).toBeCloseTo((2 * scale) ** 2, 1)
      if (scale === 1) expect([...cover].filter((c) => c === 1)).toHaveLength(4)
    }
  })

  it('moves with the warp', () => {
    const warp = { amplitude: 3, wavelength: 60, phase: 0 }
    const image = white(60, 20)
    stampDot(image, { x: 15, y: 10, r: 1, colour: BLACK }, warp, 1, 1)
    const inked = [...coverage(image)].flatMap((c, i) => (c > 0 ? [[i % 60, Math.floor(i / 60), c]] : []))
    // At a quarter wavelength the wave peaks: the speck moves down by the whole amplitude.
    expect(inked).toEqual([
      [14, 12, 1],
      [15, 12, 1],
      [14, 13, 1],
      [15, 13, 1]
    ])
  })
})
