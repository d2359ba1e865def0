import { describe, expect, it } from 'vitest'
import { medianInterval } from '../../../scripts/captcha/lib/stats'

/** 1…n in a scrambled order, so the interval cannot rely on its input being sorted. */
function ranks(n: number): number[] {
  return Array.from({ length: n }, (_, i) => ((i * 7919) % n) + 1)
}

/** mulberry32: a small seeded generator, so the coverage check below draws the same samples every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

describe('medianInterval (the 95% interval npm run bench prints beside the two-core median)', () => {
  it('picks the order statistics of the binomial tables (n = 35, 70, 100)', () => {
    expect(medianInterval(ranks(35))).toEqual({ low: 12, high: 24 })
    expect(medianInterval(ranks(70))).toEqual({ low: 27, high: 44 })
    expect(medianInterval(ranks(100))).toEqual({ low: 40, high: 61 })
  })

  it('widens with the confidence asked for', () => {
    expect(medianInterval(ranks(35), 0.99)).toEqual({ low: 10, high: 26 })
    expect(medianInterval(ranks(35), 0.5)).toEqual({ low: 16, high: 20 })
  })

  it('is the whole range when there are too few values for the confidence, and NaN for none', () => {
    expect(medianInterval([3, 1, 2, 5, 4])).toEqual({ low: 1, high: 5 })
    expect(medianInterval([7])).toEqual({ low: 7, high: 7 })
    const none = medianInterval([])
    expect(Number.isNaN(none.low) && Number.isNaN(none.high)).toBe(true)
  })

  it('covers the true median of a skewed distribution about 96% of the time for n = 35', () => {
    // Exponential noise, median ln 2: lopsided like the machine's slow windows, which only ever pull one way.
    const random = seeded(42)
    const trials = 4000
    let covered = 0
    for (let t = 0; t < trials; t++) {
      const sample = Array.from({ length: 35 }, () => -Math.log(1 - random()))
      const { low, high } = medianInterval(sample)
      if (low <= Math.LN2 && Math.LN2 <= high) covered++
    }
    // Exact coverage for n = 35 is 0.959; four thousand trials put the estimate within ±0.01 of it.
    expect(covered / trials).toBeGreaterThan(0.945)
    expect(covered / trials).toBeLessThan(0.975)
  })
})
