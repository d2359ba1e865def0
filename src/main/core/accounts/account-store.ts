import type { DatabaseSync } from 'node:sqlite'
import { failure, type Failure, type Result, type User } from '../../../shared/ipc-contract'
import { DEFAULT_SCRYPT, decoyHash, hashPassword, verifyPassword, type PasswordHash, type ScryptParams } from './password'
import { checkPassword, checkUsername, normalizeUsername, usernameKey } from './rules'
import { usernameSkeleton } from './username-key'

interface AccountRow {
  username: string
  salt: Uint8Array
  hash: Uint8Array
  scrypt_n: number
  scrypt_r: number
  scrypt_p: number
}

export interface AccountStoreOptions {
  /** Lower only in tests; production uses DEFAULT_SCRYPT. */
  scrypt?: ScryptParams
  now?: () => number
  /** Refuses passwords the length rule lets through (the common list, the username); see password-policy. */
  screenPassword?: (password: string, username: string) => Promise<Failure | null>
}

export class AccountStore {
  private readonly scrypt: ScryptParams
  private readonly now: () => number
  private readonly screenPassword: (password: string, username: string) => Promise<Failure | null>
  /**
   * Verified against for unknown usernames so that "no such user" costs the same scrypt work. Made at
   * start from random bytes (no password hashes to them) rather than hashed on first use, which made the
   * first unknown name after each start cost two scrypt runs instead of one.
   */
  private readonly decoy: PasswordHash

  constructor(
    private readonly db: DatabaseSync,
    options: AccountStoreOptions = {}
  ) {
    this.scrypt = options.scrypt ?? DEFAULT_SCRYPT
    this.now = options.now ?? Date.now
    this.decoy = decoyHash(this.scrypt)
    this.screenPassword = options.screenPassword ?? (() => Promise.resolve(null))
  }

  async create(rawUsername: string, password: string): Promise<Result<{ user: User }>> {
    const username = normalizeUsername(rawUsername)
    const violation = checkUsername(username) ?? checkPassword(password)
    if (violation) {
      const code = violation.field === 'username' ? 'USERNAME_RULES' : 'PASSWORD_RULES'
      return failure(code, violation.message, { field: violation.field })
    }
    const refused = await this.screenPassword(password, username)
    if (refused) return refused
    const key = usernameKey(username)
    const skeleton = usernameSkeleton(username)
    // A look-alike of an existing name (`аlice` with a Cyrillic а, `alicė`) is as taken as the name itself.
    if (this.find(key) || this.db.prepare('SELECT 1 FROM accounts WHERE username_skeleton = ?').get(skeleton)) return taken()

    const stored = await hashPassword(password, this.scrypt)
    try {
      // One INSERT is atomic: the account exists completely or not at all.
      this.db
        .prepare(
          `INSERT INTO accounts (username, username_key, username_skeleton, salt, hash, scrypt_n, scrypt_r, scrypt_p, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
        )
        .run(username, key, skeleton, stored.salt, stored.hash, stored.params.N, stored.params.r, stored.params.p, this.now())
    } catch (error) {
      // Another sign-up for the same name may have landed while we were hashing.
      if (isUniqueViolation(error)) return taken()
      throw error
    }
    return { ok: true, user: { username } }
  }

  /** The account's canonical name when the password is right; null for a wrong password or unknown user. */
  async verify(rawUsername: string, password: string): Promise<User | null> {
    const username = normalizeUsername(rawUsername)
    const row = checkUsername(username) ? undefined : this.find(usernameKey(username), username)
    if (!row) {
      await verifyPassword(password, this.decoy)
      return null
    }
    const ok = await verifyPassword(password, {
      params: { N: row.scrypt_n, r: row.scrypt_r, p: row.scrypt_p, keyLength: row.hash.byteLength },
      salt: Buffer.from(row.salt),
      hash: Buffer.from(row.hash)
    })
    return ok ? { username: row.username } : null
  }

  /**
   * The account a key names; with `exact`, an account stored under exactly that name comes first (a
   * look-alike that existed before keys were folded keeps its old key, see rekey-usernames.ts).
   */
  private find(key: string, exact?: string): AccountRow | undefined {
    return this.db
      .prepare(
        `SELECT username, salt, hash, scrypt_n, scrypt_r, scrypt_p FROM accounts
         WHERE username_key = ? OR username = ? ORDER BY username = ? DESC LIMIT 1`
      )
      .get(key, exact ?? null, exact ?? null) as AccountRow | undefined
  }
}

function taken() {
  return failure('USERNAME_TAKEN', 'That username is already taken.', { field: 'username' })
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && /UNIQUE constraint failed/.test(error.message)
}
