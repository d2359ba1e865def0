import { describe, expect, it } from 'vitest'
import { cryptoRandom, randomBetween, seededRandom, uniformInt } from '../../../src/main/core/captcha/random'
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

  it('maps words to integers exactly as 128-bit arithmetic does, rejecting exactly 2^32 mod n words', () => {
    const words = seededRandom(9)
    const word = (): number => words.int(2 ** 31) * 2 + words.int(2)
    // Small ranges, powers of two up to 2^32, and large ranges that take the modulo path.
    const ranges = [2, 3, 6, 10, 270, 1000, 65_537, 2 ** 21 - 1, 2 ** 21, 2 ** 24, 2 ** 31, 2 ** 32, 3 * 2 ** 30, 2 ** 32 - 1]
    for (let i = 0; i < 40; i++) ranges.push(2 + words.int(2 ** 21 - 1), 2 ** 21 + 1 + words.int(2 ** 31))
    const TWO_32 = 2n ** 32n
    for (const n of ranges) {
      const big = BigInt(n)
      const lemire = n <= 2 ** 21 || Number.isInteger(Math.log2(n))
      // Words at the edges and on either side of each method's rejection boundary, then random ones.
      const limit = Number(TWO_32 - (TWO_32 % big))
      const wrap = Number((TWO_32 + (TWO_32 % big) - 1n) / big)
      const candidates = [0, 1, 2 ** 31, 2 ** 32 - 1, limit - 1, limit % 2 ** 32, wrap, wrap + 1]
      for (let k = 0; k < 200; k++) candidates.push(word())
      for (const w of candidates) {
        const product = BigInt(w) * big
        const rejected = lemire ? product % TWO_32 < TWO_32 % big : BigInt(w) >= TWO_32 - (TWO_32 % big)
        const expected = lemire ? Number(product / TWO_32) : Number(BigInt(w) % big)
        // A rejected word is followed by 0 and 1; every range accepts 1.
        const sequence = [w, 0, 1]
        let at = 0
        const value = uniformInt(() => sequence[at++]!, n)
        expect([n, w, at === 1 ? 'accepted' : 'rejected']).toEqual([n, w, rejected ? 'rejected' : 'accepted'])
        if (!rejected) expect([n, w, value]).toEqual([n, w, expected])
        expect(value >= 0 && value < n && Number.isInteger(value)).toBe(true)
      }
    }
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
