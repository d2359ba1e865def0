import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { decodeWav } from '../../../src/main/core/audio'
import { refuseUntrustedSender } from '../../../src/main/core/app-origin/trusted-sender'
import { silentLogger } from '../../../src/main/core/log'
import { CHANNELS, LIMITS, type Channel } from '../../../src/shared/ipc-contract'
import { createTestCore, type TestCore } from '../../support/core'

// The spoken captcha through the one entry the shell calls (core.invoke), and the door check before it.
let core: TestCore
const ctx = { sessionKey: 'window-1' }
beforeEach(() => {
  core = createTestCore({ lockout: { maxFailures: 3 } })
})
afterEach(() => core.dispose())

async function issue(kind: 'image' | 'audio', language: 'en' | 'zh-CN' = 'en'): Promise<{ id: string; answer: string }> {
  const result =
    kind === 'image' ? await core.invoke(CHANNELS.captchaNew, undefined, ctx) : await core.invoke(CHANNELS.captchaAudio, { language }, ctx)
  if (!result.ok || !('id' in result) || typeof result.id !== 'string') throw new Error(`no ${kind} captcha`)
  return { id: result.id, answer: core.answers.get(result.id)! }
}

async function signUp(username: string, password: string): Promise<void> {
  const image = await issue('image')
  const result = await core.invoke(CHANNELS.signUp, { captchaId: image.id, captchaText: image.answer, username, password }, ctx)
  expect(result).toMatchObject({ ok: true })
  await core.invoke(CHANNELS.signOut, undefined, ctx)
}

/** The form as the page sends it after the person listened: both ids, one typed text. */
async function withBoth(username: string, password: string, typed: (image: string, audio: string) => string) {
  const image = await issue('image')
  const audio = await issue('audio')
  return { captchaId: image.id, audioCaptchaId: audio.id, captchaText: typed(image.answer, audio.answer), username, password }
}

describe('captcha:audio', () => {
  it.each(['en', 'zh-CN'] as const)('answers a WAV and an id for %s, never the answer', async (language) => {
    const result = await core.invoke(CHANNELS.captchaAudio, { language }, ctx)
    if (!result.ok || !('wav' in result)) throw new Error('expected audio')
    expect(result).toMatchObject({ language, expiresInMs: 120_000 })
    expect(decodeWav(result.wav).sampleRate).toBe(16_000)
    expect(JSON.stringify({ ...result, wav: undefined })).not.toContain(core.answers.get(result.id))
  })

  it.each([
    ['no payload', undefined],
    ['a string', 'en'],
    ['an array', [{ language: 'en' }]],
    ['an unknown language', { language: 'fr' }],
    ['a missing language', {}],
    ['an unknown key', { language: 'en', extra: 1 }],
    ['a __proto__ key', JSON.parse('{"__proto__": {"admin": true}, "language": "en"}')]
  ])('rejects %s', async (_what, payload) => {
    expect(await core.invoke(CHANNELS.captchaAudio, payload, ctx)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })

  it('is refused, like every channel, to a sender that is not the app page', () => {
    const refused = refuseUntrustedSender(CHANNELS.captchaAudio, { url: 'https://evil.example/', isMainFrame: true }, silentLogger)
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(
      refuseUntrustedSender(CHANNELS.captchaAudio, { url: 'app://renderer/index.html', isMainFrame: false }, silentLogger)
    ).toMatchObject({
      code: 'FORBIDDEN'
    })
  })
})

describe('sign-in and sign-up answered by the spoken challenge', () => {
  it('signs up and signs in with the audio answer', async () => {
    const up = await withBoth('alice', 'correct horse', (_image, audio) => audio)
    expect(await core.invoke(CHANNELS.signUp, up, ctx)).toMatchObject({ ok: true, user: { username: 'alice' } })
    await core.invoke(CHANNELS.signOut, undefined, ctx)
    const zh = await issue('audio', 'zh-CN')
    const image = await issue('image')
    const input = { captchaId: image.id, audioCaptchaId: zh.id, captchaText: zh.answer, username: 'alice', password: 'correct horse' }
    expect(await core.invoke(CHANNELS.signIn, input, ctx)).toMatchObject({ ok: true })
  })

  it('still takes the image answer when an audio id comes along: either challenge answers the form', async () => {
    await signUp('bob', 'correct horse')
    expect(await core.invoke(CHANNELS.signIn, await withBoth('bob', 'correct horse', (image) => image), ctx)).toMatchObject({ ok: true })
  })

  it('refuses a wrong audio answer without counting it, and consumes both challenges', async () => {
    await signUp('carol', 'correct horse')
    const wrong = await withBoth('carol', 'correct horse', (_image, audio) => audio.replace(/\d$/, (d) => String((Number(d) + 1) % 10)))
    expect(await core.invoke(CHANNELS.signIn, wrong, ctx)).toMatchObject({ ok: false, code: 'CAPTCHA_INVALID', field: 'captchaText' })
    // One try each: the same ids with the right answers are now refused too.
    const audioAnswer = core.answers.get(wrong.audioCaptchaId)!
    expect(await core.invoke(CHANNELS.signIn, { ...wrong, captchaText: audioAnswer }, ctx)).toMatchObject({ code: 'CAPTCHA_INVALID' })
    expect(await core.invoke(CHANNELS.signIn, { ...wrong, captchaText: core.answers.get(wrong.captchaId)! }, ctx)).toMatchObject({
      code: 'CAPTCHA_INVALID'
    })
    // Three unsolved challenges cost the owner nothing (the lock needs three): a fresh right answer signs in.
    expect(await core.invoke(CHANNELS.signIn, await withBoth('carol', 'correct horse', (_image, audio) => audio), ctx)).toMatchObject({
      ok: true
    })
  })

  it('counts a solved audio challenge with a wrong password towards the same lockout', async () => {
    await signUp('cleo', 'correct horse')
    for (let i = 0; i < 2; i++) {
      const attempt = await withBoth('cleo', 'wrong horse', (_image, audio) => audio)
      expect(await core.invoke(CHANNELS.signIn, attempt, ctx)).toMatchObject({ ok: false, code: 'BAD_CREDENTIALS' })
    }
    const third = await withBoth('cleo', 'wrong horse', (_image, audio) => audio)
    expect(await core.invoke(CHANNELS.signIn, third, ctx)).toMatchObject({ ok: false, code: 'LOCKED' })
    // Locked: even the right password with a solved audio challenge is refused until the lock ends.
    const fresh = await withBoth('cleo', 'correct horse', (_image, audio) => audio)
    expect(await core.invoke(CHANNELS.signIn, fresh, ctx)).toMatchObject({ ok: false, code: 'LOCKED' })
  })

  it('treats an audio id of the wrong shape as invalid input', async () => {
    const input = await withBoth('dave', 'correct horse', (_image, audio) => audio)
    for (const audioCaptchaId of ['', 'i'.repeat(LIMITS.captchaIdMax + 1), 7]) {
      for (const channel of [CHANNELS.signIn, CHANNELS.signUp] as Channel[]) {
        expect(await core.invoke(channel, { ...input, audioCaptchaId }, ctx)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
      }
    }
  })

  it('does not let an image id stand in for an audio id or the reverse', async () => {
    await signUp('erin', 'correct horse')
    const image = await issue('image')
    const audio = await issue('audio')
    const swapped = {
      captchaId: audio.id,
      audioCaptchaId: image.id,
      captchaText: audio.answer,
      username: 'erin',
      password: 'correct horse'
    }
    expect(await core.invoke(CHANNELS.signIn, swapped, ctx)).toMatchObject({ ok: false, code: 'CAPTCHA_INVALID' })
  })
})
