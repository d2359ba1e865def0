import { describe, expect, it } from 'vitest'
import { DEFAULT_ALPHABET } from '../../../src/main/core/captcha/alphabet'
import { PRESETS, resolveOptions } from '../../../src/main/core/captcha/options'
import { seededRandom } from '../../../src/main/core/captcha/random'
import { LOOK_ALIKES } from '../../../src/main/core/captcha/alphabet'
import { arithmeticChallenge, textChallenge } from '../../../src/main/core/captcha/challenge'

describe('options', () => {
  it('defaults to the seed look: 270×40, five characters, font size 30', () => {
    const o = resolveOptions()
    expect([o.width, o.height, o.length, o.fontSize]).toEqual([270, 40, 5, 30])
    expect(o).toEqual({ ...PRESETS.normal })
  })

  it('applies overrides on top of a preset, merging noise', () => {
    const o = resolveOptions('hard', { length: 8, noise: { dots: 0 } as never })
    expect(o.length).toBe(8)
    expect(o.noise.dots).toBe(0)
    expect(o.noise.lines).toBe(PRESETS.hard.noise.lines)
  })

  it('makes presets progressively harder', () => {
    const strength = (p: keyof typeof PRESETS): number[] => {
      const o = PRESETS[p]
      return [o.rotation, o.maxOverlap, o.noise.lines + o.noise.curves, o.noise.dots, o.warp, 1 - o.spread]
    }
    const [easy, normal, hard] = [strength('easy'), strength('normal'), strength('hard')]
    easy.forEach((v, i) => expect(v).toBeLessThanOrEqual(normal[i]!))
    normal.forEach((v, i) => expect(v).toBeLessThanOrEqual(hard[i]!))
  })

  it.each([
    { length: 3 },
    { length: 9 },
    { length: 4.5 },
    { width: 0 },
    { alphabet: 'A' },
    { alphabet: 'A B' },
    { minContrast: 0.5 },
    { maxOverlap: 0.9 },
    { charScale: [1.2, 1.1] as const },
    { noise: { lines: -1, curves: 0, dots: 0, strokeWidth: [1, 2] as const } },
    { preset: 'extreme' }
  ])('rejects %o', (bad) => {
    const { preset, ...overrides } = bad as { preset?: string }
    expect(() => resolveOptions((preset ?? 'normal') as 'normal', overrides)).toThrow(RangeError)
  })
})

describe('challenges', () => {
  it('uses an alphabet without look-alikes, upper case only', () => {
    for (const ch of LOOK_ALIKES) expect(DEFAULT_ALPHABET).not.toContain(ch)
    expect(DEFAULT_ALPHABET).toBe(DEFAULT_ALPHABET.toUpperCase())
    expect(new Set(DEFAULT_ALPHABET).size).toBe(DEFAULT_ALPHABET.length)
  })

  it('draws text challenges from the alphabet at the requested length', () => {
    const random = seededRandom(3)
    const seen = new Set<string>()
    for (let i = 0; i < 500; i++) {
      const c = textChallenge(random, DEFAULT_ALPHABET, 6)
      expect(c.glyphs).toHaveLength(6)
      expect(c.answer).toBe(c.glyphs.join(''))
      for (const g of c.glyphs) seen.add(g)
    }
    expect([...seen].sort().join('')).toBe([...DEFAULT_ALPHABET].sort().join(''))
  })

  it('asks arithmetic whose answer is the value of what is drawn, never negative', () => {
    const random = seededRandom(9)
    const ops = new Set<string>()
    for (let i = 0; i < 2000; i++) {
      const { glyphs, answer } = arithmeticChallenge(random)
      const text = glyphs.join('')
      const m = /^(\d+)([+\u2212\u00d7])(\d+)=\?$/u.exec(text)
      expect(m).not.toBeNull()
      const [a, op, b] = [Number(m![1]), m![2]!, Number(m![3])]
      ops.add(op)
      const value = op === '+' ? a + b : op === '\u00d7' ? a * b : a - b
      expect(answer).toBe(String(value))
      expect(value).toBeGreaterThanOrEqual(0)
    }
    expect(ops.size).toBe(3)
  })
})
