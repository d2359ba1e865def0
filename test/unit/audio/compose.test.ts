import { describe, expect, it } from 'vitest'
import {
  AUDIO_SYMBOLS,
  MAX_DURATION_S,
  SNR_FLOOR_DB,
  composeChallenge,
  decodeWav,
  encodeWav,
  randomDigits
} from '../../../src/main/core/audio'
import { seededRandom } from '../../../src/main/core/captcha/random'
import { LANGUAGES } from '../../../src/shared/ipc-contract'
import { CLIPS, segmentSnrDb } from './helpers'

const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1)

describe.each(LANGUAGES)('composed challenges in %s', (language) => {
  const voice = CLIPS[language]
  const compose = (seed: number) => {
    const random = seededRandom(seed)
    const answer = randomDigits(random)
    return { answer, composition: composeChallenge(voice, answer, random) }
  }

  it('loads a 16 kHz clip for every digit', () => {
    expect(voice.sampleRate).toBe(16_000)
    for (const symbol of AUDIO_SYMBOLS) expect(voice.clips[symbol].length / voice.sampleRate).toBeGreaterThan(0.15)
  })

  it('last between 2 s and the stated maximum, as a 16 kHz 16-bit WAV under 300 KB', () => {
    for (const seed of SEEDS) {
      const { composition } = compose(seed)
      const wav = encodeWav(composition)
      const decoded = decodeWav(wav)
      const seconds = decoded.samples.length / decoded.sampleRate
      expect(decoded.sampleRate).toBe(16_000)
      expect(seconds).toBeGreaterThan(2)
      expect(seconds).toBeLessThanOrEqual(MAX_DURATION_S)
      expect(wav.length).toBeLessThanOrEqual(300 * 1024)
    }
  })

  it("speak the answer's digits in order, one after another, inside the clip", () => {
    for (const seed of SEEDS) {
      const { answer, composition } = compose(seed)
      const { schedule, samples, sampleRate } = composition
      expect(schedule.map(({ symbol }) => symbol).join('')).toBe(answer)
      expect(schedule[0]!.start).toBeGreaterThan(0.3 * sampleRate)
      for (const [i, spoken] of schedule.entries()) {
        expect(spoken.end).toBeGreaterThan(spoken.start)
        if (i > 0) expect(spoken.start).toBeGreaterThanOrEqual(schedule[i - 1]!.end)
      }
      expect(schedule.at(-1)!.end).toBeLessThan(samples.length)
    }
  })

  it('vary from digit to digit: the same digit never comes out the same twice', () => {
    const { composition } = (() => {
      const random = seededRandom(99)
      return { composition: composeChallenge(voice, '777777', random) }
    })()
    const lengths = new Set(composition.schedule.map(({ start, end }) => end - start))
    expect(lengths.size).toBeGreaterThan(3)
  })

  it(`keep every digit at least ${SNR_FLOOR_DB} dB above the noise under it, and the noise there throughout`, () => {
    for (const seed of SEEDS) {
      const { composition } = compose(seed)
      const snr = segmentSnrDb(composition)
      expect(Math.min(...snr)).toBeGreaterThanOrEqual(SNR_FLOOR_DB - 1e-6)
      // The quietest digit sits exactly at the drawn ratio: the noise is as loud as the floor allows.
      expect(Math.min(...snr)).toBeCloseTo(composition.snrDb, 6)
      // Noise in the gaps too, so the pauses are not silent.
      const gap = composition.noise.subarray(composition.schedule[0]!.end, composition.schedule[1]!.start)
      expect(gap.some((value) => Math.abs(value * composition.noiseGain) > 1e-3)).toBe(true)
    }
  })

  it('mix speech and noise into a peak-normalised signal that never clips', () => {
    const { composition } = compose(5)
    const { samples, speech, noise, speechGain, noiseGain } = composition
    let top = 0
    for (let i = 0; i < samples.length; i++) {
      expect(samples[i]).toBeCloseTo(speech[i]! * speechGain + noise[i]! * noiseGain, 5)
      top = Math.max(top, Math.abs(samples[i]!))
    }
    expect(top).toBeCloseTo(0.89, 5)
  })

  it('are reproducible from a seed, and differ between seeds', () => {
    const first = encodeWav(compose(7).composition)
    expect(Buffer.from(encodeWav(compose(7).composition)).equals(Buffer.from(first))).toBe(true)
    expect(Buffer.from(encodeWav(compose(8).composition)).equals(Buffer.from(first))).toBe(false)
  })
})

describe('composeChallenge', () => {
  it('refuses a symbol it has no clip for', () => {
    expect(() => composeChallenge(CLIPS.en, '12a', seededRandom(1))).toThrow(RangeError)
  })
})
