import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { AccountStore } from '../../../src/main/core/accounts/account-store'
import { openDatabase } from '../../../src/main/core/accounts/database'
import { Lockout } from '../../../src/main/core/auth/lockout'
import { LoginService, type CaptchaPort } from '../../../src/main/core/auth/login-service'
import { SessionStore } from '../../../src/main/core/auth/sessions'
import { silentLogger } from '../../../src/main/core/log'
import { CHANNELS } from '../../../src/shared/ipc-contract'
import { createTestCore, solvedCaptcha, type TestCore } from '../../support/core'
import { cleanupAfterEach } from '../../support/cleanups'
import { tempDir } from '../../support/temp-dir'

const MINUTE = 60_000
const ctx = { sessionKey: 'window-1' }
const cleanup = cleanupAfterEach()

/** A real core whose clock the test moves. */
function coreAt(start = 1_000_000, overrides: Parameters<typeof createTestCore>[0] = {}) {
  const clock = { now: start }
  const core = createTestCore({ now: () => clock.now, ...overrides })
  cleanup(() => core.dispose())
  return { core, clock }
}

async function signIn(core: TestCore, username: string, password: string, captchaText?: string) {
  const captcha = await solvedCaptcha(core, ctx)
  return core.invoke(CHANNELS.signIn, { ...captcha, captchaText: captchaText ?? captcha.captchaText, username, password }, ctx)
}

async function signUp(core: TestCore, username: string, password: string) {
  const credentials = { ...(await solvedCaptcha(core, ctx)), username, password }
  expect(await core.invoke(CHANNELS.signUp, credentials, ctx)).toMatchObject({ ok: true })
  await core.invoke(CHANNELS.signOut, undefined, ctx)
}

async function failTimes(core: TestCore, n: number, username = 'alice') {
  for (let i = 0; i < n; i++) await signIn(core, username, 'wrong password')
}

describe('brute-force lockout through core.invoke', () => {
  it('locks a username on the 5th failure within 15 minutes, for 15 minutes, saying how long', async () => {
    const { core, clock } = coreAt()
    await signUp(core, 'alice', 'correct horse')
    for (let i = 0; i < 4; i++) {
      expect(await signIn(core, 'alice', 'wrong password')).toMatchObject({ code: 'BAD_CREDENTIALS' })
      clock.now += MINUTE
    }
    expect(await signIn(core, 'alice', 'wrong password')).toMatchObject({
      ok: false,
      code: 'LOCKED',
      retryAfterMs: 15 * MINUTE,
      message: expect.stringContaining('15 minutes')
    })
    clock.now += 14 * MINUTE + 30_000
    const locked = await signIn(core, 'alice', 'correct horse')
    expect(locked).toMatchObject({ code: 'LOCKED', retryAfterMs: 30_000, message: expect.stringContaining('1 minute.') })
    clock.now += 30_000
    expect(await signIn(core, 'alice', 'correct horse')).toEqual({ ok: true, user: { username: 'alice' } })
  })

  it('forgets failures older than the window', async () => {
    const { core, clock } = coreAt()
    await signUp(core, 'alice', 'correct horse')
    await failTimes(core, 4)
    clock.now += 15 * MINUTE
    expect(await signIn(core, 'alice', 'wrong password')).toMatchObject({ code: 'BAD_CREDENTIALS' })
    expect(await signIn(core, 'alice', 'correct horse')).toMatchObject({ ok: true })
  })

  it('lets the right password through on the 5th attempt, and success clears the failures', async () => {
    const { core } = coreAt()
    await signUp(core, 'alice', 'correct horse')
    await failTimes(core, 4)
    expect(await signIn(core, 'alice', 'correct horse')).toMatchObject({ ok: true })
    await failTimes(core, 4)
    expect(await signIn(core, 'alice', 'correct horse')).toMatchObject({ ok: true })
  })

  it('shares one counter across spellings of a name', async () => {
    const { core } = coreAt()
    await signUp(core, 'alice', 'correct horse')
    for (const name of ['Alice', ' ALICE ', 'alice', 'aLiCe']) {
      expect(await signIn(core, name, 'wrong password')).toMatchObject({ code: 'BAD_CREDENTIALS' })
    }
    expect(await signIn(core, 'ALICE', 'wrong password')).toMatchObject({ code: 'LOCKED' })
    expect(await signIn(core, 'alice', 'correct horse')).toMatchObject({ code: 'LOCKED' })
  })

  it('locks unknown usernames the same way (no enumeration through the lock)', async () => {
    const { core } = coreAt()
    await failTimes(core, 4, 'nobody')
    expect(await signIn(core, 'nobody', 'wrong password')).toMatchObject({ code: 'LOCKED', retryAfterMs: 15 * MINUTE })
  })

  it('keeps other usernames free', async () => {
    const { core } = coreAt()
    await signUp(core, 'bob', 'correct horse')
    await failTimes(core, 5)
    expect(await signIn(core, 'bob', 'correct horse')).toMatchObject({ ok: true })
  })

  it('takes its limits from CoreOptions', async () => {
    const { core, clock } = coreAt(0, { lockout: { maxFailures: 2, windowMs: MINUTE, lockMs: 5_000 } })
    await signUp(core, 'alice', 'correct horse')
    await failTimes(core, 1)
    expect(await signIn(core, 'alice', 'wrong password')).toMatchObject({ code: 'LOCKED', retryAfterMs: 5_000 })
    clock.now += 5_000
    expect(await signIn(core, 'alice', 'correct horse')).toMatchObject({ ok: true })
  })

  it('survives a restart: the lock is in the database', async () => {
    const dir = tempDir()
    cleanup(dir.remove)
    const dbPath = join(dir.path, 'accounts.sqlite')
    const first = createTestCore({ dbPath, now: () => 1_000 })
    await signUp(first, 'alice', 'correct horse')
    await failTimes(first, 5)
    first.close()

    const second = createTestCore({ dbPath, now: () => 1_000 + MINUTE })
    cleanup(() => second.close())
    expect(await signIn(second, 'alice', 'correct horse')).toMatchObject({ code: 'LOCKED', retryAfterMs: 14 * MINUTE })
  })
})

describe('LoginService order of checks', () => {
  function service(options: { captchaOk: boolean; passwordDelayMs?: number }) {
    const dir = tempDir()
    const db = openDatabase(join(dir.path, 'accounts.sqlite'))
    cleanup(() => {
      db.close()
      dir.remove()
    })
    const captcha: CaptchaPort = { create: vi.fn(), verify: vi.fn(() => options.captchaOk) }
    const verify = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, options.passwordDelayMs ?? 0))
      return null
    })
    const accounts = { verify } as unknown as AccountStore
    const login = new LoginService({ captcha, accounts, sessions: new SessionStore(), lockout: new Lockout(db), log: silentLogger })
    const credentials = { captchaId: 'id', captchaText: 'x', username: 'alice', password: 'secret password' }
    return { login, captcha, verify, attempt: () => login.signIn(credentials, 'w') }
  }

  it('a wrong captcha never reaches the password check, and does not count towards the lock', async () => {
    const { attempt, verify } = service({ captchaOk: false })
    for (let i = 0; i < 20; i++) expect(await attempt()).toMatchObject({ code: 'CAPTCHA_INVALID' })
    expect(verify).not.toHaveBeenCalled()
  })

  it('a locked username is refused before the password check, and the captcha is still consumed', async () => {
    const { attempt, verify, captcha } = service({ captchaOk: true })
    for (let i = 0; i < 5; i++) await attempt()
    expect(verify).toHaveBeenCalledTimes(5)
    expect(await attempt()).toMatchObject({ code: 'LOCKED' })
    expect(verify).toHaveBeenCalledTimes(5)
    expect(captcha.verify).toHaveBeenCalledTimes(6)
  })

  it('parallel attempts cannot outrun the limit while their hashes run', async () => {
    const { attempt, verify } = service({ captchaOk: true, passwordDelayMs: 20 })
    const results = await Promise.all(Array.from({ length: 12 }, attempt))
    expect(verify).toHaveBeenCalledTimes(5)
    expect(results.filter((r) => !r.ok && r.code === 'LOCKED')).toHaveLength(8)
  })
})
