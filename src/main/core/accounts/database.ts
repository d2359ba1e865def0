import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { DatabaseSync } from 'node:sqlite'

/**
 * Each entry upgrades the schema by one version, inside one transaction with the version bump, so a
 * crash mid-migration leaves the previous version intact. Append only: never edit a shipped step.
 */
const MIGRATIONS: readonly string[] = [
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
   ) STRICT`
]

export const SCHEMA_VERSION = MIGRATIONS.length

export function openDatabase(path: string): DatabaseSync {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new DatabaseSync(path)
  // WAL + FULL sync: an acknowledged sign-up is on disk even if the process is killed right after.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;')
  try {
    migrate(db)
  } catch (error) {
    db.close()
    throw error
  }
  return db
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
      db.exec(MIGRATIONS[version])
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
