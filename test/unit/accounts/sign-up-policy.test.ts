import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CHANNELS } from '../../../src/shared/ipc-contract'
import { MESSAGES } from '../../../src/renderer/src/i18n'
import { createTestCore, type TestCore } from '../../support/core'

let core: TestCore
const ctx = { sessionKey: 'window-1' }

beforeEach(() => {
  core = createTestCore()
})
afterEach(() => core.dispose())

async function signUp(username: string, password: string) {
  const issued = await core.invoke(CHANNELS.captchaNew, undefined, ctx)
  if (!issued.ok || !('id' in issued)) throw new Error('no captcha')
  const answer = core.answers.get(issued.id)!
  return core.invoke(CHANNELS.signUp, { captchaId: issued.id, captchaText: answer, username, password }, ctx)
}

const accounts = () => (core.sql().prepare('SELECT COUNT(*) AS n FROM accounts').get() as { n: number }).n

describe('sign-up through the core', () => {
  it('refuses a common password whatever its case, and creates nothing', async () => {
    expect(await signUp('dana', 'SunShine1')).toMatchObject({ ok: false, code: 'PASSWORD_COMMON', field: 'password' })
    expect(accounts()).toBe(0)
    expect(await core.invoke(CHANNELS.session, undefined, ctx)).toEqual({ ok: true, user: null })
  })

  it('refuses a password that contains the username', async () => {
    expect(await signUp('Dana', 'dana forever and ever')).toMatchObject({ ok: false, code: 'PASSWORD_HAS_USERNAME' })
    expect(accounts()).toBe(0)
  })

  it('still refuses a short password by its length first', async () => {
    expect(await signUp('dana', '1234567')).toMatchObject({ code: 'PASSWORD_RULES' })
  })

  it('accepts a long Unicode passphrase', async () => {
    expect(await signUp('dana', '月光下的水壶 moonlit kettles 🙂')).toEqual({ ok: true, user: { username: 'dana' } })
  })
})

describe('the refusal messages', () => {
  it.each(['PASSWORD_COMMON', 'PASSWORD_HAS_USERNAME'] as const)('%s has its own text in both languages', (code) => {
    const zh = MESSAGES['zh-CN'].errors[code]
    const en = MESSAGES.en.errors[code]
    expect(zh).toMatch(/\p{Script=Han}/u)
    expect(en).toMatch(/password/i)
    for (const t of [MESSAGES['zh-CN'], MESSAGES.en]) {
      const others = Object.entries(t.errors).filter(([other]) => other !== code)
      expect(others.map(([, text]) => text)).not.toContain(t.errors[code])
    }
  })

  it('say why: the list, or the username', () => {
    expect(MESSAGES.en.errors.PASSWORD_COMMON).toMatch(/common|leaked/)
    expect(MESSAGES['zh-CN'].errors.PASSWORD_COMMON).toMatch(/常用|泄露/)
    expect(MESSAGES.en.errors.PASSWORD_HAS_USERNAME).toMatch(/username/)
    expect(MESSAGES['zh-CN'].errors.PASSWORD_HAS_USERNAME).toMatch(/用户名/)
  })
})
