import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CHANNELS, LIMITS, type Channel } from '../../../src/shared/ipc-contract'
import { createTestCore, solvedCaptcha, type TestCore } from '../../support/core'
import { tempDir } from '../../support/temp-dir'

let core: TestCore
const ctx = { sessionKey: 'window-1' }

beforeEach(() => {
  core = createTestCore()
})
afterEach(() => core.dispose())

async function credentials(username: string, password: string) {
  return { ...(await solvedCaptcha(core, ctx)), username, password }
}

describe('captcha:new', () => {
  it('returns a PNG and an id but never the answer', async () => {
    const result = await core.invoke(CHANNELS.captchaNew, { scale: 2, theme: 'dark' }, ctx)
    expect(result).toMatchObject({ ok: true, width: 270, height: 40 })
    if (!result.ok) throw new Error('expected an image')
    expect(Buffer.from(result.png.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a')
    const answer = core.answers.get(result.id)!
    expect(JSON.stringify({ ...result, png: undefined })).not.toContain(answer)
  })

  it.each([
    ['a string', 'big'],
    ['an array', [1]],
    ['an unknown key', { scale: 1, extra: true }],
    ['a non-number scale', { scale: '2' }],
    ['an unknown theme', { theme: 'neon' }],
    ['an infinite scale', { scale: Infinity }]
  ])('rejects %s', async (_what, payload) => {
    expect(await core.invoke(CHANNELS.captchaNew, payload, ctx)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})

describe('sign-up and sign-in', () => {
  it('signs up, is signed in, signs out, and signs in again', async () => {
    expect(await core.invoke(CHANNELS.signUp, await credentials('alice', 'correct horse'), ctx)).toEqual({
      ok: true,
      user: { username: 'alice' }
    })
    expect(await core.invoke(CHANNELS.session, undefined, ctx)).toEqual({ ok: true, user: { username: 'alice' } })
    expect(await core.invoke(CHANNELS.session, undefined, { sessionKey: 'other-window' })).toEqual({ ok: true, user: null })
    expect(await core.invoke(CHANNELS.signOut, undefined, ctx)).toEqual({ ok: true })
    expect(await core.invoke(CHANNELS.session, undefined, ctx)).toEqual({ ok: true, user: null })
    expect(await core.invoke(CHANNELS.signIn, await credentials('ALICE', 'correct horse'), ctx)).toEqual({
      ok: true,
      user: { username: 'alice' }
    })
  })

  it('checks the captcha before the credentials', async () => {
    await core.invoke(CHANNELS.signUp, await credentials('alice', 'correct horse'), ctx)
    const wrong = { ...(await credentials('alice', 'correct horse')), captchaText: 'nope!' }
    expect(await core.invoke(CHANNELS.signIn, wrong, ctx)).toMatchObject({ ok: false, code: 'CAPTCHA_INVALID', field: 'captchaText' })
  })

  it('consumes the captcha: a reused id fails even with the right answer', async () => {
    await core.invoke(CHANNELS.signUp, await credentials('alice', 'correct horse'), ctx)
    const creds = await credentials('alice', 'wrong password')
    expect(await core.invoke(CHANNELS.signIn, creds, ctx)).toMatchObject({ code: 'BAD_CREDENTIALS' })
    expect(await core.invoke(CHANNELS.signIn, { ...creds, password: 'correct horse' }, ctx)).toMatchObject({
      code: 'CAPTCHA_INVALID'
    })
  })

  it('rejects unknown captcha ids', async () => {
    const creds = { captchaId: 'not-an-id', captchaText: 'ABCDE', username: 'alice', password: 'correct horse' }
    expect(await core.invoke(CHANNELS.signIn, creds, ctx)).toMatchObject({ code: 'CAPTCHA_INVALID' })
  })

  it('gives the same answer for a wrong password and an unknown user', async () => {
    await core.invoke(CHANNELS.signUp, await credentials('alice', 'correct horse'), ctx)
    await core.invoke(CHANNELS.signOut, undefined, ctx)
    const wrongPassword = await core.invoke(CHANNELS.signIn, await credentials('alice', 'wrong horse'), ctx)
    const unknownUser = await core.invoke(CHANNELS.signIn, await credentials('mallory', 'correct horse'), ctx)
    expect(wrongPassword).toEqual(unknownUser)
    expect(await core.invoke(CHANNELS.session, undefined, ctx)).toEqual({ ok: true, user: null })
  })

  it('refuses a duplicate username and leaves the first account intact', async () => {
    await core.invoke(CHANNELS.signUp, await credentials('alice', 'correct horse'), ctx)
    expect(await core.invoke(CHANNELS.signUp, await credentials('Alice', 'other password'), ctx)).toMatchObject({
      code: 'USERNAME_TAKEN'
    })
    expect(await core.invoke(CHANNELS.signIn, await credentials('alice', 'correct horse'), ctx)).toMatchObject({ ok: true })
  })

  it('reports rule violations with the field to fix', async () => {
    expect(await core.invoke(CHANNELS.signUp, await credentials('a b', 'correct horse'), ctx)).toMatchObject({
      code: 'USERNAME_RULES',
      field: 'username'
    })
    expect(await core.invoke(CHANNELS.signUp, await credentials('alice', 'short'), ctx)).toMatchObject({
      code: 'PASSWORD_RULES',
      field: 'password'
    })
  })
})

describe('validation at the door', () => {
  const good = { captchaId: 'id', captchaText: 'ABCDE', username: 'alice', password: 'correct horse' }
  const bad: Array<[string, unknown]> = [
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an array', [good]],
    ['a missing field', { ...good, password: undefined }],
    ['a number field', { ...good, username: 7 }],
    ['an object field', { ...good, password: { toString: 'x' } }],
    ['an unknown key', { ...good, admin: true }],
    ['an oversized username', { ...good, username: 'a'.repeat(LIMITS.fieldMax + 1) }],
    ['an oversized password', { ...good, password: 'p'.repeat(10_000_000) }],
    ['an oversized captcha id', { ...good, captchaId: 'i'.repeat(LIMITS.captchaIdMax + 1) }],
    ['an empty captcha id', { ...good, captchaId: '' }],
    ['an oversized captcha text', { ...good, captchaText: 'c'.repeat(LIMITS.captchaTextMax + 1) }],
    [
      'a __proto__ key',
      JSON.parse('{"__proto__": {"admin": true}, "captchaId": "id", "captchaText": "x", "username": "alice", "password": "correct horse"}')
    ]
  ]
  for (const channel of [CHANNELS.signIn, CHANNELS.signUp] as Channel[]) {
    it.each(bad)(`${channel} rejects %s`, async (_what, payload) => {
      expect(await core.invoke(channel, payload, ctx)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    })
  }

  it('points at the field that was wrong', async () => {
    expect(await core.invoke(CHANNELS.signIn, { ...good, username: 7 }, ctx)).toMatchObject({ field: 'username' })
  })

  it.each([CHANNELS.signOut, CHANNELS.session])('%s accepts no payload', async (channel) => {
    expect(await core.invoke(channel, { sessionKey: 'someone-else' }, ctx)).toMatchObject({ code: 'INVALID_INPUT' })
  })

  it('answers unknown channels with a typed error', async () => {
    expect(await core.invoke('admin:drop-tables', undefined, ctx)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await core.invoke({ toString: () => 'auth:sign-in' }, good, ctx)).toMatchObject({ code: 'INVALID_INPUT' })
  })

  it('turns an exception inside a handler into INTERNAL without rejecting', async () => {
    core.sql().exec('DROP TABLE accounts')
    const result = await core.invoke(CHANNELS.signUp, await credentials('alice', 'correct horse'), ctx)
    expect(result).toEqual({ ok: false, code: 'INTERNAL', message: expect.any(String) })
  })
})

describe('app:info and prefs:set-language', () => {
  it('reports versions and system locales from the shell, and no saved prefs at first', async () => {
    expect(await core.invoke(CHANNELS.appInfo, undefined, ctx)).toEqual({
      ok: true,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      versions: { electron: expect.any(String), chrome: expect.any(String), node: process.versions.node },
      systemLocales: ['zh-CN'],
      language: null,
      lastUsername: null,
      databaseReset: null
    })
  })

  it('remembers the chosen language', async () => {
    expect(await core.invoke(CHANNELS.setLanguage, { language: 'en' }, ctx)).toEqual({ ok: true, language: 'en' })
    expect(await core.invoke(CHANNELS.appInfo, undefined, ctx)).toMatchObject({ language: 'en' })
  })

  it.each([
    ['no payload', undefined],
    ['a bare string', 'en'],
    ['an unknown language', { language: 'fr' }],
    ['an extra key', { language: 'en', theme: 'dark' }]
  ])('set-language rejects %s', async (_what, payload) => {
    expect(await core.invoke(CHANNELS.setLanguage, payload, ctx)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await core.invoke(CHANNELS.appInfo, undefined, ctx)).toMatchObject({ language: null })
  })

  it('app:info takes no payload', async () => {
    expect(await core.invoke(CHANNELS.appInfo, { give: 'me more' }, ctx)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })

  it('remembers the username after a successful sign-up and sign-in, never after a failed one', async () => {
    await core.invoke(CHANNELS.signUp, await credentials('Alice', 'correct horse'), ctx)
    expect(await core.invoke(CHANNELS.appInfo, undefined, ctx)).toMatchObject({ lastUsername: 'Alice' })
    await core.invoke(CHANNELS.signIn, await credentials('Alice', 'wrong horse'), ctx)
    await core.invoke(CHANNELS.signUp, await credentials('bob', 'correct horse'), ctx)
    await core.invoke(CHANNELS.signIn, await credentials('nobody', 'correct horse'), ctx)
    const info = await core.invoke(CHANNELS.appInfo, undefined, ctx)
    expect(info).toMatchObject({ lastUsername: 'bob' })
    expect(JSON.stringify(info)).not.toContain('correct horse')
  })
})

describe('prefs that cannot be written', () => {
  it('a sign-up still succeeds when the prefs file cannot be saved; set-language reports INTERNAL', async () => {
    // A regular file where the prefs folder should be: every write fails with ENOTDIR.
    const dir = tempDir()
    const notADirectory = join(dir.path, 'file')
    writeFileSync(notADirectory, '')
    const blocked = createTestCore({ prefsPath: join(notADirectory, 'prefs.json') })
    try {
      const credentials = { ...(await solvedCaptcha(blocked, ctx)), username: 'quinn', password: 'correct horse' }
      expect(await blocked.invoke(CHANNELS.signUp, credentials, ctx)).toEqual({ ok: true, user: { username: 'quinn' } })
      expect(await blocked.invoke(CHANNELS.setLanguage, { language: 'en' }, ctx)).toMatchObject({ ok: false, code: 'INTERNAL' })
    } finally {
      blocked.dispose()
      dir.remove()
    }
  })
})
