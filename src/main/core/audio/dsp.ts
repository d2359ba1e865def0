// The few signal operations a challenge needs, on Float32Array samples; all linear-time and allocation-light.

/** Plays the samples `factor` times faster: pitch up and length down by that factor (linear interpolation). */
export function resample(input: Float32Array, factor: number): Float32Array {
  const length = Math.max(1, Math.floor((input.length - 1) / factor))
  const output = new Float32Array(length)
  for (let i = 0; i < length; i++) {
    const position = i * factor
    const index = Math.floor(position)
    const fraction = position - index
    const a = input[index] ?? 0
    output[i] = a + ((input[index + 1] ?? a) - a) * fraction
  }
  return output
}

const GRAIN = 384
const HOP = GRAIN / 2
/** Periodic Hann: at 50 % overlap the windows sum to exactly 1, so overlap-add needs no normalisation. */
const WINDOW = Float32Array.from({ length: GRAIN }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / GRAIN))

/**
 * Changes the length by `ratio` without changing the pitch: overlap-add of 24 ms grains (at 16 kHz) read
 * at one hop and written at another. Plain OLA smears phase a little; that roughness is harmless to a
 * listener and one more thing a template matcher has to absorb.
 */
export function stretch(input: Float32Array, ratio: number): Float32Array {
  const length = Math.max(1, Math.round(input.length * ratio))
  const output = new Float32Array(length + GRAIN)
  const analysisHop = HOP / ratio
  for (let k = 0; k * HOP < length; k++) {
    const from = Math.round(k * analysisHop)
    const to = k * HOP
    const n = Math.min(GRAIN, input.length - from)
    for (let j = 0; j < n; j++) output[to + j]! += input[from + j]! * WINDOW[j]!
  }
  return output.subarray(0, length)
}

/**
 * Tilts the spectrum: positive `amount` brightens (pre-emphasis), negative darkens (one-pole low-pass),
 * so each spoken digit has its own timbre as well as its own pitch and speed.
 */
export function tilt(samples: Float32Array, amount: number): void {
  let previous = 0
  if (amount >= 0) {
    for (let i = 0; i < samples.length; i++) {
      const x = samples[i]!
      samples[i] = x - amount * previous
      previous = x
    }
  } else {
    const a = -amount
    for (let i = 0; i < samples.length; i++) {
      previous = (1 - a) * samples[i]! + a * previous
      samples[i] = previous
    }
  }
}

/** Adds `source × gain` into `target` starting at `offset`, cut at the target's end. */
export function mixInto(target: Float32Array, source: Float32Array, offset: number, gain: number): void {
  const n = Math.min(source.length, target.length - offset)
  for (let i = 0; i < n; i++) target[offset + i]! += source[i]! * gain
}

export function energy(samples: Float32Array, from = 0, to = samples.length): number {
  let sum = 0
  for (let i = from; i < to; i++) sum += samples[i]! * samples[i]!
  return sum
}

/**
 * Speech-shaped hiss (white noise through a gentle low-pass, plus some white): masks consonants the way
 * a noisy room does. xorshift32 per sample: noise needs to be cheap, not unpredictable; its seed is.
 */
export function addHiss(target: Float32Array, seed: number, level: number): void {
  let state = seed >>> 0 || 1
  let low = 0
  for (let i = 0; i < target.length; i++) {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    const white = (state >>> 0) / 0x8000_0000 - 1
    low = 0.92 * low + 0.08 * white
    target[i]! += level * (2.5 * low + 0.35 * white)
  }
}
