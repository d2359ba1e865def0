import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'
import { dirname } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { rekeyUsernames } from './rekey-usernames'

/**
 * Each entry upgrades the schema by one version, inside one transaction with the version bump, so a
 * crash mid-migration leaves the previous version intact. Append only: never edit a shipped step.
 */
const MIGRATIONS: ReadonlyArray<string | ((db: DatabaseSync) => void)> = [
  `CREATE TABLE accounts (
     id            INTEGER PRIMARY KEY,
     username      TEXT NOT NULL,
     username_key  TEXT NOT NULL UNIQUE,
     salt          BLOB NOT NULL,
     hash          BLOB NOT NULL,
     scrypt_n      INTEGER NOT NULL,
     scrypt_r      INTEGER NOT NULL,
     scrypt_p      INTEGER NOT NULL,
     created_at    INTEGER NOT NULL
   ) STRICT`,
  // Brute-force lockout (auth/lockout.ts): failures in the window, and the locks they caused.
  `CREATE TABLE login_failures (
     username_key  TEXT NOT NULL,
     at            INTEGER NOT NULL
   ) STRICT;
   CREATE INDEX login_failures_by_key ON login_failures (username_key, at);
   CREATE INDEX login_failures_by_time ON login_failures (at);
   CREATE TABLE login_locks (
     username_key  TEXT PRIMARY KEY,
     locked_until  INTEGER NOT NULL
   ) STRICT`,
  // Look-alike usernames: NFKC + case-folded keys, and a UTS #39 skeleton column refused twice.
  rekeyUsernames
]

export const SCHEMA_VERSION = MIGRATIONS.length

/**
 * How long a statement waits for another program's write lock before failing with SQLITE_BUSY (answered as
 * a typed BUSY failure). Short: the database runs on the main thread, so every waiting millisecond freezes
 * the window.
 */
export const BUSY_TIMEOUT_MS = 100

export function openDatabase(path: string): DatabaseSync {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true })
    userOnly(path)
  }
  const db = new DatabaseSync(path)
  // WAL + FULL sync: an acknowledged sign-up is on disk even if the process is killed right after.
  db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS};`)
  try {
    migrate(db)
  } catch (error) {
    db.close()
    throw error
  }
  return db
}

/**
 * Readable by the user only, like the preferences: the file is created 0600 before SQLite opens it, and
 * SQLite gives the -wal and -shm files it creates the main file's mode. Files an older version left
 * readable by others are narrowed too. (Windows ignores POSIX modes; the profile folder's ACL applies.)
 */
function userOnly(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600))
  for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) chmodSync(file, 0o600)
}

function migrate(db: DatabaseSync): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)')
  const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined
  let version = row?.version ?? 0
  if (row === undefined) db.prepare('INSERT INTO schema_version (version) VALUES (0)').run()
  if (version > SCHEMA_VERSION) {
    throw new Error(`Database schema ${version} is newer than this app understands (${SCHEMA_VERSION}).`)
  }
  while (version < SCHEMA_VERSION) {
    transaction(db, () => {
      const step = MIGRATIONS[version]!
      if (typeof step === 'string') db.exec(step)
      else step(db)
      db.prepare('UPDATE schema_version SET version = ?').run(version + 1)
    })
    version += 1
  }
}

export function transaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE')
  try {
    const result = work()
    db.exec('COMMIT')
    return result
  } catch (error) {
    db.exec('ROLLBACK')
    throw error
  }
}
