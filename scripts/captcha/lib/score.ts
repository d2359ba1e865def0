/** Levenshtein distance; the strings here are a few characters long. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]!
}

/** Answers are compared as the app does: trimmed, case-insensitive. The peers get the same leniency. */
export function normalise(text: string): string {
  return text.replace(/\s+/gu, '').toUpperCase()
}

export interface Score {
  solved: number
  total: number
  /** Characters right, from the edit distance, as a fraction of the answer's characters. */
  charAccuracy: number
}

/**
 * An arithmetic challenge counts as solved when the OCR text, read as "a op b", evaluates to the answer:
 * the attacker reads the sum, then computes it.
 */
export function solvedArithmetic(ocr: string, answer: string): boolean {
  const m = /^(\d{1,2})([+\-x×−])(\d{1,2})/u.exec(ocr.replace(/\s+/gu, ''))
  if (m === null) return false
  const a = Number(m[1])
  const b = Number(m[3])
  const value = m[2] === '+' ? a + b : m[2] === 'x' || m[2] === '×' ? a * b : a - b
  return String(value) === answer
}

export function score(ocr: readonly string[], answers: readonly string[], arithmetic = false): Score {
  let solved = 0
  let right = 0
  let chars = 0
  ocr.forEach((raw, i) => {
    const answer = normalise(answers[i]!)
    const text = normalise(raw)
    const ok = arithmetic ? solvedArithmetic(raw, answers[i]!) : text === answer
    if (ok) solved++
    if (!arithmetic) {
      right += Math.max(0, answer.length - editDistance(text, answer))
      chars += answer.length
    }
  })
  return { solved, total: ocr.length, charAccuracy: chars === 0 ? Number.NaN : right / chars }
}
