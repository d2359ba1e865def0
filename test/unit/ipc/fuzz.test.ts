import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { CHANNELS, type Channel, type ErrorCode } from '../../../src/shared/ipc-contract'
import { createTestCore, solvedCaptcha } from '../../support/core'

// Property tests at the entry the app uses (core.invoke, what ipcMain calls after the sender check):
// whatever arrives, the answer is a well-formed result, never a throw, never INTERNAL, and nothing
// leaks into Object.prototype.
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1000)
const ctx = { sessionKey: 'fuzz' }
const core = createTestCore({ dbPath: ':memory:' })
afterAll(() => core.dispose())

const prototypeSnapshot = Object.getOwnPropertyNames(Object.prototype).sort()

/** Any UTF-16 unit: lone surrogates and NUL included, which 'binary' strings leave out. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code))
const nastyString = fc.oneof(
  fc.string({ unit: anyUnit, maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('\uD800', 'a\uDFFFb', '\u0000', 'alice\u0000admin', '__proto__', 'constructor', ' ALICE ', 'é'.normalize('NFD')),
  fc.integer({ min: 200, max: 70_000 }).map((n) => 'x'.repeat(n))
)
const pollutingKey = fc.constantFrom('__proto__', 'constructor', 'prototype')
const anything = fc.anything({
  key: fc.oneof(fc.string(), pollutingKey),
  values: [nastyString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined)],
  maxDepth: 4,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withBoxedValues: true,
  withNullPrototype: true,
  withObjectString: true
})
/** Objects carrying an *own* "__proto__" key, as JSON.parse (and structured clone) can make them. */
const ownProtoKey = fc
  .record({ admin: fc.boolean(), username: nastyString })
  .map((inner) => JSON.parse(`{"__proto__": ${JSON.stringify(inner)}, "constructor": {"prototype": {"polluted": true}}}`) as unknown)

const fieldValue = fc.oneof({ weight: 4, arbitrary: nastyString }, { weight: 1, arbitrary: anything })
const credentialsLike = fc.record(
  {
    captchaId: fieldValue,
    captchaText: fieldValue,
    username: fieldValue,
    password: fieldValue,
    audioCaptchaId: fieldValue,
    extra: anything
  },
  { requiredKeys: ['captchaId', 'captchaText', 'username', 'password'] }
)
const captchaRequestLike = fc.record(
  { scale: fc.oneof(fc.double(), fc.integer(), anything), theme: fc.oneof(fc.constantFrom('light', 'dark'), anything) },
  { requiredKeys: [] }
)

const PAYLOADS: Record<Channel, fc.Arbitrary<unknown>> = {
  [CHANNELS.captchaNew]: fc.oneof(anything, ownProtoKey, captchaRequestLike),
  [CHANNELS.signUp]: fc.oneof(anything, ownProtoKey, credentialsLike),
  [CHANNELS.signIn]: fc.oneof(anything, ownProtoKey, credentialsLike),
  [CHANNELS.signOut]: fc.oneof(anything, ownProtoKey),
  [CHANNELS.session]: fc.oneof(anything, ownProtoKey),
  [CHANNELS.appInfo]: fc.oneof(anything, ownProtoKey),
  [CHANNELS.setLanguage]: fc.oneof(anything, ownProtoKey, fc.record({ language: fc.oneof(fc.constantFrom('zh-CN', 'en'), anything) })),
  [CHANNELS.captchaAudio]: fc.oneof(
    anything,
    ownProtoKey,
    fc.record({ language: fc.oneof(fc.constantFrom('zh-CN', 'en'), anything), extra: anything }, { requiredKeys: ['language'] })
  )
}

const CODES = new Set<ErrorCode>([
  'INVALID_INPUT',
  'CAPTCHA_INVALID',
  'BAD_CREDENTIALS',
  'USERNAME_TAKEN',
  'USERNAME_RULES',
  'PASSWORD_RULES',
  'LOCKED',
  'FORBIDDEN',
  'PASSWORD_COMMON',
  'PASSWORD_HAS_USERNAME',
  'BUSY'
])
const FAILURE_KEYS = new Set(['ok', 'code', 'message', 'field', 'retryAfterMs'])

function expectWellFormed(channel: Channel, result: unknown): string {
  expect(result).toBeTypeOf('object')
  const r = result as Record<string, unknown>
  if (r['ok'] === false) {
    expect(CODES.has(r['code'] as ErrorCode), `code ${String(r['code'])}`).toBe(true)
    expect(r['message']).toBeTypeOf('string')
    expect(Object.keys(r).every((key) => FAILURE_KEYS.has(key))).toBe(true)
    return r['code'] as string
  }
  expect(r['ok']).toBe(true)
  if (channel === CHANNELS.captchaNew) {
    expect(r).toMatchObject({ id: expect.any(String), png: expect.any(Uint8Array), width: 270, height: 40 })
  } else if (channel === CHANNELS.signUp || channel === CHANNELS.signIn) {
    expect(r['user']).toEqual({ username: expect.any(String) })
  } else if (channel === CHANNELS.captchaAudio) {
    expect(r).toMatchObject({ id: expect.any(String), wav: expect.any(Uint8Array), durationMs: expect.any(Number) })
    expect(r).not.toHaveProperty('answer')
  } else if (channel === CHANNELS.session) {
    expect(r['user'] === null || typeof (r['user'] as { username?: unknown }).username === 'string').toBe(true)
  }
  return 'ok'
}

/** With a real captcha half of the time, so sign-up and sign-in get past the captcha into the rules and scrypt. */
async function withRealCaptcha(payload: unknown, useReal: boolean): Promise<unknown> {
  if (!useReal || typeof payload !== 'object' || payload === null || !('captchaId' in payload)) return payload
  const solved = await solvedCaptcha(core, ctx)
  if (!('audioCaptchaId' in payload)) return { ...payload, ...solved }
  // With a spoken challenge too, its answer is the one typed: the image's id is then answered wrongly.
  const audio = await core.invoke(CHANNELS.captchaAudio, { language: 'en' }, ctx)
  if (!audio.ok) throw new Error('no audio captcha')
  return { ...payload, captchaId: solved.captchaId, audioCaptchaId: audio.id, captchaText: core.answers.get(audio.id) }
}

/**
 * Two well-formed sign-ups run first on every seed, so the codes asserted below are reached by
 * construction, not by the luck of a random draw: a made-up captcha, and a real one with a bad username.
 */
const SIGN_UP_EXAMPLES: Array<[unknown, boolean]> = [
  [{ captchaId: 'made-up', captchaText: 'abcd', username: 'fuzzer', password: 'correct horse' }, false],
  [{ captchaId: 'x', captchaText: 'x', username: 'no spaces allowed', password: 'correct horse' }, true]
]

describe(`fuzzed IPC through core.invoke (${RUNS} runs per channel)`, () => {
  it.each(Object.values(CHANNELS))('%s never throws and always answers a typed result', async (channel) => {
    const seen = new Map<string, number>()
    await fc.assert(
      fc.asyncProperty(PAYLOADS[channel], fc.boolean(), async (raw, useReal) => {
        const payload = await withRealCaptcha(raw, useReal)
        const code = expectWellFormed(channel, await core.invoke(channel, payload, ctx))
        seen.set(code, (seen.get(code) ?? 0) + 1)
      }),
      { numRuns: RUNS, examples: channel === CHANNELS.signUp ? SIGN_UP_EXAMPLES : [] }
    )
    // Not only the door was exercised: the fuzzer also reached the rules behind it.
    const deeper = [...seen.keys()].filter((code) => code !== 'INVALID_INPUT')
    expect(deeper.length, JSON.stringify(Object.fromEntries(seen))).toBeGreaterThan(0)
    if (channel === CHANNELS.signUp) expect([...seen.keys()]).toEqual(expect.arrayContaining(['CAPTCHA_INVALID', 'USERNAME_RULES']))
  })

  it('an unknown or non-string channel gets INVALID_INPUT', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anything, nastyString), anything, async (channel, payload) => {
        fc.pre(!Object.values(CHANNELS).includes(channel as Channel))
        expect(await core.invoke(channel, payload, ctx)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
      }),
      { numRuns: RUNS }
    )
  })

  it('left Object.prototype as it was', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeSnapshot)
    const probe = {} as Record<string, unknown>
    expect([probe['admin'], probe['polluted'], probe['username']]).toEqual([undefined, undefined, undefined])
  })
})
