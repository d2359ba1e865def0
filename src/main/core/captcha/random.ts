import { randomFillSync } from 'node:crypto'

/**
 * Where a captcha's choices come from. The app always uses {@link cryptoRandom}; a seeded source exists
 * so the dataset CLI and tests can reproduce an image, and is never wired into the service by default.
 */
export interface RandomSource {
  /** An integer in [0, maxExclusive). */
  int(maxExclusive: number): number
}

/** w·n is an exact double for every 32-bit w when n is at most this (below 2^53) or a power of two. */
const EXACT_PRODUCT_MAX = 0x20_0000
const TWO_32 = 0x1_0000_0000

/**
 * An exactly uniform integer in [0, n) from uniform 32-bit words, n an integer in [2, 2^32]. Ranges up to
 * 2^21 and powers of two (all a captcha asks for) take Lemire's multiply-and-reject, exact in doubles
 * there: the value is the top 32 bits of w·n, and the 2^32 mod n lowest low parts are rejected. Plain
 * rejection and modulo, for the other ranges, costs two float modulos a draw: half of a plan's time.
 */
export function uniformInt(nextWord: () => number, n: number): number {
  if (n <= EXACT_PRODUCT_MAX || (n & (n - 1)) === 0) {
    let product = nextWord() * n
    let value = Math.floor(product / TWO_32)
    if (product - value * TWO_32 < n) {
      const threshold = TWO_32 % n
      while (product - value * TWO_32 < threshold) {
        product = nextWord() * n
        value = Math.floor(product / TWO_32)
      }
    }
    return value
  }
  // The largest multiple of n that fits in 32 bits; words at or above it would bias the result.
  const limit = TWO_32 - (TWO_32 % n)
  let w = nextWord()
  while (w >= limit) w = nextWord()
  return w % n
}

/**
 * node:crypto's CSPRNG, read 4 KB at a time. This is what crypto.randomInt does internally; a captcha
 * draws ~300 numbers, and randomInt's per-call argument checks made them a tenth of the captcha's time.
 */
function bufferedCrypto(): RandomSource {
  const words = new Uint32Array(1024)
  let next = words.length
  const word = (): number => {
    if (next === words.length) {
      randomFillSync(words)
      next = 0
    }
    return words[next++]!
  }
  return {
    int(maxExclusive) {
      if (maxExclusive <= 1) return 0
      if (!Number.isInteger(maxExclusive) || maxExclusive > TWO_32) throw new RangeError('int() takes an integer up to 2^32')
      return uniformInt(word, maxExclusive)
    }
  }
}

export const cryptoRandom: RandomSource = bufferedCrypto()

/**
 * sfc32 (Chris Doty-Humphrey's small fast counter), seeded through splitmix32 so nearby seeds give
 * unrelated streams. Fast and well distributed; not unpredictable, hence only for reproducible datasets.
 */
export function seededRandom(seed: number): RandomSource {
  let s = seed >>> 0
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = splitmix()
  let b = splitmix()
  let c = splitmix()
  let d = splitmix()
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = ((c << 21) | (c >>> 11)) >>> 0
    c = (c + t) >>> 0
    return t
  }
  for (let i = 0; i < 12; i++) next()
  return {
    // Multiply-shift on a 32-bit draw: the bias is below 2^-20 for the small ranges used here.
    int: (maxExclusive) => (maxExclusive <= 1 ? 0 : Math.floor((next() / 0x1_0000_0000) * maxExclusive))
  }
}

/** A uniform float in [0, 1) with 2^24 steps: fine enough for angles and positions in pixels. */
export function randomUnit(random: RandomSource): number {
  return random.int(0x100_0000) / 0x100_0000
}

/** A uniform float in [min, max). */
export function randomBetween(random: RandomSource, min: number, max: number): number {
  return min + (max - min) * randomUnit(random)
}

export function randomPick<T>(random: RandomSource, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('cannot pick from an empty list')
  return items[random.int(items.length)] as T
}
