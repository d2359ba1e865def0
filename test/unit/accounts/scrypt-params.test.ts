import { describe, expect, it } from 'vitest'
import { DEFAULT_SCRYPT, verifyPassword } from '../../../src/main/core/accounts/password'
import { AccountStore } from '../../../src/main/core/accounts/account-store'
import { openDatabase } from '../../../src/main/core/accounts/database'

// The cost of every new hash is a security decision (SECURITY.md: N=2^15, r=8, p=1): a change must be
// deliberate, so it has to change this test too.
describe('scrypt parameters', () => {
  it('are N=2^15, r=8, p=1 with a 32-byte key', () => {
    expect(DEFAULT_SCRYPT).toEqual({ N: 32_768, r: 8, p: 1, keyLength: 32 })
  })

  it('derive the known answer for a fixed salt (NFC input, the stored key format)', async () => {
    const stored = {
      params: DEFAULT_SCRYPT,
      salt: Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex'),
      hash: Buffer.from('5c662628ac4eb1068a287e2aa2a202ae248e98db04d61d3327e7342db6ec7097', 'hex')
    }
    expect(await verifyPassword('correct horse', stored)).toBe(true)
    expect(await verifyPassword('correct horsf', stored)).toBe(false)
  })

  it('are what a new account is stored with by default', async () => {
    const db = openDatabase(':memory:')
    try {
      expect(await new AccountStore(db).create('alice', 'correct horse')).toMatchObject({ ok: true })
      expect(
        db
          .prepare('SELECT scrypt_n AS N, scrypt_r AS r, scrypt_p AS p, length(hash) AS keyLength, length(salt) AS salt FROM accounts')
          .get()
      ).toEqual({
        N: 32_768,
        r: 8,
        p: 1,
        keyLength: 32,
        salt: 16
      })
    } finally {
      db.close()
    }
  })
})
