// MFCC features and dynamic time warping: the clip-matching attacker's whole toolkit, written out here
// (about 80 lines) rather than taken from a feature-extraction package, so the bench states exactly what
// the attack does and adds nothing to the lockfile.

const FRAME = 400 // 25 ms at 16 kHz
const HOP = 160 // 10 ms
const FFT_SIZE = 512
const MEL_BANDS = 26
const COEFFICIENTS = 13

const hamming = Float64Array.from({ length: FRAME }, (_, i) => 0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (FRAME - 1)))

function fftPower(re: Float64Array, im: Float64Array): Float64Array {
  const n = re.length
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1
    for (; j & bit; bit >>= 1) j ^= bit
    j ^= bit
    if (i < j) {
      ;[re[i], re[j]] = [re[j]!, re[i]!]
      ;[im[i], im[j]] = [im[j]!, im[i]!]
    }
  }
  for (let size = 2; size <= n; size <<= 1) {
    const angle = (-2 * Math.PI) / size
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < size / 2; k++) {
        const wr = Math.cos(angle * k)
        const wi = Math.sin(angle * k)
        const a = start + k
        const b = a + size / 2
        const tr = re[b]! * wr - im[b]! * wi
        const ti = re[b]! * wi + im[b]! * wr
        re[b] = re[a]! - tr
        im[b] = im[a]! - ti
        re[a] = re[a]! + tr
        im[a] = im[a]! + ti
      }
    }
  }
  const power = new Float64Array(n / 2 + 1)
  for (let i = 0; i <= n / 2; i++) power[i] = re[i]! * re[i]! + im[i]! * im[i]!
  return power
}

const mel = (hz: number) => 2595 * Math.log10(1 + hz / 700)
const hz = (m: number) => 700 * (10 ** (m / 2595) - 1)

function melFilters(sampleRate: number): Float64Array[] {
  const top = mel(sampleRate / 2)
  const edges = Array.from({ length: MEL_BANDS + 2 }, (_, i) => Math.floor(((FFT_SIZE + 1) * hz((top * i) / (MEL_BANDS + 1))) / sampleRate))
  return Array.from({ length: MEL_BANDS }, (_, band) => {
    const filter = new Float64Array(FFT_SIZE / 2 + 1)
    const [left, centre, right] = [edges[band]!, edges[band + 1]!, edges[band + 2]!]
    for (let k = left; k < centre; k++) filter[k] = (k - left) / Math.max(1, centre - left)
    for (let k = centre; k < right; k++) filter[k] = (right - k) / Math.max(1, right - centre)
    return filter
  })
}

/** 12 cepstral coefficients per 10 ms frame (c0, the loudness, dropped), mean-normalised over the segment. */
export function mfcc(samples: Float32Array, sampleRate: number): Float64Array[] {
  const filters = melFilters(sampleRate)
  const frames: Float64Array[] = []
  for (let start = 0; start + FRAME <= samples.length; start += HOP) {
    const re = new Float64Array(FFT_SIZE)
    const im = new Float64Array(FFT_SIZE)
    for (let i = 0; i < FRAME; i++) re[i] = (samples[start + i]! - 0.97 * (samples[start + i - 1] ?? 0)) * hamming[i]!
    const power = fftPower(re, im)
    const logMel = filters.map((filter) => Math.log(filter.reduce((sum, w, k) => sum + w * power[k]!, 0) + 1e-10))
    const ceps = new Float64Array(COEFFICIENTS - 1)
    for (let c = 1; c < COEFFICIENTS; c++) {
      let sum = 0
      for (let b = 0; b < MEL_BANDS; b++) sum += logMel[b]! * Math.cos((Math.PI * c * (b + 0.5)) / MEL_BANDS)
      ceps[c - 1] = sum
    }
    frames.push(ceps)
  }
  const mean = new Float64Array(COEFFICIENTS - 1)
  for (const frame of frames) frame.forEach((v, i) => (mean[i]! += v / frames.length))
  for (const frame of frames) frame.forEach((v, i) => (frame[i] = v - mean[i]!))
  return frames
}

/** Length-normalised DTW distance between two feature sequences (Euclidean frame distance). */
export function dtw(a: Float64Array[], b: Float64Array[]): number {
  if (a.length === 0 || b.length === 0) return Infinity
  let previous = new Float64Array(b.length + 1).fill(Infinity)
  previous[0] = 0
  for (let i = 1; i <= a.length; i++) {
    const row = new Float64Array(b.length + 1).fill(Infinity)
    for (let j = 1; j <= b.length; j++) {
      const x = a[i - 1]!
      const y = b[j - 1]!
      let d = 0
      for (let k = 0; k < x.length; k++) d += (x[k]! - y[k]!) ** 2
      row[j] = Math.sqrt(d) + Math.min(previous[j]!, row[j - 1]!, previous[j - 1]!)
    }
    previous = row
  }
  return previous[b.length]! / (a.length + b.length)
}
