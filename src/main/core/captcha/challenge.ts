import type { CaptchaKind } from './options'
import type { RandomSource } from './random'
import { randomPick } from './random'

export interface Challenge {
  /** What is drawn, one entry per glyph. */
  glyphs: string[]
  /** What the user must type, upper case. */
  answer: string
}

const symbolCache = new Map<string, string[]>()

/** Distinct upper-case symbols of an alphabet, computed once per alphabet. */
function symbolsOf(alphabet: string): string[] {
  let symbols = symbolCache.get(alphabet)
  if (symbols === undefined) {
    symbols = [...new Set(alphabet.toUpperCase())]
    symbolCache.set(alphabet, symbols)
  }
  return symbols
}

export function textChallenge(random: RandomSource, alphabet: string, length: number): Challenge {
  const symbols = symbolsOf(alphabet)
  const glyphs = Array.from({ length }, () => randomPick(random, symbols))
  return { glyphs, answer: glyphs.join('') }
}

/**
 * "a + b = ?", "a − b = ?" or "a × b = ?" with small operands, so the answer has one or two digits and is
 * never negative. The typographic minus and times signs are used because '-' and 'x' are easy to misread.
 */
export function arithmeticChallenge(random: RandomSource): Challenge {
  const op = random.int(3)
  let a: number
  let b: number
  let answer: number
  let sign: string
  if (op === 0) {
    a = 1 + random.int(19)
    b = 1 + random.int(9)
    answer = a + b
    sign = '+'
  } else if (op === 1) {
    a = 5 + random.int(15)
    b = 1 + random.int(Math.min(a - 1, 9))
    answer = a - b
    sign = '\u2212'
  } else {
    a = 2 + random.int(8)
    b = 2 + random.int(8)
    answer = a * b
    sign = '\u00d7'
  }
  return { glyphs: [...String(a), sign, ...String(b), '=', '?'], answer: String(answer) }
}

export function makeChallenge(kind: CaptchaKind, random: RandomSource, alphabet: string, length: number): Challenge {
  return kind === 'arithmetic' ? arithmeticChallenge(random) : textChallenge(random, alphabet, length)
}
