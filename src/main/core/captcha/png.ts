import { promisify } from 'node:util'
import { constants, crc32, deflate } from 'node:zlib'

const deflateAsync = promisify(deflate)

export type PngFilter = 'none' | 'sub' | 'up'

export interface PngSettings {
  /** zlib level 0–9. */
  level: number
  filter: PngFilter
  strategy: number
}

/**
 * Chosen by scripts/captcha/bench-encoder.ts on this app's images: Skia's PNG encoder (fixed settings) took
 * most of a captcha's time; RGB rows with the Sub filter at zlib level 1 encode several times faster for
 * files within a few percent of its size. The deflate runs on the libuv threadpool, off the event loop.
 */
export const DEFAULT_PNG: Readonly<PngSettings> = { level: 1, filter: 'sub', strategy: constants.Z_DEFAULT_STRATEGY }

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const FILTER_CODE: Record<PngFilter, number> = { none: 0, sub: 1, up: 2 }

/** Opaque RGBA → PNG scanlines: RGB triples, each row led by its filter byte. Alpha is dropped. */
export function scanlines(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, filter: PngFilter): Buffer {
  const stride = width * 3 + 1
  const out = Buffer.allocUnsafe(stride * height)
  const code = FILTER_CODE[filter]
  let o = 0
  let i = 0
  for (let y = 0; y < height; y++) {
    out[o++] = code
    if (filter === 'sub') {
      let pr = 0
      let pg = 0
      let pb = 0
      for (let x = 0; x < width; x++, i += 4) {
        const r = rgba[i]!
        const g = rgba[i + 1]!
        const b = rgba[i + 2]!
        out[o++] = (r - pr) & 0xff
        out[o++] = (g - pg) & 0xff
        out[o++] = (b - pb) & 0xff
        pr = r
        pg = g
        pb = b
      }
    } else if (filter === 'up' && y > 0) {
      const above = i - width * 4
      for (let x = 0; x < width * 4; x += 4, i += 4) {
        out[o++] = (rgba[i]! - rgba[above + x]!) & 0xff
        out[o++] = (rgba[i + 1]! - rgba[above + x + 1]!) & 0xff
        out[o++] = (rgba[i + 2]! - rgba[above + x + 2]!) & 0xff
      }
    } else {
      for (let x = 0; x < width; x++, i += 4) {
        out[o++] = rgba[i]!
        out[o++] = rgba[i + 1]!
        out[o++] = rgba[i + 2]!
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

/**
 * Encodes opaque RGBA pixels as an 8-bit RGB PNG. Returns a Uint8Array that owns an ArrayBuffer of exactly
 * its size, so structured cloning over IPC copies the image and nothing else.
 */
export async function encodePng(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  settings: PngSettings = DEFAULT_PNG
): Promise<Uint8Array> {
  const raw = scanlines(rgba, width, height, settings.filter)
  const idat = await deflateAsync(raw, { level: settings.level, strategy: settings.strategy })
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
