// The page's fast path for main's own captcha PNGs: the exact pixels for what main writes, and null (so the
// page falls back to a real decoder) for anything else, never an exception or a read past the bytes.
import { describe, expect, it } from 'vitest'
import { constants } from 'node:zlib'
import { COMPACT_PNG, encodePng, pngFromScanlines, scanlines } from '../../../src/main/core/captcha/png'
import { renderPlan } from '../../../src/main/core/captcha/render'
import { seededRandom } from '../../../src/main/core/captcha/random'
import { readStoredPng } from '../../../src/renderer/src/stored-png'
import { generatorFor } from '../../support/captcha'

function drawn(scale: number) {
  const generator = generatorFor('normal')
  const random = seededRandom(scale * 7)
  return renderPlan(generator.plan(generator.challenge(random), 'light', random), scale)
}

describe('readStoredPng', () => {
  it.each([1, 2, 3])('gives back exactly the pixels main encoded at %i×, opaque', (scale) => {
    const pixels = drawn(scale)
    const read = readStoredPng(encodePng(pixels.data, pixels.width, pixels.height))
    expect(read).not.toBeNull()
    expect([read!.width, read!.height]).toEqual([pixels.width, pixels.height])
    expect(Buffer.from(read!.rgba.buffer).equals(Buffer.from(pixels.data.buffer, pixels.data.byteOffset, pixels.data.byteLength))).toBe(
      true
    )
  })

  it('reads stored blocks that split rows and pixels anywhere, as zlib writes them', () => {
    const pixels = drawn(2)
    const raw = scanlines(pixels.data, pixels.width, pixels.height, 'none')
    const png = pngFromScanlines(raw, pixels.width, pixels.height, { level: 0, filter: 'none', strategy: constants.Z_DEFAULT_STRATEGY })
    const read = readStoredPng(png)
    expect(read).not.toBeNull()
    expect(Buffer.from(read!.rgba.buffer).equals(Buffer.from(pixels.data.buffer, pixels.data.byteOffset, pixels.data.byteLength))).toBe(
      true
    )
  })

  it('leaves a compressed or filtered PNG to the decoder', () => {
    const pixels = drawn(1)
    expect(readStoredPng(encodePng(pixels.data, pixels.width, pixels.height, COMPACT_PNG))).toBeNull()
    expect(readStoredPng(encodePng(pixels.data, pixels.width, pixels.height, { ...COMPACT_PNG, level: 0 }))).toBeNull()
  })

  it('gives null, never an exception, for bytes that are cut short, altered or not a PNG', () => {
    const pixels = drawn(1)
    const png = encodePng(pixels.data, pixels.width, pixels.height)
    expect(readStoredPng(new Uint8Array(0))).toBeNull()
    expect(readStoredPng(new TextEncoder().encode('not a png at all'))).toBeNull()
    for (const cut of [8, 30, 60, 1000, png.length - 20]) expect(readStoredPng(png.subarray(0, cut))).toBeNull()
    // IHDR's colour type (offset 25) as RGBA, or a height (20–23) past the data: both refused.
    const rgba = png.slice()
    rgba[25] = 6
    expect(readStoredPng(rgba)).toBeNull()
    const taller = png.slice()
    taller[23] = taller[23]! + 1
    expect(readStoredPng(taller)).toBeNull()
    // A stored block's length that does not match its complement.
    const lengths = png.slice()
    lengths[8 + 25 + 8 + 2 + 1]! ^= 1
    expect(readStoredPng(lengths)).toBeNull()
    // A huge declared size is refused before anything is allocated.
    const huge = png.slice()
    huge.set([0x7f, 0xff, 0xff, 0xff], 16)
    expect(readStoredPng(huge)).toBeNull()
  })
})
