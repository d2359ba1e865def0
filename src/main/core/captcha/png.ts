import { constants, crc32, deflateSync } from 'node:zlib'
import type { ColumnShifts } from './warp'

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

/** The smallest PNG for the least time among the settings the bench compares: ~9.5 KB at 1×. */
export const COMPACT_PNG: Readonly<PngSettings> = { level: 1, filter: 'sub', strategy: constants.Z_RLE }

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const FILTER_CODE: Record<PngFilter, number> = { none: 0, sub: 1, up: 2 }

// Every platform Electron ships for (x64, arm64) is little-endian; the word layout below depends on it.
if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) throw new Error('the captcha PNG encoder needs a little-endian CPU')

/** The pixels as 32-bit words (a view, or an aligned copy when the bytes start off a 4-byte boundary). */
function wordsOf(rgba: Uint8Array | Uint8ClampedArray): Uint32Array {
  if (rgba.byteOffset % 4 === 0) return new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length >> 2)
  return new Uint32Array(Uint8Array.from(rgba).buffer)
}

/**
 * One output row through the warp, as pixel words: each column blends its two source rows. Red and blue
 * sit 16 bits apart in a word, so they blend together in one multiply without their products colliding.
 */
function warpedRow(pixels: Uint32Array, y: number, width: number, height: number, shifts: ColumnShifts, row: Uint32Array): Uint32Array {
  const lastRow = height - 1
  const { rowOffset, weight, minOffset, maxOffset } = shifts
  // Rows whose sources all lie inside the image (all but a few at the edges) skip the clamping.
  const inside = y + minOffset >= 0 && y + maxOffset + 1 <= lastRow
  for (let x = 0; x < width; x++) {
    let y0 = y + rowOffset[x]!
    let y1 = y0 + 1
    if (!inside) {
      y0 = y0 < 0 ? 0 : y0 > lastRow ? lastRow : y0
      y1 = y1 < 0 ? 0 : y1 > lastRow ? lastRow : y1
    }
    const a = pixels[y0 * width + x]!
    const b = pixels[y1 * width + x]!
    const wb = weight[x]!
    const wa = 256 - wb
    const rb = (((a & 0xff00ff) * wa + (b & 0xff00ff) * wb + 0x800080) >>> 8) & 0xff00ff
    const g = ((((a >>> 8) & 0xff) * wa + ((b >>> 8) & 0xff) * wb + 128) >>> 8) << 8
    row[x] = rb | g
  }
  return row
}

/**
 * Opaque RGBA → PNG scanlines: RGB triples, each row led by its filter byte; alpha is dropped. With
 * `shifts`, each column is sampled through the warp exactly as warpRows does, so the app needs no
 * separate pass over the image. Pixels are handled as 32-bit words (R in the low byte): reading a word
 * and filtering straight into the output took half the time of a byte-wise copy and a second pass.
 * `into` lets a caller reuse one buffer for every image.
 */
export function scanlines(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  filter: PngFilter,
  shifts: ColumnShifts | null = null,
  into?: Buffer
): Buffer {
  const words = wordsOf(rgba)
  const size = (width * 3 + 1) * height
  if (into !== undefined && into.length < size) throw new RangeError('scanline buffer too small')
  const out = into === undefined ? Buffer.allocUnsafe(size) : into.subarray(0, size)
  const code = FILTER_CODE[filter]
  const warped = new Uint32Array(width)
  const above = new Uint32Array(width)
  for (let y = 0, o = 0; y < height; y++) {
    const row = shifts === null ? words.subarray(y * width, (y + 1) * width) : warpedRow(words, y, width, height, shifts, warped)
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
function assemble(width: number, height: number, idatLength: number, fillIdat: (target: Buffer, offset: number) => void): Uint8Array {
  const total = SIGNATURE.length + 12 + 13 + 12 + idatLength + 12
  // Not from Node's shared pool: the PNG must own its ArrayBuffer so a worker can transfer it.
  const out = Buffer.allocUnsafeSlow(total)
  out.set(SIGNATURE, 0)
  let offset = writeChunk(out, SIGNATURE.length, 'IHDR', 13, (at) => {
    out.writeUInt32BE(width, at)
    out.writeUInt32BE(height, at + 4)
    out[at + 8] = 8 // bit depth
    out[at + 9] = 2 // colour type: truecolour
    out.fill(0, at + 10, at + 13) // deflate, adaptive filtering, no interlace
  })
  offset = writeChunk(out, offset, 'IDAT', idatLength, (at) => fillIdat(out, at))
  writeChunk(out, offset, 'IEND', 0, () => {})
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
}

const STORED_BLOCK_MAX = 65_535
const ADLER_MOD = 65_521
/** Bytes after which the Adler-32 sums must be reduced to stay exact in 32 bits (zlib's NMAX). */
const ADLER_RUN = 5_552

/** Adler-32, the checksum that ends a zlib stream (Node exposes crc32 but not this). */
export function adler32(data: Uint8Array): number {
  let a = 1
  let b = 0
  for (let i = 0; i < data.length;) {
    const end = Math.min(i + ADLER_RUN, data.length)
    for (; i < end; i++) {
      a += data[i]!
      b += a
    }
    a %= ADLER_MOD
    b %= ADLER_MOD
  }
  return ((b << 16) | a) >>> 0
}

function storedZlibLength(rawLength: number): number {
  return 2 + rawLength + 5 * Math.max(1, Math.ceil(rawLength / STORED_BLOCK_MAX)) + 4
}

/** A zlib stream of stored deflate blocks (RFC 1950/1951): the header, ≤64 KB blocks, the Adler-32. */
function writeStoredZlib(target: Buffer, offset: number, raw: Uint8Array): void {
  target[offset++] = 0x78 // deflate, 32 KB window
  target[offset++] = 0x01 // no dictionary, fastest; 0x7801 is a multiple of 31 as the header check requires
  for (let start = 0; ;) {
    const length = Math.min(STORED_BLOCK_MAX, raw.length - start)
    const last = start + length >= raw.length
    target[offset] = last ? 1 : 0 // BFINAL, BTYPE 00 = stored
    target.writeUInt16LE(length, offset + 1)
    target.writeUInt16LE(length ^ 0xffff, offset + 3)
    target.set(raw.subarray(start, start + length), offset + 5)
    offset += 5 + length
    start += length
    if (last) break
  }
  target.writeUInt32BE(adler32(raw), offset)
}

/**
 * Wraps filtered scanlines (from {@link scanlines}) into an 8-bit RGB PNG. Returns a Uint8Array that owns
 * an ArrayBuffer of exactly its size, so structured cloning over IPC copies the image and nothing else,
 * and a worker can transfer it.
 *
 * Level 0 is written here, not by zlib: every zlib stream reports its ~260 KB of state to V8 as external
 * memory, which is released only when the stream object is collected, so one stream per captcha made V8
 * run a full garbage collection every ~200 captchas (`--trace-gc`), on helper threads that took ~20% of
 * the CPU. Stored blocks need no state at all, only a checksum.
 */
export function pngFromScanlines(raw: Buffer, width: number, height: number, settings: PngSettings = DEFAULT_PNG): Uint8Array {
  if (settings.level === 0) {
    return assemble(width, height, storedZlibLength(raw.length), (target, offset) => writeStoredZlib(target, offset, raw))
  }
  const idat = deflateSync(raw, { level: settings.level, strategy: settings.strategy })
  return assemble(width, height, idat.length, (target, offset) => target.set(idat, offset))
}

/** Opaque RGBA pixels → PNG, both steps in one call. */
export function encodePng(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  settings: PngSettings = DEFAULT_PNG
): Uint8Array {
  return pngFromScanlines(scanlines(rgba, width, height, settings.filter), width, height, settings)
}
