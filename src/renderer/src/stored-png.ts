import { FILTER_NONE, LITTLE_ENDIAN, PNG_SIGNATURE, RGB8_IHDR_TAIL, rgbRowBytes } from '../../shared/png-layout'

/**
 * Reads the pixels of a PNG in the layout main writes its captchas in by default (src/shared/png-layout.ts):
 * 8-bit RGB, not interlaced, rows with no filter, in stored (uncompressed) deflate blocks. Such a PNG needs no
 * decoder, only copying, so the page draws it in the same task the bytes arrive in. A decode through
 * ImageDecoder, however fast off the main thread, resolves only once the main thread is free, which on a
 * cold start is after the rest of the load's work (~18 ms later, bench:ui).
 *
 * Anything else (a compressed PNG, a filter, a colour type or a length it does not expect) gives null, and
 * the caller decodes it the general way. The bytes come from main and are never trusted past their bounds.
 */
export interface RgbaPixels {
  width: number
  height: number
  rgba: Uint8ClampedArray<ArrayBuffer>
}

/** Far above any captcha (810 × 120 at 3×): a bound on what a header can make the page allocate. */
const MAX_PIXELS = 4_000_000

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0
}

function type(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!)
}

/** The zlib stream: IHDR's sizes and the IDAT chunks' data joined, or null if the layout is not the one expected. */
function chunks(png: Uint8Array): { width: number; height: number; zlib: Uint8Array } | null {
  if (png.length < 8 || PNG_SIGNATURE.some((byte, i) => png[i] !== byte)) return null
  let width = 0
  let height = 0
  const idat: Uint8Array[] = []
  for (let at = 8; at + 12 <= png.length;) {
    const length = u32(png, at)
    const name = type(png, at + 4)
    const data = at + 8
    if (data + length + 4 > png.length) return null
    if (name === 'IHDR') {
      if (length !== 13 || RGB8_IHDR_TAIL.some((byte, i) => png[data + 8 + i] !== byte)) return null
      width = u32(png, data)
      height = u32(png, data + 4)
    } else if (name === 'IDAT') {
      idat.push(png.subarray(data, data + length))
    } else if (name === 'IEND') {
      break
    }
    at = data + length + 4
  }
  if (width === 0 || height === 0 || width * height > MAX_PIXELS || idat.length === 0) return null
  if (idat.length === 1) return { width, height, zlib: idat[0]! }
  const zlib = new Uint8Array(idat.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of idat) {
    zlib.set(part, offset)
    offset += part.length
  }
  return { width, height, zlib }
}

/** The PNG's pixels as RGBA, or null when it is not a stored, unfiltered 8-bit RGB PNG. */
export function readStoredPng(png: Uint8Array): RgbaPixels | null {
  const parts = chunks(png)
  if (parts === null) return null
  const { width, height, zlib } = parts
  // zlib header: deflate (method 8), no preset dictionary.
  if (zlib.length < 2 || (zlib[0]! & 0x0f) !== 8 || (zlib[1]! & 0x20) !== 0) return null
  const rowBytes = rgbRowBytes(width)
  const rgba = new Uint8ClampedArray(width * height * 4)
  // RGBA as little-endian words (R in the low byte); a big-endian machine takes the byte loop.
  const words = LITTLE_ENDIAN ? new Uint32Array(rgba.buffer) : null
  let at = 2
  let row = 0
  let column = -1 // -1: the row's filter byte is next
  let out = 0
  let last = false
  while (!last) {
    if (at + 5 > zlib.length) return null
    const header = zlib[at]!
    last = (header & 1) === 1
    // Only stored blocks (BTYPE 00); their header fills the byte, then LEN and its complement.
    if ((header & 0b110) !== 0) return null
    const length = zlib[at + 1]! | (zlib[at + 2]! << 8)
    if ((length ^ (zlib[at + 3]! | (zlib[at + 4]! << 8))) !== 0xffff) return null
    at += 5
    if (at + length > zlib.length) return null
    for (const end = at + length; at < end;) {
      if (row >= height) return null
      if (column === -1) {
        if (zlib[at++] !== FILTER_NONE) return null // a filtered row: leave it to a real decoder
        column = 0
        continue
      }
      const take = Math.min(end - at, rowBytes - 1 - column)
      if (words !== null && column % 3 === 0 && take % 3 === 0) {
        // Whole pixels (main's blocks hold whole rows): one word each. This runs while the page's code is
        // still cold, where the loop per byte cost more (received → drawn 4.3 → 2.9 ms, bench:ui).
        for (let word = out >> 2, stop = at + take; at < stop; at += 3) {
          words[word++] = zlib[at]! | (zlib[at + 1]! << 8) | (zlib[at + 2]! << 16) | 0xff000000
        }
        out += (take / 3) * 4
      } else {
        for (let i = 0; i < take; i++) {
          rgba[out++] = zlib[at++]!
          // After each pixel's blue, its alpha: opaque.
          if ((column + i) % 3 === 2) rgba[out++] = 255
        }
      }
      column += take
      if (column === rowBytes - 1) {
        row++
        column = -1
      }
    }
  }
  return row === height ? { width, height, rgba } : null
}
