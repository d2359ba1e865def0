import { randomBetween, randomPick, type RandomSource } from '../captcha/random'
import type { ClipSet } from './clips'
import { addHiss, energy, mixInto, resample, stretch, tilt } from './dsp'
import { AUDIO_SYMBOLS, type AudioSymbol } from './symbols'

/** Every spoken digit is at least this much louder than the noise under it (speech energy ÷ noise energy). */
export const SNR_FLOOR_DB = 6
/** The longest challenge composed: gaps shrink to stay under it. */
export const MAX_DURATION_S = 8

/** The ranges each challenge draws from; exported so tests and benches can state them. */
export const AUDIO_VARIATION = {
  leadInS: [0.35, 0.6],
  tailS: 0.35,
  gapS: [0.2, 0.65],
  /** Playback-rate factor: moves pitch and formants together, as a different speaker would. */
  pitch: [0.86, 1.16],
  /** Speaking rate on top of the pitch change. */
  tempo: [0.85, 1.18],
  gainDb: [-4, 2],
  tilt: [-0.6, 0.6],
  /** The per-challenge signal-to-noise ratio; the noise is scaled so the quietest digit gets exactly this. */
  snrDb: [SNR_FLOOR_DB, SNR_FLOOR_DB + 3],
  /** Overlapping streams of reversed, re-pitched digits: sounds like voices, never like a digit. */
  babbleStreams: 3,
  /** Hiss level relative to the babble's, before the whole noise bed is scaled to the SNR. */
  hissLevel: 0.05
} as const

/** Where one digit of the answer sits in the composed signal, in samples. */
export interface SpokenSymbol {
  symbol: AudioSymbol
  start: number
  end: number
}

export interface Composition {
  sampleRate: number
  /** The mix, peak-normalised: what is encoded and played. */
  samples: Float32Array
  /**
   * The two parts of the mix, for tests and measurements: samples = speech × speechGain + noise × noiseGain.
   * Views of working buffers: valid until the next composeChallenge call.
   */
  speech: Float32Array
  noise: Float32Array
  speechGain: number
  noiseGain: number
  schedule: SpokenSymbol[]
  /** The target signal-to-noise ratio this challenge drew (the quietest digit's). */
  snrDb: number
}

const between = (random: RandomSource, [min, max]: readonly [number, number]) => randomBetween(random, min, max)

/** One digit as this challenge says it: its own pitch, rate, timbre and loudness. */
function varied(clip: Float32Array, random: RandomSource): Float32Array {
  const pitch = between(random, AUDIO_VARIATION.pitch)
  const tempo = between(random, AUDIO_VARIATION.tempo)
  const voiced = stretch(resample(clip, pitch), pitch / tempo)
  tilt(voiced, between(random, AUDIO_VARIATION.tilt))
  const gain = 10 ** (between(random, AUDIO_VARIATION.gainDb) / 20)
  for (let i = 0; i < voiced.length; i++) voiced[i]! *= gain
  return voiced
}

/** Re-pitched reversed copies of every clip, per voice: made once, so babble costs only additions. */
const BABBLE_PITCHES = [0.78, 0.9, 1.06, 1.22]
const babbleSources = new WeakMap<ClipSet, Float32Array[]>()

function babbleSourcesOf(voice: ClipSet): Float32Array[] {
  let sources = babbleSources.get(voice)
  if (sources === undefined) {
    sources = AUDIO_SYMBOLS.flatMap((symbol) => BABBLE_PITCHES.map((pitch) => resample(voice.clips[symbol], pitch).reverse()))
    babbleSources.set(voice, sources)
  }
  return sources
}

/**
 * Working buffers for the speech and noise tracks, reused from call to call: a fresh 0.5 MB pair per
 * challenge cost as much as composing it (page faults and zeroing). Composition is synchronous, so one
 * pair per process is enough; the tracks a Composition returns are views valid until the next call.
 */
let scratch = { speech: new Float32Array(0), noise: new Float32Array(0) }

function tracks(length: number): { speech: Float32Array; noise: Float32Array } {
  if (scratch.speech.length < length) scratch = { speech: new Float32Array(length), noise: new Float32Array(length) }
  const speech = scratch.speech.subarray(0, length)
  const noise = scratch.noise.subarray(0, length)
  speech.fill(0)
  noise.fill(0)
  return { speech, noise }
}

/** Babble: streams of digits played backwards at other pitches, end to end, over the whole length. */
function babble(voice: ClipSet, bed: Float32Array, random: RandomSource): void {
  const length = bed.length
  const sources = babbleSourcesOf(voice)
  for (let stream = 0; stream < AUDIO_VARIATION.babbleStreams; stream++) {
    let at = random.int(voice.sampleRate >> 2)
    while (at < length) {
      const clip = randomPick(random, sources)
      mixInto(bed, clip, at, between(random, [0.5, 1]))
      at += clip.length + random.int(voice.sampleRate >> 3)
    }
  }
}

/**
 * Speaks `answer` (digits) from the clips with random gaps and per-digit variation over babble and hiss,
 * then scales the noise so the quietest digit sits exactly at the drawn signal-to-noise ratio.
 */
export function composeChallenge(voice: ClipSet, answer: string, random: RandomSource): Composition {
  const rate = voice.sampleRate
  const spoken = [...answer].map((symbol) => {
    if (!(AUDIO_SYMBOLS as readonly string[]).includes(symbol)) throw new RangeError(`no clip for "${symbol}"`)
    return { symbol: symbol as AudioSymbol, audio: varied(voice.clips[symbol as AudioSymbol], random) }
  })
  const leadIn = Math.round(between(random, AUDIO_VARIATION.leadInS) * rate)
  const tail = Math.round(AUDIO_VARIATION.tailS * rate)
  const gaps = spoken.slice(1).map(() => Math.round(between(random, AUDIO_VARIATION.gapS) * rate))
  const voiced = spoken.reduce((sum, { audio }) => sum + audio.length, 0)
  const room = MAX_DURATION_S * rate - leadIn - tail - voiced
  const gapTotal = gaps.reduce((sum, gap) => sum + gap, 0)
  if (gapTotal > room) for (let i = 0; i < gaps.length; i++) gaps[i] = Math.max(0, Math.floor((gaps[i]! * room) / gapTotal))

  const length = leadIn + voiced + gaps.reduce((sum, gap) => sum + gap, 0) + tail
  const { speech, noise } = tracks(length)
  const schedule: SpokenSymbol[] = []
  let at = leadIn
  spoken.forEach(({ symbol, audio }, i) => {
    speech.set(audio, at)
    schedule.push({ symbol, start: at, end: at + audio.length })
    at += audio.length + (gaps[i] ?? 0)
  })

  babble(voice, noise, random)
  addHiss(noise, random.int(0x1_0000_0000), AUDIO_VARIATION.hissLevel * Math.sqrt(energy(noise) / length) * 4)
  const snrDb = between(random, AUDIO_VARIATION.snrDb)
  let worst = Infinity
  for (const { start, end } of schedule) worst = Math.min(worst, energy(speech, start, end) / energy(noise, start, end))
  const noiseGain = Math.sqrt(worst / 10 ** (snrDb / 10))

  const samples = new Float32Array(length)
  let top = 0
  for (let i = 0; i < length; i++) {
    const value = speech[i]! + noise[i]! * noiseGain
    samples[i] = value
    top = Math.max(top, Math.abs(value))
  }
  const scale = 0.89 / Math.max(top, 1e-9)
  for (let i = 0; i < length; i++) samples[i]! *= scale
  return { sampleRate: rate, samples, speech, noise, speechGain: scale, noiseGain: noiseGain * scale, schedule, snrDb }
}
