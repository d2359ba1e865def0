import { cleanupAfterEach } from '../../support/cleanups'
import { DatabaseSync } from 'node:sqlite'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AccountStore } from '../../../src/main/core/accounts/account-store'
import { openDatabase, SCHEMA_VERSION } from '../../../src/main/core/accounts/database'
import { FAST_SCRYPT } from '../../support/scrypt'
import { tempDir } from '../../support/temp-dir'

const cleanup = cleanupAfterEach()

function freshStore() {
  const dir = tempDir()
  const path = join(dir.path, 'accounts.sqlite')
  const db = openDatabase(path)
  cleanup(() => {
    db.close()
    dir.remove()
  })
  return { db, path, store: new AccountStore(db, { scrypt: FAST_SCRYPT }) }
}

describe('AccountStore', () => {
  it('creates an account and verifies its password', async () => {
    const { store } = freshStore()
    expect(await store.create('  alice ', 'correct horse')).toEqual({ ok: true, user: { username: 'alice' } })
    expect(await store.verify('alice', 'correct horse')).toEqual({ username: 'alice' })
    expect(await store.verify('ALICE', 'correct horse')).toEqual({ username: 'alice' })
  })

  it('refuses a wrong password and an unknown user alike', async () => {
    const { store } = freshStore()
    await store.create('alice', 'correct horse')
    expect(await store.verify('alice', 'wrong horse')).toBeNull()
    expect(await store.verify('bob', 'correct horse')).toBeNull()
    expect(await store.verify('no', 'too short name')).toBeNull()
  })

  it('keeps usernames unique case-insensitively and after normalisation', async () => {
    const { store } = freshStore()
    await store.create('\u00c9lise', 'password1')
    const again = await store.create('e\u0301LISE', 'password2')
    expect(again).toMatchObject({ ok: false, code: 'USERNAME_TAKEN', field: 'username' })
  })

  it('lets only one of two racing sign-ups for the same name win', async () => {
    const { store, db } = freshStore()
    const results = await Promise.all([store.create('race', 'password1'), store.create('RACE', 'password2')])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok)[0]).toMatchObject({ code: 'USERNAME_TAKEN' })
    expect(db.prepare('SELECT COUNT(*) AS n FROM accounts').get()).toEqual({ n: 1 })
  })

  it('rejects rule violations without writing anything', async () => {
    const { store, db } = freshStore()
    expect(await store.create('a', 'password1')).toMatchObject({ code: 'USERNAME_RULES', field: 'username' })
    expect(await store.create('alice', 'short')).toMatchObject({ code: 'PASSWORD_RULES', field: 'password' })
    expect(db.prepare('SELECT COUNT(*) AS n FROM accounts').get()).toEqual({ n: 0 })
  })

  it('stores a salted hash with its parameters, never the password', async () => {
    const { store, db } = freshStore()
    await store.create('alice', 'same password')
    await store.create('bob', 'same password')
    const rows = db.prepare('SELECT * FROM accounts ORDER BY id').all() as Array<Record<string, unknown>>
    expect(rows[0]).toMatchObject({ scrypt_n: FAST_SCRYPT.N, scrypt_r: 8, scrypt_p: 1 })
    expect(Buffer.from(rows[0].salt as Uint8Array).equals(Buffer.from(rows[1].salt as Uint8Array))).toBe(false)
    expect(Buffer.from(rows[0].hash as Uint8Array).equals(Buffer.from(rows[1].hash as Uint8Array))).toBe(false)
    const dump = JSON.stringify(rows, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v))
    expect(dump).not.toContain('same password')
  })

  it('survives reopening: the schema is versioned and accounts persist', async () => {
    const { store, path } = freshStore()
    await store.create('alice', 'correct horse')
    const reopened = openDatabase(path)
    cleanup(() => reopened.close())
    expect(reopened.prepare('SELECT version FROM schema_version').get()).toEqual({ version: SCHEMA_VERSION })
    expect(await new AccountStore(reopened, { scrypt: FAST_SCRYPT }).verify('alice', 'correct horse')).toEqual({
      username: 'alice'
    })
  })

  it('refuses a database from a newer app instead of corrupting it', () => {
    const dir = tempDir()
    cleanup(dir.remove)
    const path = join(dir.path, 'future.sqlite')
    const raw = new DatabaseSync(path)
    raw.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (999);')
    raw.close()
    expect(() => openDatabase(path)).toThrow(/newer/)
  })
})
