import { afterEach, describe, expect, it } from 'vitest'
import { CHANNELS } from '../../../src/shared/ipc-contract'
import { createTestCore, type TestCore } from '../../support/core'

// JavaScript strings can hold a lone surrogate; UTF-8 cannot, so scrypt's input turned it into U+FFFD and
// a password with one matched any other with U+FFFD in its place. The schema refuses it at the door.
const ctx = { sessionKey: 'window' }
const cores: TestCore[] = []
afterEach(() => cores.splice(0).forEach((core) => core.dispose()))

async function send(core: TestCore, channel: typeof CHANNELS.signUp | typeof CHANNELS.signIn, password: string) {
  const image = await core.invoke(CHANNELS.captchaNew, undefined, ctx)
  if (!image.ok || !('id' in image)) throw new Error('no captcha')
  const result = await core.invoke(
    channel,
    { captchaId: image.id, captchaText: core.answers.get(image.id)!, username: 'alice', password },
    ctx
  )
  await core.invoke(CHANNELS.signOut, undefined, ctx)
  return result
}

describe('passwords must be well-formed Unicode', () => {
  it.each(['pass\uD800word', 'password\uDC00', '\uDBFF\uDBFFpassword'])(
    '%j is refused by the schema, on sign-up and sign-in',
    async (password) => {
      const core = createTestCore()
      cores.push(core)
      expect(await send(core, CHANNELS.signUp, password)).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'password' })
      expect(await send(core, CHANNELS.signIn, password)).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'password' })
    }
  )

  it('so no password can sign in in place of another through U+FFFD', async () => {
    const core = createTestCore()
    cores.push(core)
    expect(await send(core, CHANNELS.signUp, 'pass\uFFFDword')).toMatchObject({ ok: true })
    expect(await send(core, CHANNELS.signIn, 'pass\uD800word')).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })

  it('while paired surrogates (emoji, rare Han characters) are fine', async () => {
    const core = createTestCore()
    cores.push(core)
    expect(await send(core, CHANNELS.signUp, '🐴🔋📎 𠀀 staple')).toMatchObject({ ok: true })
    expect(await send(core, CHANNELS.signIn, '🐴🔋📎 𠀀 staple')).toMatchObject({ ok: true })
  })
})
