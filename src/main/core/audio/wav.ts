// RIFF/WAVE, 16-bit PCM, one channel: what every browser's <audio> decodes, written by hand because the
// whole format is a 44-byte header (a library would add a dependency for less code than its import).

export const WAV_HEADER_BYTES = 44

export interface PcmAudio {
  sampleRate: number
  /** Samples in [-1, 1]. */
  samples: Float32Array
}

/** Encodes mono samples in [-1, 1] (clipped) as a 16-bit PCM WAV file. */
export function encodeWav({ sampleRate, samples }: PcmAudio): Uint8Array {
  const dataBytes = samples.length * 2
  const bytes = new Uint8Array(WAV_HEADER_BYTES + dataBytes)
  const view = new DataView(bytes.buffer)
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) bytes[offset + i] = text.charCodeAt(i)
  }
  ascii(0, 'RIFF')
  view.setUint32(4, 36 + dataBytes, true)
  ascii(8, 'WAVE')
  ascii(12, 'fmt ')
  view.setUint32(16, 16, true)
  view.setUint16(20, 1, true) // PCM
  view.setUint16(22, 1, true) // mono
  view.setUint32(24, sampleRate, true)
  view.setUint32(28, sampleRate * 2, true) // byte rate
  view.setUint16(32, 2, true) // block align
  view.setUint16(34, 16, true) // bits per sample
  ascii(36, 'data')
  view.setUint32(40, dataBytes, true)
  const pcm = new Int16Array(bytes.buffer, WAV_HEADER_BYTES, samples.length)
  for (let i = 0; i < samples.length; i++) {
    // Clamp, then round half away from zero by truncation (the Int16Array store truncates): twice as
    // fast as Math.round here, and the one-step difference at exact halves is inaudible.
    const s = Math.max(-32768, Math.min(32767, samples[i]! * 32767))
    pcm[i] = s + (s < 0 ? -0.5 : 0.5)
  }
  return bytes
}

function chunkId(view: DataView, offset: number): string {
  return String.fromCharCode(view.getUint8(offset), view.getUint8(offset + 1), view.getUint8(offset + 2), view.getUint8(offset + 3))
}

/**
 * Reads a mono 16-bit PCM WAV (the shipped clips, and tests of what encodeWav wrote). Chunks other than
 * `fmt ` and `data` are skipped; anything else (stereo, float, compressed) is refused with a clear error.
 */
export function decodeWav(bytes: Uint8Array): PcmAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.length < WAV_HEADER_BYTES || chunkId(view, 0) !== 'RIFF' || chunkId(view, 8) !== 'WAVE') {
    throw new Error('not a RIFF/WAVE file')
  }
  let sampleRate = 0
  let offset = 12
  while (offset + 8 <= bytes.length) {
    const id = chunkId(view, offset)
    const size = view.getUint32(offset + 4, true)
    const body = offset + 8
    if (id === 'fmt ') {
      const format = view.getUint16(body, true)
      const channels = view.getUint16(body + 2, true)
      const bits = view.getUint16(body + 14, true)
      if (format !== 1 || channels !== 1 || bits !== 16) throw new Error('only mono 16-bit PCM is supported')
      sampleRate = view.getUint32(body + 4, true)
    } else if (id === 'data') {
      if (sampleRate === 0) throw new Error('data chunk before fmt chunk')
      const count = Math.floor(Math.min(size, bytes.length - body) / 2)
      const samples = new Float32Array(count)
      for (let i = 0; i < count; i++) samples[i] = view.getInt16(body + i * 2, true) / 32768
      return { sampleRate, samples }
    }
    offset = body + size + (size % 2)
  }
  throw new Error('no data chunk')
}
