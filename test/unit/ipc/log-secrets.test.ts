import { afterAll, describe, expect, it } from 'vitest'
import { consoleLogger } from '../../../src/main/core/log'
import { refuseUntrustedSender } from '../../../src/main/core/app-origin/trusted-sender'
import { CHANNELS, LIMITS } from '../../../src/shared/ipc-contract'
import { createTestCore } from '../../support/core'

// Every channel, with good and bad input, through a logger whose every line is kept; then the lines
// are searched for every password sent and every captcha answer issued.
const lines: string[] = []
const log = consoleLogger((line) => lines.push(line))
const core = createTestCore({ log, lockout: { maxFailures: 3 } })
afterAll(() => core.dispose())
const ctx = { sessionKey: 'w' }
const passwords: string[] = []

function secret(label: string): string {
  const value = `${label}-${Math.random().toString(36).slice(2, 10)}`
  passwords.push(value)
  return value
}

async function credentials(username: string, password: string, captchaText?: string) {
  const image = await core.invoke(CHANNELS.captchaNew, { scale: 2, theme: 'dark' }, ctx)
  if (!image.ok) throw new Error('no captcha')
  return { captchaId: image.id, captchaText: captchaText ?? core.answers.get(image.id)!, username, password }
}

describe('no secrets in logs', () => {
  it('logs neither passwords nor captcha answers, whatever the channel and outcome', async () => {
    const good = secret('good')
    await core.invoke(CHANNELS.signUp, await credentials('alice', good), ctx)
    await core.invoke(CHANNELS.signUp, await credentials('Alice', secret('taken')), ctx)
    await core.invoke(CHANNELS.signUp, await credentials('bob', secret('s')), ctx)
    await core.invoke(CHANNELS.signUp, await credentials('b o b', secret('rules')), ctx)
    await core.invoke(CHANNELS.signUp, await credentials('carol', secret('badcaptcha'), 'WRONG'), ctx)
    await core.invoke(CHANNELS.session, undefined, ctx)
    await core.invoke(CHANNELS.signOut, undefined, ctx)
    await core.invoke(CHANNELS.signIn, await credentials('alice', good), ctx)
    for (let i = 0; i < 4; i++) await core.invoke(CHANNELS.signIn, await credentials('alice', secret('wrong')), ctx)
    await core.invoke(CHANNELS.signIn, await credentials('nobody', secret('unknown')), ctx)
    // The spoken challenge, answered right and wrong; its answers are checked against the log like the image's.
    const spoken = async (password: string, right: boolean) => {
      const audio = await core.invoke(CHANNELS.captchaAudio, { language: 'en' }, ctx)
      if (!audio.ok || !('wav' in audio)) throw new Error('no audio captcha')
      const answer = core.answers.get(audio.id)!
      const typed = right ? answer : answer.replace(/\d/, (digit) => String((Number(digit) + 1) % 10))
      return { ...(await credentials('alice', password)), audioCaptchaId: audio.id, captchaText: typed }
    }
    await core.invoke(CHANNELS.signIn, await spoken(good, true), ctx)
    await core.invoke(CHANNELS.signIn, await spoken(secret('spoken-wrong'), false), ctx)
    await core.invoke(CHANNELS.captchaAudio, { language: 'zh-CN', extra: secret('audio-extra') }, ctx)
    await core.invoke(CHANNELS.captchaAudio, secret('audio-odd'), ctx)
    const reused = await credentials('alice', secret('reused'))
    await core.invoke(CHANNELS.signIn, reused, ctx)
    await core.invoke(CHANNELS.signIn, reused, ctx)

    // Bad input that carries secrets in odd places.
    const odd = secret('odd')
    const answer = (await credentials('x', 'y')).captchaText
    for (const payload of [
      { ...(await credentials('alice', odd)), extra: odd },
      { ...(await credentials('alice', odd)), username: odd.repeat(LIMITS.fieldMax) },
      { ...(await credentials(odd, odd)), password: 7 },
      { captchaId: answer, captchaText: answer, username: answer, password: odd, [odd]: answer },
      odd,
      [odd, answer]
    ]) {
      await core.invoke(CHANNELS.signIn, payload, ctx)
      await core.invoke(CHANNELS.signUp, payload, ctx)
      await core.invoke(CHANNELS.captchaNew, payload, ctx)
      await core.invoke(CHANNELS.captchaAudio, payload, ctx)
      await core.invoke(CHANNELS.signOut, payload, ctx)
      await core.invoke(CHANNELS.session, payload, ctx)
      await core.invoke(odd, payload, ctx)
    }
    refuseUntrustedSender(CHANNELS.signIn, { url: `https://evil.example/?pw=${odd}#${answer}`, isMainFrame: true }, log)

    // An internal error after the schema check: the thrown error is logged, the payload is not.
    core.sql().exec('DROP TABLE accounts')
    expect(await core.invoke(CHANNELS.signIn, await credentials('dave', good), ctx)).toMatchObject({ code: 'INTERNAL' })

    // The exercise above did reach every outcome worth logging.
    const events = new Set(lines.map((line) => `${JSON.parse(line).event}:${JSON.parse(line).reason ?? ''}`))
    expect([...events]).toEqual(
      expect.arrayContaining([
        'sign-up.ok:',
        'sign-up.rejected:captcha',
        'sign-up.rejected:USERNAME_TAKEN',
        'sign-in.ok:',
        'sign-in.rejected:credentials',
        'sign-in.rejected:locked',
        'sign-in.lock-started:',
        'ipc.invalid:',
        'ipc.internal:',
        'ipc.forbidden:untrusted-origin'
      ])
    )

    const text = lines.map((line) => JSON.stringify({ ...JSON.parse(line), time: undefined })).join('\n')
    for (const password of passwords) expect(text, 'a password is in the log').not.toContain(password)
    expect(core.answers.size).toBeGreaterThan(10)
    for (const issued of core.answers.values()) {
      // Answers are upper-case letters or digits (six digits when spoken): look for them as a token, not inside "USERNAME".
      expect(text, `captcha answer ${issued} is in the log`).not.toMatch(new RegExp(`(?<![A-Z0-9])${issued}(?![A-Z0-9])`, 'i'))
    }
  })
})
