import { createCanvas, loadImage } from '@napi-rs/canvas'
import { deflateSync, inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import type { PngFilter } from '../../../src/main/core/captcha/png'
import { COMPACT_PNG, DEFAULT_PNG, adler32, encodePng, pngFromScanlines, scanlines } from '../../../src/main/core/captcha/png'
import { drawPlan, renderPlan } from '../../../src/main/core/captcha/render'
import { columnShifts } from '../../../src/main/core/captcha/warp'
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
  it.each([0, 1, 5_551, 5_552, 5_553, 65_535, 65_536, 200_000])('checksums %i bytes as zlib does, in blocks zlib inflates', (length) => {
    const random = seededRandom(length)
    // Runs of 0xff push the Adler sums fastest towards the point where they must be reduced.
    const data = Uint8Array.from({ length }, (_, i) => (i % 3 === 0 ? 0xff : random.int(256)))
    const rows = Buffer.from(data)
    const png = Buffer.from(pngFromScanlines(rows, 1, 1))
    // IDAT starts after the signature (8) and IHDR (25); its data after the length and type (8).
    const idatLength = png.readUInt32BE(33)
    const zlibStream = png.subarray(41, 41 + idatLength)
    expect(inflateSync(zlibStream).equals(rows)).toBe(true)
    // inflate checks the Adler-32 trailer itself; zlib's own stream must end with the same one.
    const zlibs = deflateSync(rows, { level: 0 })
    expect(adler32(data)).toBe(zlibs.readUInt32BE(zlibs.length - 4))
  })
})

describe("the generator's PNG", () => {
  it.each([1, 2, 3])('holds exactly the pixels renderPlan draws, warp included, at %i×', async (scale) => {
    const generator = generatorFor('hard')
    const plan = generator.plan(generator.challenge(seededRandom(4)), 'light', seededRandom(5))
    const expected = renderPlan(plan, scale)
    // The same plan through the app's path: draw, then warp while filtering rows, then deflate.
    const drawn = drawPlan(plan, scale)
    const shifts = columnShifts(plan.warp, drawn.width, scale, scale)
    for (const settings of [DEFAULT_PNG, COMPACT_PNG]) {
      const png = pngFromScanlines(
        scanlines(drawn.data, drawn.width, drawn.height, settings.filter, shifts),
        drawn.width,
        drawn.height,
        settings
      )
      expect(Buffer.from(await decode(png)).equals(Buffer.from(expected.data))).toBe(true)
    }
    expect(plan.warp.amplitude).toBeGreaterThan(0)
  })

  it('stores the pixels uncompressed by default and compacts them when asked', () => {
    const generator = generatorFor('normal')
    const drawn = drawPlan(generator.plan(generator.challenge(seededRandom(8)), 'light', seededRandom(9)), 1)
    const raw = (settings: typeof DEFAULT_PNG): Buffer => scanlines(drawn.data, drawn.width, drawn.height, settings.filter)
    const stored = pngFromScanlines(raw(DEFAULT_PNG), drawn.width, drawn.height)
    const compact = pngFromScanlines(raw(COMPACT_PNG), drawn.width, drawn.height, COMPACT_PNG)
    // 270 × 40 RGB plus a filter byte per row, in stored deflate blocks, plus the chunk framing.
    expect(stored.length).toBeGreaterThan(32_440)
    expect(stored.length).toBeLessThan(32_440 + 100)
    expect(compact.length).toBeLessThan(stored.length / 2)
  })

  it("writes rows into a caller's buffer when given one, and refuses one too small", () => {
    const rgba = randomImage(5, 3, 2)
    const into = Buffer.alloc(100, 0xee)
    const rows = scanlines(rgba, 5, 3, 'none', null, into)
    expect(rows.buffer).toBe(into.buffer)
    expect(rows.length).toBe(3 * (1 + 5 * 3))
    expect(rows.equals(scanlines(rgba, 5, 3, 'none'))).toBe(true)
    expect(() => scanlines(rgba, 5, 3, 'none', null, Buffer.alloc(10))).toThrow(RangeError)
  })
})
