import * as crypto from 'node:crypto'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../../src/shared/ipc-contract'
import { createTestCore, type TestCore } from '../../support/core'
import { FAST_SCRYPT } from '../../support/scrypt'
import { tempDir } from '../../support/temp-dir'

// No user enumeration by timing, asserted exactly: every scrypt run is counted with its cost parameters,
// so "an unknown user costs what a known one costs" needs no clock (the timing itself: npm run bench:login).
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>()
  return { ...real, default: real, scrypt: vi.fn(real.scrypt) }
})

const scrypt = vi.mocked(crypto.scrypt)
/** N, r, p and key length of every scrypt run since the last reset. */
function runs(): string[] {
  return scrypt.mock.calls.map((call) => {
    const [, , keyLength, options] = call as unknown as [unknown, unknown, number, crypto.ScryptOptions]
    return `N=${options.N} r=${options.r} p=${options.p} key=${keyLength}`
  })
}
const ONE_RUN = [`N=${FAST_SCRYPT.N} r=${FAST_SCRYPT.r} p=${FAST_SCRYPT.p} key=${FAST_SCRYPT.keyLength}`]

const dir = tempDir()
const dbPath = join(dir.path, 'accounts.sqlite')
const ctx = { sessionKey: 'window' }
const cores: TestCore[] = []
afterAll(() => {
  for (const core of cores) core.close()
  dir.remove()
})
// Braces: a function returned from beforeEach would be called as its cleanup.
beforeEach(() => {
  scrypt.mockClear()
})

/** A fresh start of the app on the same database file: nothing cached from an earlier run. */
function start(): TestCore {
  const core = createTestCore({ dbPath })
  cores.push(core)
  return core
}

async function signIn(core: TestCore, username: string, password: string) {
  const image = await core.invoke(CHANNELS.captchaNew, undefined, ctx)
  if (!image.ok || !('id' in image)) throw new Error('no captcha')
  return core.invoke(CHANNELS.signIn, { captchaId: image.id, captchaText: core.answers.get(image.id)!, username, password }, ctx)
}

describe('an unknown username costs the same scrypt work as a known one', () => {
  it('from the first sign-in after a start: one run each, with the same parameters', async () => {
    const first = start()
    const image = await first.invoke(CHANNELS.captchaNew, undefined, ctx)
    if (!image.ok || !('id' in image)) throw new Error('no captcha')
    const signUp = { captchaId: image.id, captchaText: first.answers.get(image.id)!, username: 'alice', password: 'correct horse' }
    expect(await first.invoke(CHANNELS.signUp, signUp, ctx)).toMatchObject({ ok: true })
    first.close()

    const core = start()
    scrypt.mockClear()
    expect(await signIn(core, 'nobody', 'not the password')).toMatchObject({ code: 'BAD_CREDENTIALS' })
    expect(runs(), 'first unknown user after the start').toEqual(ONE_RUN)

    scrypt.mockClear()
    expect(await signIn(core, 'alice', 'not the password')).toMatchObject({ code: 'BAD_CREDENTIALS' })
    expect(runs(), 'known user, wrong password').toEqual(ONE_RUN)

    scrypt.mockClear()
    expect(await signIn(core, 'somebody-else', 'not the password')).toMatchObject({ code: 'BAD_CREDENTIALS' })
    expect(runs(), 'a later unknown user').toEqual(ONE_RUN)
  })

  it('also for a name that breaks the username rules (it is looked up as no one)', async () => {
    const core = start()
    scrypt.mockClear()
    expect(await signIn(core, 'no spaces allowed', 'not the password')).toMatchObject({ code: 'BAD_CREDENTIALS' })
    expect(runs()).toEqual(ONE_RUN)
  })

  it('starting the app runs no scrypt (the decoy is random bytes, not a hash to wait for)', () => {
    start()
    expect(runs()).toEqual([])
  })
})
