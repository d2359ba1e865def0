export function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b)
}

export function median(values: readonly number[]): number {
  const s = sorted(values)
  if (s.length === 0) return Number.NaN
  const mid = s.length >> 1
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

export interface Summary {
  median: number
  min: number
  max: number
  runs: number
}

export function summarise(values: readonly number[]): Summary {
  const s = sorted(values)
  return { median: median(s), min: s[0] ?? Number.NaN, max: s[s.length - 1] ?? Number.NaN, runs: s.length }
}

/**
 * A confidence interval for the median that assumes nothing about the noise's shape: the j-th smallest and
 * the j-th largest value, with j the largest rank for which fewer than j of the n values fall below the
 * true median with probability at most (1 − confidence)/2 (each value lands on either side with
 * probability ½, so the count below is binomial). With too few values for that confidence (fewer than six
 * for 95%) it is the whole range.
 */
export function medianInterval(values: readonly number[], confidence = 0.95): { low: number; high: number } {
  const s = sorted(values)
  const n = s.length
  if (n === 0) return { low: Number.NaN, high: Number.NaN }
  const tail = (1 - confidence) / 2
  let below = 0
  let logChoose = 0 // log C(n, k), built up term by term so large n neither overflows nor underflows
  let rank = 0
  for (let k = 0; k < n; k++) {
    if (k > 0) logChoose += Math.log((n - k + 1) / k)
    const p = Math.exp(logChoose - n * Math.LN2)
    if (below + p > tail) break
    below += p
    rank = k + 1
  }
  rank = Math.max(1, rank)
  return { low: s[rank - 1]!, high: s[n - rank]! }
}

/** "0.61 (0.58–0.70)" */
export function formatSummary(s: Summary, digits = 2): string {
  return `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const align = header.map((_, i) => (i === 0 ? '---' : '---:'))
  return [header, align, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n')
}

export function verdict(ok: boolean): string {
  return ok ? 'PASS' : 'FAIL'
}

/**
 * Wilson's score interval for a proportion (95% by default): unlike the normal approximation it stays
 * inside 0–1 and is honest at 0 successes, where the rates that matter here live.
 */
export function wilsonInterval(successes: number, trials: number, z = 1.959964): { low: number; high: number } {
  if (trials === 0) return { low: Number.NaN, high: Number.NaN }
  const p = successes / trials
  const z2 = z * z
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials)
  const half = (z / (1 + z2 / trials)) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) }
}
