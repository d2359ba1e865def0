// Runs in strength-worker.ts, started only when the sign-up form opens: zxcvbn-ts and its dictionaries
// are ~1.6 MB, far beyond the page's own budget, and a person who only signs in never needs them.
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common'
import { dictionary as englishDictionary } from '@zxcvbn-ts/language-en'
import { STRENGTH_WARNINGS, type StrengthWarning } from './strength-texts'

export interface Strength {
  /** zxcvbn's 0–4: under 10^3, 10^6, 10^8, 10^10 estimated guesses, or more. */
  score: 0 | 1 | 2 | 3 | 4
  warning: StrengthWarning | null
}

// maxLength and l33tMaxSubstitutions bound the work per keystroke: past 32 characters the matchers'
// cost grows to seconds for random text, while a passphrase's first 32 characters already show its kind.
const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...commonDictionary, ...englishDictionary },
  graphs: adjacencyGraphs,
  maxLength: 32,
  l33tMaxSubstitutions: 4
})

const KNOWN: ReadonlySet<string> = new Set(STRENGTH_WARNINGS)

export function estimate(password: string, userInputs: string[]): Strength {
  const result = zxcvbn.check(password, userInputs)
  // Without translations zxcvbn-ts returns its keys, which the page's dictionaries translate.
  const warning = result.feedback.warning
  return { score: result.score, warning: warning && KNOWN.has(warning) ? (warning as StrengthWarning) : null }
}
