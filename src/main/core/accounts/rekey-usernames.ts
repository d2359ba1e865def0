import type { DatabaseSync } from 'node:sqlite'
import { usernameKey } from './rules'
import { usernameSkeleton } from './username-key'

interface Row {
  id: number
  username: string
  username_key: string
}

/**
 * Migration step: keys become NFKC + case folded (they were lower-cased NFC) and each account gets the
 * skeleton look-alikes are refused by. Two accounts that already exist as look-alikes of each other keep
 * both their rows: the older keeps the name's key and skeleton, a younger one keeps its old key and no
 * skeleton, and still signs in when its name is typed exactly as stored (AccountStore.verify).
 */
export function rekeyUsernames(db: DatabaseSync): void {
  db.exec('ALTER TABLE accounts ADD COLUMN username_skeleton TEXT')
  const rows = db.prepare('SELECT id, username, username_key FROM accounts ORDER BY id').all() as unknown as Row[]
  // Every key out of the way first, so no UPDATE below meets a row not yet re-keyed.
  db.exec('UPDATE accounts SET username_key = char(0) || id')
  const keys = new Set<string>()
  const skeletons = new Set<string>()
  const update = db.prepare('UPDATE accounts SET username_key = ?, username_skeleton = ? WHERE id = ?')
  // An account whose key does not change claims it first: it is the one the name already meant.
  const ordered = [
    ...rows.filter((row) => usernameKey(row.username) === row.username_key),
    ...rows.filter((row) => usernameKey(row.username) !== row.username_key)
  ]
  for (const row of ordered) {
    const key = usernameKey(row.username)
    const skeleton = usernameSkeleton(row.username)
    if (keys.has(key) || skeletons.has(skeleton)) {
      update.run(row.username_key, null, row.id)
      continue
    }
    keys.add(key)
    skeletons.add(skeleton)
    update.run(key, skeleton, row.id)
  }
  db.exec('CREATE UNIQUE INDEX accounts_by_skeleton ON accounts (username_skeleton)')

  // Failures and locks follow their names to the new keys; two old keys meeting keep the later lock.
  const failures = db.prepare('SELECT DISTINCT username_key AS key FROM login_failures').all() as Array<{ key: string }>
  const moveFailures = db.prepare('UPDATE login_failures SET username_key = ? WHERE username_key = ?')
  for (const { key } of failures) moveFailures.run(usernameKey(key), key)
  const locks = db.prepare('SELECT username_key AS key, locked_until AS until FROM login_locks').all() as Array<{
    key: string
    until: number
  }>
  db.exec('DELETE FROM login_locks')
  const lock = db.prepare(
    `INSERT INTO login_locks (username_key, locked_until) VALUES (?, ?)
     ON CONFLICT (username_key) DO UPDATE SET locked_until = max(locked_until, excluded.locked_until)`
  )
  for (const { key, until } of locks) lock.run(usernameKey(key), until)
}
