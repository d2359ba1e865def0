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

function writeChunk(target: Buffer, offset: number, type: string, data: Uint8Array): number {
  target.writeUInt32BE(data.length, offset)
  target.write(type, offset + 4, 'latin1')
  target.set(data, offset + 8)
  const crc = crc32(target.subarray(offset + 4, offset + 8 + data.length))
  target.writeUInt32BE(crc, offset + 8 + data.length)
  return offset + 12 + data.length
}

function assemble(idat: Uint8Array, width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // colour type: truecolour
  const total = SIGNATURE.length + 12 + ihdr.length + 12 + idat.length + 12
  const out = Buffer.allocUnsafeSlow(total)
  out.set(SIGNATURE, 0)
  let offset = writeChunk(out, SIGNATURE.length, 'IHDR', ihdr)
  offset = writeChunk(out, offset, 'IDAT', idat)
  writeChunk(out, offset, 'IEND', new Uint8Array(0))
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
}

/**
 * Wraps filtered scanlines (from {@link scanlines}) into an 8-bit RGB PNG. Returns a Uint8Array that owns
 * an ArrayBuffer of exactly its size, so structured cloning over IPC copies the image and nothing else,
 * and a worker can transfer it.
 */
export function pngFromScanlines(raw: Buffer, width: number, height: number, settings: PngSettings = DEFAULT_PNG): Uint8Array {
  return assemble(deflateSync(raw, { level: settings.level, strategy: settings.strategy }), width, height)
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
