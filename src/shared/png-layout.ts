/**
 * The PNG layout main writes its captchas in by default (src/main/core/captcha/png.ts) and the page copies
 * onto its canvas without a decoder (src/renderer/src/stored-png.ts): 8-bit RGB, rows with no filter, in
 * stored (uncompressed) deflate blocks. Named once here so the writer and the reader cannot drift apart.
 */

export const PNG_SIGNATURE: readonly number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** IHDR's last five bytes, after width and height: bit depth 8, colour type 2 (RGB), deflate, adaptive filtering, no interlace. */
export const RGB8_IHDR_TAIL: readonly number[] = [8, 2, 0, 0, 0]

/** The filter byte that leads each row: none (filters only help compression). */
export const FILTER_NONE = 0

/** The most a stored deflate block holds (RFC 1951 §3.2.4: LEN is 16 bits). */
export const STORED_BLOCK_MAX = 65_535

/** Whether this CPU stores a 32-bit word's low byte first: both sides move pixels as words, R in the low byte. */
export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1

/** Bytes of RGB pixels in one row, its filter byte included. */
export function rgbRowBytes(width: number): number {
  return 1 + 3 * width
}
