import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { hashPassword } from '../../../src/main/core/accounts/password'
import { CHANNELS } from '../../../src/shared/ipc-contract'
import { createTestCore, type TestCore } from '../../support/core'
import { cleanupAfterEach } from '../../support/cleanups'
import { FAST_SCRYPT } from '../../support/scrypt'
import { tempDir } from '../../support/temp-dir'

const ctx = { sessionKey: 'window' }
const cleanup = cleanupAfterEach()

function start(dbPath?: string): TestCore {
  const core = createTestCore(dbPath ? { dbPath } : {})
  cleanup(() => core.close())
  return core
}

async function send(core: TestCore, channel: typeof CHANNELS.signUp | typeof CHANNELS.signIn, username: string, password: string) {
  const image = await core.invoke(CHANNELS.captchaNew, undefined, ctx)
  if (!image.ok || !('id' in image)) throw new Error('no captcha')
  const result = await core.invoke(channel, { captchaId: image.id, captchaText: core.answers.get(image.id)!, username, password }, ctx)
  await core.invoke(CHANNELS.signOut, undefined, ctx)
  return result
}

describe('look-alike usernames', () => {
  it.each([
    ['аlice', 'a Cyrillic а'],
    ['ａｌｉｃｅ', 'full-width letters'],
    ['alicė', 'an e with a dot above'],
    ['ALİCE', 'a dotted capital I'],
    ['alicé', 'an accent']
  ])('%s (%s) cannot be registered beside alice', async (lookalike) => {
    const core = start()
    expect(await send(core, CHANNELS.signUp, 'alice', 'correct horse')).toMatchObject({ ok: true })
    expect(await send(core, CHANNELS.signUp, lookalike, 'another horse')).toMatchObject({ ok: false, code: 'USERNAME_TAKEN' })
  })

  it('nor alice beside them, whichever came first', async () => {
    const core = start()
    expect(await send(core, CHANNELS.signUp, 'аlice', 'correct horse')).toMatchObject({ ok: true })
    expect(await send(core, CHANNELS.signUp, 'alice', 'another horse')).toMatchObject({ ok: false, code: 'USERNAME_TAKEN' })
  })

  it('names that only fold alike are one account: ａｌｉｃｅ and STRASSE sign in as alice and Straße', async () => {
    const core = start()
    expect(await send(core, CHANNELS.signUp, 'alice', 'correct horse')).toMatchObject({ ok: true })
    expect(await send(core, CHANNELS.signUp, 'Straße', 'correct horse')).toMatchObject({ ok: true })
    expect(await send(core, CHANNELS.signIn, 'ａｌｉｃｅ', 'correct horse')).toMatchObject({ ok: true, user: { username: 'alice' } })
    expect(await send(core, CHANNELS.signIn, 'STRASSE', 'correct horse')).toMatchObject({ ok: true, user: { username: 'Straße' } })
  })

  it('keeps names that merely resemble each other in spelling, and other scripts, apart', async () => {
    const core = start()
    for (const name of ['alice', 'alicia', 'alice2', '张伟明', '张伟伟', 'кирилл', 'Ελένη']) {
      expect(await send(core, CHANNELS.signUp, name, 'correct horse'), name).toMatchObject({ ok: true })
    }
  })
})

describe('migrating a database whose keys were lower-cased NFC', () => {
  /** Turns a current database back into schema 2: old-style keys, no skeleton column. */
  function downgrade(dbPath: string, rows: Array<{ username: string; password: { salt: Buffer; hash: Buffer } }>): void {
    const db = new DatabaseSync(dbPath)
    db.exec('DROP INDEX accounts_by_skeleton; ALTER TABLE accounts DROP COLUMN username_skeleton; DELETE FROM accounts')
    const insert = db.prepare(
      'INSERT INTO accounts (username, username_key, salt, hash, scrypt_n, scrypt_r, scrypt_p, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0)'
    )
    for (const { username, password } of rows) {
      insert.run(
        username,
        username.toLowerCase().normalize('NFC'),
        password.salt,
        password.hash,
        FAST_SCRYPT.N,
        FAST_SCRYPT.r,
        FAST_SCRYPT.p
      )
    }
    db.exec("INSERT INTO login_locks (username_key, locked_until) VALUES ('straße', 9999999999999)")
    db.exec('UPDATE schema_version SET version = 2')
    db.close()
  }

  it('re-keys every account; a look-alike pair keeps both accounts, each signing in with its own name', async () => {
    const dir = tempDir()
    cleanup(dir.remove)
    const dbPath = join(dir.path, 'accounts.sqlite')
    start(dbPath).close()
    const hash = (password: string) => hashPassword(password, FAST_SCRYPT)
    downgrade(dbPath, [
      { username: 'alice', password: await hash('alice password') },
      { username: 'ａｌｉｃｅ', password: await hash('wide password') },
      { username: 'Bob', password: await hash('bob password') },
      { username: 'Straße', password: await hash('strasse password') }
    ])

    const core = start(dbPath)
    const keys = core.sql().prepare('SELECT username, username_key AS key, username_skeleton AS skeleton FROM accounts ORDER BY id').all()
    expect(keys).toEqual([
      { username: 'alice', key: 'alice', skeleton: 'alice' },
      { username: 'ａｌｉｃｅ', key: 'ａｌｉｃｅ', skeleton: null },
      { username: 'Bob', key: 'bob', skeleton: 'bob' },
      { username: 'Straße', key: 'strasse', skeleton: 'strasse' }
    ])
    expect(await send(core, CHANNELS.signIn, 'alice', 'alice password')).toMatchObject({ ok: true, user: { username: 'alice' } })
    expect(await send(core, CHANNELS.signIn, 'ａｌｉｃｅ', 'wide password')).toMatchObject({ ok: true, user: { username: 'ａｌｉｃｅ' } })
    expect(await send(core, CHANNELS.signIn, 'BOB', 'bob password')).toMatchObject({ ok: true })
    // The lock on the old key follows the name to its new key.
    expect(await send(core, CHANNELS.signIn, 'STRASSE', 'strasse password')).toMatchObject({ code: 'LOCKED' })
    expect(await send(core, CHANNELS.signUp, 'аlice', 'correct horse')).toMatchObject({ code: 'USERNAME_TAKEN' })
  })
})
