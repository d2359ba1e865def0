import { constants, crc32, deflateSync } from 'node:zlib'
import { FILTER_NONE, LITTLE_ENDIAN, PNG_SIGNATURE, RGB8_IHDR_TAIL, rgbRowBytes, STORED_BLOCK_MAX } from '../../../shared/png-layout'

export type PngFilter = 'none' | 'sub' | 'up'

export interface PngSettings {
  /** zlib level 0–9. */
  level: number
  filter: PngFilter
  strategy: number
}

/**
 * Chosen with `npm run bench` (its encoder table and stage timings) on this app's images: stored, not
 * compressed. The PNG crosses a local IPC pipe to the renderer and never a network, where 32 KB instead
 * of 9.5 KB costs microseconds, while zlib's fastest compressing setting (level 1, run-length strategy,
 * Sub-filtered rows) took about a third of each captcha's time. Filters only help compression, so none.
 * Skia's own canvas.encode('png') has no settings and cost more than drawing the whole captcha.
 * Anyone serving captchas over a network can pass `COMPACT_PNG` to the generator instead.
 */
export const DEFAULT_PNG: Readonly<PngSettings> = { level: 0, filter: 'none', strategy: constants.Z_DEFAULT_STRATEGY }

/** Whether these settings take the stored path, which writes straight from the pixels with no scanline buffer. */
export function isStored(settings: PngSettings): boolean {
  return settings.level === 0 && settings.filter === 'none'
}

/** The smallest PNG for the least time among the settings the bench compares: ~9.5 KB at 1×. */
export const COMPACT_PNG: Readonly<PngSettings> = { level: 1, filter: 'sub', strategy: constants.Z_RLE }

const SIGNATURE = Buffer.from(PNG_SIGNATURE)
const FILTER_CODE: Record<PngFilter, number> = { none: FILTER_NONE, sub: 1, up: 2 }

// Every platform Electron ships for (x64, arm64) is little-endian; the word layout below depends on it.
if (!LITTLE_ENDIAN) throw new Error('the captcha PNG encoder needs a little-endian CPU')

/** The pixels as 32-bit words (a view, or an aligned copy when the bytes start off a 4-byte boundary). */
export function wordsOf(rgba: Uint8Array | Uint8ClampedArray): Uint32Array {
  if (rgba.byteOffset % 4 === 0) return new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length >> 2)
  return new Uint32Array(Uint8Array.from(rgba).buffer)
}

/**
 * Opaque RGBA → PNG scanlines for zlib: RGB triples, each row led by its filter byte; alpha is dropped.
 * Pixels are handled as 32-bit words (R in the low byte): reading a word and filtering straight into the
 * output took half the time of a byte-wise copy and a second pass. `into` lets a caller reuse a buffer.
 */
export function scanlines(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, filter: PngFilter, into?: Buffer): Buffer {
  const words = wordsOf(rgba)
  const size = (width * 3 + 1) * height
  if (into !== undefined && into.length < size) throw new RangeError('scanline buffer too small')
  const out = into === undefined ? Buffer.allocUnsafe(size) : into.subarray(0, size)
  const code = FILTER_CODE[filter]
  const above = new Uint32Array(width)
  for (let y = 0, o = 0; y < height; y++) {
    const row = words.subarray(y * width, (y + 1) * width)
    out[o++] = code
    if (code === 1) {
      let prev = 0
      for (let x = 0; x < width; x++, o += 3) {
        const p = row[x]!
        out[o] = (p - prev) & 0xff
        out[o + 1] = ((p >>> 8) - (prev >>> 8)) & 0xff
        out[o + 2] = ((p >>> 16) - (prev >>> 16)) & 0xff
        prev = p
      }
    } else if (code === 2) {
      for (let x = 0; x < width; x++, o += 3) {
        const p = row[x]!
        const q = above[x]!
        out[o] = (p - q) & 0xff
        out[o + 1] = ((p >>> 8) - (q >>> 8)) & 0xff
        out[o + 2] = ((p >>> 16) - (q >>> 16)) & 0xff
      }
      above.set(row)
    } else {
      for (let x = 0; x < width; x++, o += 3) {
        const p = row[x]!
        out[o] = p & 0xff
        out[o + 1] = (p >>> 8) & 0xff
        out[o + 2] = (p >>> 16) & 0xff
      }
    }
  }
  return out
}

/** Writes one chunk whose data `fill` writes at the offset it is given; returns the offset after it. */
function writeChunk(target: Buffer, offset: number, type: string, length: number, fill: (dataOffset: number) => void): number {
  target.writeUInt32BE(length, offset)
  target.write(type, offset + 4, 'latin1')
  fill(offset + 8)
  target.writeUInt32BE(crc32(target.subarray(offset + 4, offset + 8 + length)), offset + 8 + length)
  return offset + 12 + length
}

/** An 8-bit RGB PNG around IDAT data of the given length, which `fillIdat` writes in place. */
function pngFile(width: number, height: number, idatLength: number, fillIdat: (target: Buffer, offset: number) => void): Uint8Array {
  const total = SIGNATURE.length + 12 + 13 + 12 + idatLength + 12
  // Not from Node's shared pool: the PNG must own its ArrayBuffer so a worker can transfer it.
  const out = Buffer.allocUnsafeSlow(total)
  out.set(SIGNATURE, 0)
  let offset = writeChunk(out, SIGNATURE.length, 'IHDR', 13, (at) => {
    out.writeUInt32BE(width, at)
    out.writeUInt32BE(height, at + 4)
    out.set(RGB8_IHDR_TAIL, at + 8)
  })
  offset = writeChunk(out, offset, 'IDAT', idatLength, (at) => fillIdat(out, at))
  writeChunk(out, offset, 'IEND', 0, () => {})
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
}

const ADLER_MOD = 65_521

/** Where the rows go: stored deflate blocks that each hold whole rows, so no row is split by a block header. */
function storedLayout(width: number, height: number): { rowBytes: number; rowsPerBlock: number; idatLength: number } {
  const rowBytes = rgbRowBytes(width)
  const rowsPerBlock = Math.floor(STORED_BLOCK_MAX / rowBytes)
  if (rowsPerBlock < 1) throw new RangeError(`a row of ${width} px does not fit in a stored deflate block`)
  const blocks = Math.ceil(height / rowsPerBlock)
  // zlib header, each block's 5-byte header, the rows, the Adler-32.
  return { rowBytes, rowsPerBlock, idatLength: 2 + 5 * blocks + height * rowBytes + 4 }
}

/**
 * The default: a zlib stream of stored blocks (RFC 1950/1951), written in one pass straight from the
 * pixels, each row summed into the Adler-32 as it is written. zlib is not used for it: every zlib stream
 * reports its ~260 KB of state to V8 as external memory until the stream object is collected, so one per
 * captcha brought full garbage collections forward (every ~200 captchas, `--trace-gc`).
 */
function storedPng(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Uint8Array {
  const words = wordsOf(rgba)
  const { rowBytes, rowsPerBlock, idatLength } = storedLayout(width, height)
  return pngFile(width, height, idatLength, (out, at) => {
    const view = new DataView(out.buffer, out.byteOffset, out.byteLength)
    let o = at
    out[o++] = 0x78 // deflate, 32 KB window
    out[o++] = 0x01 // no dictionary, fastest; 0x7801 is a multiple of 31 as the header check requires
    // Adler-32's two sums, reduced once per row: within a row they stay far below 2^53, so exact.
    let a = 1
    let b = 0
    for (let y = 0; y < height; y++) {
      if (y % rowsPerBlock === 0) {
        const length = Math.min(rowsPerBlock, height - y) * rowBytes
        out[o] = y + rowsPerBlock >= height ? 1 : 0 // BFINAL on the last block; BTYPE 00 = stored
        out.writeUInt16LE(length, o + 1)
        out.writeUInt16LE(length ^ 0xffff, o + 3)
        o += 5
      }
      const base = y * width
      out[o++] = FILTER_NONE
      b += a
      for (let x = 0; x < width; x++, o += 3) {
        const p = words[base + x]!
        // All four bytes in one store; the alpha byte is overwritten by the next pixel, filter byte or checksum.
        view.setUint32(o, p, true)
        const red = p & 0xff
        const green = (p >>> 8) & 0xff
        const blue = (p >>> 16) & 0xff
        // Three bytes of Adler-32 at once: b gains a after each byte.
        b += 3 * a + 3 * red + 2 * green + blue
        a += red + green + blue
      }
      a %= ADLER_MOD
      b %= ADLER_MOD
    }
    out.writeUInt32BE(((b << 16) | a) >>> 0, o)
  })
}

/**
 * Filtered scanlines (from {@link scanlines}) → an 8-bit RGB PNG compressed by zlib at `settings.level`,
 * for callers who send captchas over a network ({@link COMPACT_PNG}).
 */
export function pngFromScanlines(raw: Buffer, width: number, height: number, settings: PngSettings): Uint8Array {
  const idat = deflateSync(raw, { level: settings.level, strategy: settings.strategy })
  return pngFile(width, height, idat.length, (target, offset) => target.set(idat, offset))
}

/**
 * Opaque RGBA pixels → PNG. Returns a Uint8Array that owns an ArrayBuffer of exactly its size, so
 * structured cloning over IPC copies the image and nothing else, and a worker can transfer it. `rows`
 * lets a caller reuse one scanline buffer for compressed images.
 */
export function encodePng(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  settings: PngSettings = DEFAULT_PNG,
  rows?: Buffer
): Uint8Array {
  if (isStored(settings)) return storedPng(rgba, width, height)
  return pngFromScanlines(scanlines(rgba, width, height, settings.filter, rows), width, height, settings)
}
