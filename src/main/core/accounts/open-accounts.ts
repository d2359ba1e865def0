import { existsSync, renameSync } from 'node:fs'
import type { DatabaseSync } from 'node:sqlite'
import type { Logger } from '../log'
import { openDatabase } from './database'
import { isDatabaseCorrupt } from './sqlite-errors'

/** What happened to a damaged accounts file, for the person at the window. */
export interface DatabaseReset {
  /** Where the damaged file now is (its -wal and -shm beside it, with the same name). */
  movedTo: string
}

export interface OpenedAccounts {
  db: DatabaseSync
  /** Set when the file was damaged: it was moved aside and this is a fresh, empty database. */
  reset: DatabaseReset | null
}

class DamagedDatabase extends Error {}

/**
 * Opens the accounts database; a file SQLite reports as not a database or as damaged is moved aside (never
 * deleted: it may still be repaired) and the app starts on a fresh one instead of not starting at all.
 * Anything else (no permission, a newer schema, a full disk) still stops the start: a fresh database would
 * hide a file that is fine.
 */
export function openAccountsDatabase(path: string, log: Logger, now: () => number = Date.now): OpenedAccounts {
  try {
    return { db: checked(openDatabase(path)), reset: null }
  } catch (error) {
    if (path === ':memory:' || !(error instanceof DamagedDatabase || isDatabaseCorrupt(error))) throw error
    const movedTo = moveAside(path, now())
    log.error('accounts.database-damaged', { movedTo, error: error instanceof Error ? error.message : String(error) })
    return { db: openDatabase(path), reset: { movedTo } }
  }
}

/** quick_check reads every page: a damaged table is found at start, not at someone's sign-in. */
function checked(db: DatabaseSync): DatabaseSync {
  let verdict: unknown[]
  try {
    verdict = db.prepare('PRAGMA quick_check').all()
  } catch (error) {
    db.close()
    throw error
  }
  if (verdict.length === 1 && (verdict[0] as { quick_check?: string }).quick_check === 'ok') return db
  db.close()
  throw new DamagedDatabase('quick_check found damage')
}

function moveAside(path: string, at: number): string {
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-')
  let target = `${path}.damaged-${stamp}`
  for (let n = 2; existsSync(target); n++) target = `${path}.damaged-${stamp}-${n}`
  // The journal files go first and keep their suffixes, so the moved copy opens with its own WAL.
  for (const suffix of ['-wal', '-shm']) if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix)
  renameSync(path, target)
  return target
}
