import { describe, expect, it } from 'vitest'
import { CHANNELS } from '../../../src/shared/ipc-contract'
import { createTestCore, type TestCore } from '../../support/core'
import { cleanupAfterEach } from '../../support/cleanups'

// SECURITY.md: "every sign-in attempt costs one solved image". Locking a username is a sign-in attempt
// too, so it must cost solved captchas: attempts that did not pay must not bring the lock nearer.
const ctx = { sessionKey: 'attacker-window' }
const cleanup = cleanupAfterEach()

function coreAt(clock: { now: number }): TestCore {
  const core = createTestCore({ now: () => clock.now, captcha: { now: () => clock.now } })
  cleanup(() => core.dispose())
  return core
}

async function issued(core: TestCore): Promise<{ id: string; answer: string }> {
  const image = await core.invoke(CHANNELS.captchaNew, undefined, ctx)
  if (!image.ok || !('id' in image)) throw new Error('no captcha')
  return { id: image.id, answer: core.answers.get(image.id)! }
}

const attempt = (core: TestCore, captchaId: string, captchaText: string, password = 'guess guess') =>
  core.invoke(CHANNELS.signIn, { captchaId, captchaText, username: 'alice', password }, ctx)

async function ownerSignsIn(core: TestCore) {
  const { id, answer } = await issued(core)
  return attempt(core, id, answer, 'correct horse')
}

async function register(core: TestCore): Promise<void> {
  const { id, answer } = await issued(core)
  const credentials = { captchaId: id, captchaText: answer, username: 'alice', password: 'correct horse' }
  expect(await core.invoke(CHANNELS.signUp, credentials, ctx)).toMatchObject({ ok: true })
  await core.invoke(CHANNELS.signOut, undefined, ctx)
}

describe('locking a username costs solved captchas', () => {
  it('made-up captcha ids never lock the owner out, however many', async () => {
    const core = coreAt({ now: 1_000_000 })
    await register(core)
    for (let i = 0; i < 25; i++) {
      expect(await attempt(core, `made-up-${i}`, 'ABCDE')).toMatchObject({ code: 'CAPTCHA_INVALID' })
    }
    expect(await ownerSignsIn(core)).toMatchObject({ ok: true, user: { username: 'alice' } })
  })

  it('neither do wrong answers, reused ids or expired captchas', async () => {
    const clock = { now: 1_000_000 }
    const core = coreAt(clock)
    await register(core)
    for (let i = 0; i < 6; i++) {
      const { id, answer } = await issued(core)
      expect(await attempt(core, id, answer === 'WRONG' ? 'WRONH' : 'WRONG')).toMatchObject({ code: 'CAPTCHA_INVALID' })
      // The same id again: consumed by the first try.
      expect(await attempt(core, id, answer)).toMatchObject({ code: 'CAPTCHA_INVALID' })
    }
    for (let i = 0; i < 6; i++) {
      const { id, answer } = await issued(core)
      clock.now += 3 * 60_000
      expect(await attempt(core, id, answer)).toMatchObject({ code: 'CAPTCHA_INVALID' })
    }
    expect(await ownerSignsIn(core)).toMatchObject({ ok: true })
  })

  it('while five solved captchas with wrong passwords still lock it', async () => {
    const core = coreAt({ now: 1_000_000 })
    await register(core)
    for (let i = 0; i < 4; i++) {
      const { id, answer } = await issued(core)
      expect(await attempt(core, id, answer)).toMatchObject({ code: 'BAD_CREDENTIALS' })
    }
    const { id, answer } = await issued(core)
    expect(await attempt(core, id, answer)).toMatchObject({ code: 'LOCKED' })
    expect(await ownerSignsIn(core)).toMatchObject({ code: 'LOCKED' })
  })
})
