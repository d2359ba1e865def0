/** SQLite's primary result codes we act on; node:sqlite puts the extended code in `errcode`. */
const SQLITE_BUSY = 5
const SQLITE_LOCKED = 6
const SQLITE_CORRUPT = 11
const SQLITE_NOTADB = 26

function primaryCode(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null
  const code = (error as { errcode?: unknown }).errcode
  // Extended codes keep the primary one in their low byte (SQLITE_BUSY_SNAPSHOT = 5 | 2 << 8).
  return typeof code === 'number' ? code & 0xff : null
}

/** Another connection (usually another program) holds the lock longer than busy_timeout. */
export function isDatabaseBusy(error: unknown): boolean {
  const code = primaryCode(error)
  return code === SQLITE_BUSY || code === SQLITE_LOCKED
}

/** The file is not an SQLite database, or its pages are damaged. */
export function isDatabaseCorrupt(error: unknown): boolean {
  const code = primaryCode(error)
  return code === SQLITE_CORRUPT || code === SQLITE_NOTADB
}
