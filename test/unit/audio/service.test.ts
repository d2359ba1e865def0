import { describe, expect, it } from 'vitest'
import { AudioCaptchaService, decodeWav, normaliseSpokenAnswer } from '../../../src/main/core/audio'
import { seededRandom } from '../../../src/main/core/captcha/random'
import { CLIPS } from './helpers'

function service(now = () => 0) {
  const answers = new Map<string, string>()
  const audio = new AudioCaptchaService({ clips: CLIPS, ttlMs: 1000, now, onIssued: (id, answer) => answers.set(id, answer) })
  return { audio, answers }
}

describe('AudioCaptchaService', () => {
  it('issues six random digits as a WAV in the asked language, and never the answer', () => {
    const { audio, answers } = service()
    const challenge = audio.create({ language: 'en' })
    expect(Object.keys(challenge).sort()).toEqual(['durationMs', 'expiresInMs', 'id', 'language', 'wav'])
    expect(answers.get(challenge.id)).toMatch(/^\d{6}$/)
    const decoded = decodeWav(challenge.wav)
    expect(challenge.durationMs).toBe(Math.round((decoded.samples.length / decoded.sampleRate) * 1000))
    expect(challenge).toMatchObject({ language: 'en', expiresInMs: 1000 })
    expect(Buffer.from(challenge.wav).toString('latin1')).not.toContain(answers.get(challenge.id))
  })

  it('speaks each language with its own voice', () => {
    const en = new AudioCaptchaService({ clips: CLIPS, random: seededRandom(3) }).create({ language: 'en' })
    const zh = new AudioCaptchaService({ clips: CLIPS, random: seededRandom(3) }).create({ language: 'zh-CN' })
    expect(Buffer.from(en.wav).equals(Buffer.from(zh.wav))).toBe(false)
  })

  it('accepts the right digits once, however they are spaced or which width they are typed in', () => {
    const { audio, answers } = service()
    const challenges = Array.from({ length: 3 }, () => audio.create({ language: 'zh-CN' }))
    const [a, b, c] = challenges.map(({ id }) => ({ id, answer: answers.get(id)! }))
    expect(audio.verify(a!.id, a!.answer)).toBe(true)
    expect(audio.verify(a!.id, a!.answer)).toBe(false)
    const fullWidth = [...b!.answer].map((digit) => String.fromCharCode(0xff10 + Number(digit))).join('')
    expect(audio.verify(b!.id, ` ${fullWidth.slice(0, 3)} ${fullWidth.slice(3)} `)).toBe(true)
    expect(audio.verify(c!.id, `${c!.answer.slice(0, 3)}-${c!.answer.slice(3)}`)).toBe(true)
  })

  it('refuses a wrong answer and consumes the challenge with it', () => {
    const { audio, answers } = service()
    const { id } = audio.create({ language: 'en' })
    const answer = answers.get(id)!
    expect(audio.verify(id, answer.slice(1))).toBe(false)
    expect(audio.verify(id, answer)).toBe(false)
  })

  it('forgets a challenge after its time to live, and refuses unknown or oversized ids and text', () => {
    let clock = 0
    const { audio, answers } = service(() => clock)
    const { id } = audio.create({ language: 'en' })
    clock = 1000
    expect(audio.verify(id, answers.get(id)!)).toBe(false)
    expect(audio.verify('no-such-id', '123456')).toBe(false)
    expect(audio.verify('x'.repeat(65), '123456')).toBe(false)
    const fresh = audio.create({ language: 'en' })
    expect(audio.verify(fresh.id, '1'.repeat(300))).toBe(false)
    expect(audio.size).toBe(0)
  })

  it('normalises typed answers to bare ASCII digits', () => {
    expect(normaliseSpokenAnswer('１２３ ４５６')).toBe('123456')
    expect(normaliseSpokenAnswer(' 12-34\t56 ')).toBe('123456')
  })
})
