/** Wilson score interval for a proportion: sound near 0 and 1, where the normal approximation is not. */
export function wilson(successes: number, trials: number, z = 1.959964): { low: number; high: number } {
  if (trials === 0) return { low: 0, high: 1 }
  const p = successes / trials
  const denominator = 1 + (z * z) / trials
  const centre = (p + (z * z) / (2 * trials)) / denominator
  const half = (z * Math.sqrt((p * (1 - p)) / trials + (z * z) / (4 * trials * trials))) / denominator
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) }
}

/** "3/200 = 1.5 % (0.5–4.3 %)" */
export function formatRate(successes: number, trials: number): string {
  const { low, high } = wilson(successes, trials)
  const pct = (x: number) => (100 * x).toFixed(1)
  return `${successes}/${trials} = ${pct(successes / trials)} % (${pct(low)}–${pct(high)} %)`
}
