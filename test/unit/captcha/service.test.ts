import { loadImage } from '@napi-rs/canvas'
import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../../src/shared/ipc-contract'
import { CaptchaService, type CaptchaServiceOptions } from '../../../src/main/core/captcha/service'
import { CaptchaGenerator } from '../../../src/main/core/captcha/generator'
import { resolveOptions } from '../../../src/main/core/captcha/options'
import { DEFAULT_ALPHABET } from '../../../src/main/core/captcha/alphabet'
import { generatorFor } from '../../support/captcha'
import { readPng } from './helpers'

interface Harness {
  service: CaptchaService
  answers: Map<string, string>
  clock: { t: number }
}

function harness(options: Partial<CaptchaServiceOptions> = {}): Harness {
  const answers = new Map<string, string>()
  const clock = { t: 1_000_000 }
  const service = new CaptchaService({
    source: generatorFor('normal'),
    now: () => clock.t,
    onIssued: (id, answer) => answers.set(id, answer),
    ...options
  })
  return { service, answers, clock }
}

describe('CaptchaService.create', () => {
  it.each([1, 2, 3])('returns a valid PNG of 270×40 CSS px drawn at scale %i', async (scale) => {
    const { service } = harness()
    const image = await service.create({ scale })
    expect(image.width).toBe(270)
    expect(image.height).toBe(40)
    expect(image.expiresInMs).toBe(120_000)
    expect(image.png).toBeInstanceOf(Uint8Array)
    const png = readPng(image.png)
    expect([png.width, png.height, png.bitDepth, png.colourType]).toEqual([270 * scale, 40 * scale, 8, 2])
    // A second, independent decoder must agree.
    const decoded = await loadImage(Buffer.from(image.png))
    expect([decoded.width, decoded.height]).toEqual([270 * scale, 40 * scale])
  })

  it('owns an exactly sized buffer, so IPC cloning carries only the image', async () => {
    const { service } = harness()
    const image = await service.create()
    expect(image.png.byteOffset).toBe(0)
    expect(image.png.buffer.byteLength).toBe(image.png.byteLength)
  })

  it.each([
    [Number.NaN, 1],
    [Number.POSITIVE_INFINITY, 1],
    [0.5, LIMITS.scaleMin],
    [-2, LIMITS.scaleMin],
    [7, LIMITS.scaleMax],
    [1.5, 1.5]
  ])('clamps scale %s to %s', async (requested, expected) => {
    const { service } = harness()
    const png = readPng((await service.create({ scale: requested })).png)
    expect(png.width).toBe(Math.round(270 * expected))
    expect(png.height).toBe(Math.round(40 * expected))
  })

  it('issues distinct UUIDs and answers of five alphabet characters', async () => {
    const { service, answers } = harness({ maxPerOwner: 20 })
    const ids = new Set<string>()
    for (let i = 0; i < 20; i++) ids.add((await service.create()).id)
    expect(ids.size).toBe(20)
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(answers.get(id)).toMatch(new RegExp(`^[${DEFAULT_ALPHABET}]{5}$`))
    }
    expect(service.size).toBe(20)
  })

  it('never puts the answer in the returned object', async () => {
    const { service, answers } = harness()
    for (let i = 0; i < 10; i++) {
      const image = await service.create({ theme: i % 2 === 0 ? 'light' : 'dark' })
      const answer = answers.get(image.id)!
      expect(Object.keys(image).sort()).toEqual(['expiresInMs', 'height', 'id', 'png', 'width'])
      const text = JSON.stringify({ ...image, png: undefined })
      expect(text).not.toContain(answer)
      // Nor as text inside the PNG (we write no text chunks).
      expect(Buffer.from(image.png).toString('latin1')).not.toContain(answer)
    }
  })

  it('serves a burst of concurrent requests, each a valid image with its own answer', async () => {
    const { service, answers } = harness({ maxPerOwner: 12, maxInFlightPerOwner: 12 })
    const images = await Promise.all(Array.from({ length: 12 }, (_, i) => service.create({ scale: 1 + (i % 3) })))
    images.forEach((image, i) => {
      const png = readPng(image.png)
      expect([png.width, png.height]).toEqual([270 * (1 + (i % 3)), 40 * (1 + (i % 3))])
    })
    expect(new Set(images.map((i) => i.id)).size).toBe(12)
    for (const image of images) expect(service.verify(image.id, answers.get(image.id)!)).toBe(true)
  })

  it('draws an arithmetic challenge whose answer is the result', async () => {
    const { service, answers } = harness({ source: generatorFor('normal', 'arithmetic') })
    const image = await service.create()
    expect(answers.get(image.id)).toMatch(/^\d{1,3}$/)
    expect(service.verify(image.id, answers.get(image.id)!)).toBe(true)
  })
})

describe('CaptchaService.verify', () => {
  it('accepts the right answer once, case-insensitively and trimmed', async () => {
    const { service, answers } = harness()
    const image = await service.create()
    const answer = answers.get(image.id)!
    expect(service.verify(image.id, `  ${answer.toLowerCase()}\t`)).toBe(true)
    expect(service.verify(image.id, answer)).toBe(false)
    expect(service.size).toBe(0)
  })

  it('consumes the challenge on a wrong guess too', async () => {
    const { service, answers } = harness()
    const image = await service.create()
    const answer = answers.get(image.id)!
    const wrong = answer.slice(0, -1) + (answer.endsWith('A') ? 'C' : 'A')
    expect(service.verify(image.id, wrong)).toBe(false)
    expect(service.verify(image.id, answer)).toBe(false)
  })

  it('rejects unknown ids without touching pending challenges', async () => {
    const { service } = harness()
    await service.create()
    expect(service.verify('00000000-0000-4000-8000-000000000000', 'ABCDE')).toBe(false)
    expect(service.verify('', '')).toBe(false)
    expect(service.verify('x'.repeat(10_000), 'ABCDE')).toBe(false)
    expect(service.size).toBe(1)
  })

  it.each([
    ['empty', ''],
    ['whitespace', '   '],
    ['very long', 'A'.repeat(100_000)],
    ['answer plus junk', null],
    ['a prefix', undefined]
  ])('rejects %s text and still consumes', async (_label, text) => {
    const { service, answers } = harness()
    const image = await service.create()
    const answer = answers.get(image.id)!
    const guess = text === null ? `${answer}X` : text === undefined ? answer.slice(0, 4) : text
    expect(service.verify(image.id, guess)).toBe(false)
    expect(service.verify(image.id, answer)).toBe(false)
  })

  it('rejects values that are not strings at all', async () => {
    const { service, answers } = harness()
    const image = await service.create()
    const answer = answers.get(image.id)!
    const fake = { toString: () => answer, trim: () => answer, length: 5 }
    expect(service.verify(image.id, fake as unknown as string)).toBe(false)
    expect(service.verify(image.id, answer)).toBe(false)
    expect(service.verify(42 as unknown as string, answer)).toBe(false)
  })

  it('expires challenges after the TTL, using the injected clock', async () => {
    const { service, answers, clock } = harness({ ttlMs: 5_000 })
    const first = await service.create()
    const second = await service.create()
    expect(first.expiresInMs).toBe(5_000)
    clock.t += 4_999
    expect(service.verify(first.id, answers.get(first.id)!)).toBe(true)
    clock.t += 1
    expect(service.size).toBe(0)
    expect(service.verify(second.id, answers.get(second.id)!)).toBe(false)
  })
})

describe('CaptchaService store bound', () => {
  it('evicts the oldest challenges when full', async () => {
    const { service, answers } = harness({ maxEntries: 3 })
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await service.create()).id)
    expect(service.size).toBe(3)
    expect(service.verify(ids[0]!, answers.get(ids[0]!)!)).toBe(false)
    expect(service.verify(ids[1]!, answers.get(ids[1]!)!)).toBe(false)
    for (const id of ids.slice(2)) expect(service.verify(id, answers.get(id)!)).toBe(true)
    expect(service.size).toBe(0)
  })

  it('an in-thread source without fonts fails when it is built, not per request', () => {
    expect(() => new CaptchaGenerator(resolveOptions('normal', { fontFiles: [] }))).toThrow(/font/)
  })

  it('rejects nonsensical limits at construction', () => {
    expect(() => harness({ maxEntries: 0 })).toThrow(RangeError)
    expect(() => harness({ ttlMs: -1 })).toThrow(RangeError)
  })
})
