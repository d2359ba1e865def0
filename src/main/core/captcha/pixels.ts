import type { Rgb } from './colour'

/** The captcha's pixels while it is drawn: one reused layout for every layer, all of them painted in JS. */
export interface Pixels32 {
  /** Premultiplied RGBA pixels as little-endian words (R in the low byte), row by row. */
  words: Uint32Array
  width: number
  height: number
}

/** Coverage is blended in 128ths: two 8-bit channels 16 bits apart times 128 still fit in an int32. */
export const FULL = 128

/** An opaque colour as one pixel word, and split for {@link blend}: red and blue in one word, green and alpha in another. */
export interface Ink {
  word: number
  rb: number
  ga: number
}

export function inkOf({ r, g, b }: Rgb): Ink {
  return { word: (r | (g << 8) | (b << 16) | (255 << 24)) >>> 0, rb: r | (b << 16), ga: g | (255 << 16) }
}

/** Source-over of an opaque ink with coverage `weight`/128, red+blue and green+alpha one multiply each. */
export function blend(words: Uint32Array, i: number, inkRb: number, inkGa: number, weight: number): void {
  const p = words[i]!
  const keep = FULL - weight
  const rb = (((p & 0xff00ff) * keep + inkRb * weight + 0x400040) >> 7) & 0xff00ff
  const ga = ((((p >>> 8) & 0xff00ff) * keep + inkGa * weight + 0x400040) >> 7) & 0xff00ff
  words[i] = (rb | (ga << 8)) >>> 0
}
