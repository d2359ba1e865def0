import { describe, expect, it } from 'vitest'
import { throughputFor } from '../../../scripts/captcha/lib/bench-system'

/** A stand-in generator whose requests take `ms` each and which records when each one started and ended. */
function timedGenerator(ms: number): { generate(): Promise<void>; starts: number[]; ends: number[]; open: number; mostOpen: number } {
  const g = {
    starts: [] as number[],
    ends: [] as number[],
    open: 0,
    mostOpen: 0,
    async generate(): Promise<void> {
      g.starts.push(performance.now())
      g.open++
      g.mostOpen = Math.max(g.mostOpen, g.open)
      await new Promise((resolve) => setTimeout(resolve, ms))
      g.open--
      g.ends.push(performance.now())
    }
  }
  return g
}

describe('bench throughputFor (the scaling turns of npm run bench)', () => {
  it('starts no request once its window has closed, counts every one it started and divides by the time they took', async () => {
    const generator = timedGenerator(5)
    const before = performance.now()
    const result = await throughputFor(generator, 60, 3)
    const wall = performance.now() - before
    expect(generator.mostOpen).toBe(3)
    expect(generator.open).toBe(0)
    expect(generator.starts.length).toBeGreaterThan(3)
    expect(generator.ends.length).toBe(generator.starts.length)
    // (+1 ms: the window opens a moment after `before`.)
    for (const start of generator.starts) expect(start - before).toBeLessThan(61)
    // The rate is over the whole span, from before the first start to after the last end.
    expect(result.perSecond).toBeLessThanOrEqual((1000 * generator.ends.length) / (Math.max(...generator.ends) - Math.min(...generator.starts)))
    expect(result.perSecond).toBeGreaterThanOrEqual((1000 * generator.ends.length) / wall)
    expect(result.coresUsed).toBeGreaterThanOrEqual(0)
  })
})
