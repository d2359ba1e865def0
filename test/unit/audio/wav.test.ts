import { describe, expect, it } from 'vitest'
import { WAV_HEADER_BYTES, decodeWav, encodeWav } from '../../../src/main/core/audio'

const ascii = (bytes: Uint8Array, from: number) => String.fromCharCode(...bytes.subarray(from, from + 4))

describe('the WAV container', () => {
  const samples = Float32Array.from([0, 0.5, -0.5, 1, -1, 2, -2, 0.25])
  const wav = encodeWav({ sampleRate: 16_000, samples })
  const view = new DataView(wav.buffer)

  it('writes a canonical RIFF/WAVE header for 16-bit PCM mono at the given rate', () => {
    expect(wav.length).toBe(WAV_HEADER_BYTES + samples.length * 2)
    expect([ascii(wav, 0), ascii(wav, 8), ascii(wav, 12), ascii(wav, 36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data'])
    expect(view.getUint32(4, true)).toBe(wav.length - 8)
    expect(view.getUint32(16, true)).toBe(16)
    expect(view.getUint16(20, true)).toBe(1) // PCM
    expect(view.getUint16(22, true)).toBe(1) // channels
    expect(view.getUint32(24, true)).toBe(16_000)
    expect(view.getUint32(28, true)).toBe(32_000) // bytes per second
    expect(view.getUint16(32, true)).toBe(2) // block align
    expect(view.getUint16(34, true)).toBe(16) // bits
    expect(view.getUint32(40, true)).toBe(samples.length * 2)
  })

  it('clips at full scale and rounds to the nearest step (halves away from zero)', () => {
    const pcm = Array.from({ length: samples.length }, (_, i) => view.getInt16(WAV_HEADER_BYTES + i * 2, true))
    expect(pcm).toEqual([0, 16384, -16384, 32767, -32767, 32767, -32768, 8192])
  })

  it('reads back what it wrote, and refuses what it cannot read', () => {
    const decoded = decodeWav(wav)
    expect(decoded.sampleRate).toBe(16_000)
    expect(decoded.samples.length).toBe(samples.length)
    expect(decoded.samples[1]).toBeCloseTo(0.5, 3)
    expect(() => decodeWav(new Uint8Array(10))).toThrow(/RIFF/)
    const stereo = wav.slice()
    new DataView(stereo.buffer).setUint16(22, 2, true)
    expect(() => decodeWav(stereo)).toThrow(/mono 16-bit/)
  })
})
