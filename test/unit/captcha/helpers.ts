import { crc32, inflateSync } from 'node:zlib'

export interface PngInfo {
  width: number
  height: number
  bitDepth: number
  colourType: number
  /** Inflated scanlines, filter bytes included. */
  raw: Buffer
}

/** A strict PNG reader for the tests: checks the signature, every chunk CRC and the scanline length. */
export function readPng(bytes: Uint8Array): PngInfo {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  if (!buf.subarray(0, 8).equals(signature)) throw new Error('bad PNG signature')
  let offset = 8
  let header: Omit<PngInfo, 'raw'> | undefined
  const idat: Buffer[] = []
  let ended = false
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset)
    const type = buf.toString('latin1', offset + 4, offset + 8)
    const data = buf.subarray(offset + 8, offset + 8 + length)
    const crc = buf.readUInt32BE(offset + 8 + length)
    if (crc32(buf.subarray(offset + 4, offset + 8 + length)) !== crc) throw new Error(`bad CRC in ${type}`)
    if (type === 'IHDR') {
      header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), bitDepth: data[8]!, colourType: data[9]! }
    } else if (type === 'IDAT') idat.push(data)
    else if (type === 'IEND') ended = true
    offset += 12 + length
  }
  if (header === undefined || !ended || idat.length === 0) throw new Error('missing IHDR, IDAT or IEND')
  const raw = inflateSync(Buffer.concat(idat))
  const channels = header.colourType === 2 ? 3 : header.colourType === 6 ? 4 : 0
  if (raw.length !== header.height * (1 + header.width * channels)) throw new Error('scanline data has the wrong length')
  return { ...header, raw }
}
