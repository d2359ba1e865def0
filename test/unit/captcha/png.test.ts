import { createCanvas, loadImage } from '@napi-rs/canvas'
import { deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import type { PngFilter } from '../../../src/main/core/captcha/png'
import { COMPACT_PNG, DEFAULT_PNG, encodePng, scanlines } from '../../../src/main/core/captcha/png'
import { renderPlan } from '../../../src/main/core/captcha/render'
import { seededRandom } from '../../../src/main/core/captcha/random'
import { generatorFor } from '../../support/captcha'
import { readPng } from './helpers'

function randomImage(width: number, height: number, seed: number): Uint8Array {
  const random = seededRandom(seed)
  const rgba = new Uint8Array(width * height * 4)
  for (let i = 0; i < rgba.length; i++) rgba[i] = i % 4 === 3 ? 255 : random.int(256)
  return rgba
}

async function decode(png: Uint8Array): Promise<Uint8ClampedArray> {
  const image = await loadImage(Buffer.from(png))
  const canvas = createCanvas(image.width, image.height)
  const ctx = canvas.getContext('2d')
  ctx.drawImage(image, 0, 0)
  return ctx.getImageData(0, 0, image.width, image.height).data
}

describe('encodePng', () => {
  it.each<[PngFilter, number]>([
    ['none', 0],
    ['none', 1],
    ['sub', 1],
    ['up', 6]
  ])('round-trips every pixel exactly with the %s filter at zlib level %i', async (filter, level) => {
    const width = 37
    const height = 11
    const rgba = randomImage(width, height, 5)
    const png = encodePng(rgba, width, height, { ...DEFAULT_PNG, filter, level })
    const info = readPng(png)
    expect([info.width, info.height, info.colourType]).toEqual([width, height, 2])
    expect(Array.from(await decode(png))).toEqual(Array.from(rgba))
  })

  it('writes nothing but IHDR, IDAT and IEND: no text chunk could carry the answer', async () => {
    const png = Buffer.from(encodePng(randomImage(4, 4, 1), 4, 4))
    const types: string[] = []
    for (let offset = 8; offset < png.length;) {
      const length = png.readUInt32BE(offset)
      types.push(png.toString('latin1', offset + 4, offset + 8))
      offset += 12 + length
    }
    expect(types).toEqual(['IHDR', 'IDAT', 'IEND'])
  })
})

describe('stored zlib streams', () => {
  // Rows of 15 001 bytes put four rows in a block, so 9 rows take three blocks; rows of 6 001 bytes of 0xff
  // push the Adler-32 sums furthest between reductions.
  it.each<[string, number, number, (i: number) => number]>([
    ['one pixel', 1, 1, () => 7],
    ['three blocks of whole rows', 5_000, 9, (i) => (i * 7919) % 256],
    ['the widest rows, all white', 2_000, 30, () => 0xff],
    ['a captcha at 3×', 810, 120, (i) => (i * 31) % 256]
  ])('%s: inflates to the pixels, with the checksum zlib writes', (_, width, height, byte) => {
    const rgba = Uint8Array.from({ length: width * height * 4 }, (_, i) => (i % 4 === 3 ? 255 : byte(i)))
    const info = readPng(encodePng(rgba, width, height))
    // readPng inflates, which checks the Adler-32; zlib's own stream of the same rows ends with the same one.
    const rows = scanlines(rgba, width, height, 'none')
    expect(info.raw.equals(rows)).toBe(true)
    const png = Buffer.from(encodePng(rgba, width, height))
    const stream = png.subarray(41, 41 + png.readUInt32BE(33))
    const zlibs = deflateSync(rows, { level: 0 })
    expect(stream.readUInt32BE(stream.length - 4)).toBe(zlibs.readUInt32BE(zlibs.length - 4))
  })
})

describe("the generator's PNG", () => {
  it.each([1, 1.5, 2, 3])('holds exactly the pixels renderPlan draws at %s×', async (scale) => {
    const generator = generatorFor('hard')
    const captcha = await generator.generate({ scale }, seededRandom(4))
    // The same random stream again gives the same challenge and plan.
    const random = seededRandom(4)
    const plan = generator.plan(generator.challenge(random), 'light', random)
    const expected = renderPlan(plan, scale)
    expect(Buffer.from(await decode(captcha.png)).equals(Buffer.from(expected.data))).toBe(true)
    expect(plan.warp.amplitude).toBeGreaterThan(0)
  })

  it('stores the pixels uncompressed by default and compacts them when asked', () => {
    const generator = generatorFor('normal')
    const drawn = renderPlan(generator.plan(generator.challenge(seededRandom(8)), 'light', seededRandom(9)), 1)
    const stored = encodePng(drawn.data, drawn.width, drawn.height)
    const compact = encodePng(drawn.data, drawn.width, drawn.height, COMPACT_PNG)
    // 270 × 40 RGB plus a filter byte per row, in stored deflate blocks, plus the chunk framing.
    expect(stored.length).toBeGreaterThan(32_440)
    expect(stored.length).toBeLessThan(32_440 + 100)
    expect(compact.length).toBeLessThan(stored.length / 2)
  })

  it("writes rows into a caller's buffer when given one, and refuses one too small", () => {
    const rgba = randomImage(5, 3, 2)
    const into = Buffer.alloc(100, 0xee)
    const rows = scanlines(rgba, 5, 3, 'none', into)
    expect(rows.buffer).toBe(into.buffer)
    expect(rows.length).toBe(3 * (1 + 5 * 3))
    expect(rows.equals(scanlines(rgba, 5, 3, 'none'))).toBe(true)
    expect(() => scanlines(rgba, 5, 3, 'none', Buffer.alloc(10))).toThrow(RangeError)
  })
})
