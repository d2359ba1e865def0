import { describe, expect, it } from 'vitest'
import { cryptoRandom, seededRandom } from '../../../src/main/core/captcha/random'
import { randomBetween } from '../../../src/main/core/captcha/random'
import { generatorFor } from '../../support/captcha'

describe('random sources', () => {
  it.each([
    ['crypto', cryptoRandom],
    ['seeded', seededRandom(12345)]
  ] as const)('%s source stays in range and covers it evenly', (_name, random) => {
    const counts = new Array<number>(10).fill(0)
    for (let i = 0; i < 20_000; i++) {
      const v = random.int(10)
      expect(Number.isInteger(v) && v >= 0 && v < 10).toBe(true)
      counts[v]!++
    }
    // Each bucket expects 2000; ±15% is more than 6 standard deviations.
    for (const c of counts) expect(Math.abs(c - 2000)).toBeLessThan(300)
    expect(random.int(1)).toBe(0)
    const f = randomBetween(random, -2, 3)
    expect(f >= -2 && f < 3).toBe(true)
  })

  it('rejects ranges the crypto source cannot draw without bias', () => {
    expect(() => cryptoRandom.int(2 ** 33)).toThrow(RangeError)
    expect(() => cryptoRandom.int(2.5)).toThrow(RangeError)
    const big = cryptoRandom.int(2 ** 32)
    expect(Number.isInteger(big) && big >= 0 && big < 2 ** 32).toBe(true)
  })

  it('repeats a seeded stream exactly and differs between seeds', () => {
    const take = (seed: number): number[] => {
      const r = seededRandom(seed)
      return Array.from({ length: 50 }, () => r.int(1000))
    }
    expect(take(1)).toEqual(take(1))
    expect(take(1)).not.toEqual(take(2))
  })

  it('makes a seeded captcha reproducible byte for byte', async () => {
    const generator = generatorFor('normal')
    const a = await generator.generate({ scale: 2, theme: 'dark' }, seededRandom(77))
    const b = await generator.generate({ scale: 2, theme: 'dark' }, seededRandom(77))
    const c = await generator.generate({ scale: 2, theme: 'dark' }, seededRandom(78))
    expect(a.answer).toBe(b.answer)
    expect(Buffer.from(a.png).equals(Buffer.from(b.png))).toBe(true)
    expect(Buffer.from(a.png).equals(Buffer.from(c.png))).toBe(false)
  })
})
