import { describe, expect, it } from 'vitest'
import { throughputFor } from '../../../scripts/captcha/lib/bench-system'

/**
 * A stand-in generator on a fake clock: each request takes `ms` of fake time, advanced when it ends,
 * so every reading below is exact whatever else the machine is doing.
 */
function fakeGenerator(ms: number) {
  const g = {
    now: 1000,
    starts: [] as number[],
    open: 0,
    mostOpen: 0,
    ended: 0,
    async generate(): Promise<void> {
      g.starts.push(g.now)
      g.open++
      g.mostOpen = Math.max(g.mostOpen, g.open)
      await Promise.resolve()
      g.now += ms
      g.open--
      g.ended++
    }
  }
  return g
}

describe('bench throughputFor (the scaling turns of npm run bench)', () => {
  it('starts no request once its window has closed, counts every one it started and divides by the time they took', async () => {
    const generator = fakeGenerator(5)
    const result = await throughputFor(generator, 60, 3, () => generator.now)
    expect(generator.mostOpen).toBe(3)
    expect(generator.open).toBe(0)
    // Three lanes, each asking again as soon as its request ends (all three end in one wave here, 15 fake
    // ms later), until the clock reaches 1000 + 60: the wave due at 1060 never starts.
    expect(generator.starts).toEqual([1000, 1000, 1000, 1015, 1015, 1015, 1030, 1030, 1030, 1045, 1045, 1045])
    expect(generator.ended).toBe(12)
    // The rate is over the whole span, from the window's start to the last request's end: 12 in 60 ms.
    expect(generator.now).toBe(1060)
    expect(result.perSecond).toBe(200)
    expect(result.coresUsed).toBeGreaterThanOrEqual(0)
  })
})
