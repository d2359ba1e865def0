import { performance } from 'node:perf_hooks'
import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_SCRYPT } from '../../../src/main/core/accounts/password'
import { CHANNELS } from '../../../src/shared/ipc-contract'
import { createTestCore, solvedCaptcha, type TestCore } from '../../support/core'

// Production scrypt cost, or the comparison would say nothing about the shipped app. The lockout is
// raised so that 30 wrong passwords still reach the hash.
const TRIES = 30
const ctx = { sessionKey: 'timing' }
const core = createTestCore({ scrypt: DEFAULT_SCRYPT, lockout: { maxFailures: 10_000 } })
afterAll(() => core.dispose())

async function timedSignIn(app: TestCore, username: string): Promise<number> {
  const credentials = { ...(await solvedCaptcha(app, ctx)), username, password: 'not the password' }
  const start = performance.now()
  const result = await app.invoke(CHANNELS.signIn, credentials, ctx)
  const elapsed = performance.now() - start
  expect(result).toMatchObject({ ok: false, code: 'BAD_CREDENTIALS' })
  return elapsed
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const describeTimes = (values: number[]) =>
  `median ${median(values).toFixed(1)} ms, min–max ${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)} ms`

describe('no user enumeration by timing', () => {
  it(`a wrong password and an unknown user cost the same (medians of ${TRIES} tries within 20 %)`, { timeout: 120_000 }, async () => {
    const signUp = { ...(await solvedCaptcha(core, ctx)), username: 'alice', password: 'correct horse' }
    expect(await core.invoke(CHANNELS.signUp, signUp, ctx)).toMatchObject({ ok: true })

    // One of each first: the decoy hash is made on first use, and caches warm up.
    await timedSignIn(core, 'alice')
    await timedSignIn(core, 'nobody-0')
    const known: number[] = []
    const unknown: number[] = []
    // Interleaved, so a slow moment of the machine hits both kinds alike.
    for (let i = 0; i < TRIES; i++) {
      known.push(await timedSignIn(core, 'alice'))
      unknown.push(await timedSignIn(core, `nobody-${i + 1}`))
    }
    const ratio = Math.abs(median(known) - median(unknown)) / Math.min(median(known), median(unknown))
    console.log(`sign-in timing: known user ${describeTimes(known)}; unknown user ${describeTimes(unknown)}; difference ${(ratio * 100).toFixed(1)} %`)
    expect(ratio).toBeLessThan(0.2)
  })
})
