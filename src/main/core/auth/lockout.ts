import type { DatabaseSync } from 'node:sqlite'
import { normalizeUsername, usernameKey } from '../accounts/rules'

/** How many failed sign-ins, within which window, lock a username for how long. */
export interface LockoutPolicy {
  maxFailures: number
  windowMs: number
  lockMs: number
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 }

/**
 * Per-username brute-force lock, kept in SQLite so that restarting the app does not reset it. Keys use
 * the accounts' normalisation, so "Alice", " alice" and "ALICE" share one counter.
 */
export class Lockout {
  constructor(
    private readonly db: DatabaseSync,
    private readonly policy: LockoutPolicy = DEFAULT_LOCKOUT,
    private readonly now: () => number = Date.now
  ) {}

  /** Milliseconds until this username may try again; 0 when it is not locked. */
  retryAfterMs(rawUsername: string): number {
    const row = this.db.prepare('SELECT locked_until FROM login_locks WHERE username_key = ?').get(keyOf(rawUsername)) as
      { locked_until: number } | undefined
    return row ? Math.max(0, row.locked_until - this.now()) : 0
  }

  /** Counts one failure; returns the lock's remaining time if this failure locked the username, else 0. */
  recordFailure(rawUsername: string): number {
    const key = keyOf(rawUsername)
    const now = this.now()
    const since = now - this.policy.windowMs
    // Old rows of every username go too: names an attacker invents must not pile up for ever.
    this.db.prepare('DELETE FROM login_failures WHERE at <= ?').run(since)
    this.db.prepare('DELETE FROM login_locks WHERE locked_until <= ?').run(now)
    this.db.prepare('INSERT INTO login_failures (username_key, at) VALUES (?, ?)').run(key, now)
    const { n } = this.db.prepare('SELECT COUNT(*) AS n FROM login_failures WHERE username_key = ? AND at > ?').get(key, since) as {
      n: number
    }
    if (n < this.policy.maxFailures) return 0
    const until = now + this.policy.lockMs
    this.db
      .prepare(
        `INSERT INTO login_locks (username_key, locked_until) VALUES (?, ?)
         ON CONFLICT (username_key) DO UPDATE SET locked_until = excluded.locked_until`
      )
      .run(key, until)
    // The lock replaces the count: once it ends, the username starts again from zero failures.
    this.db.prepare('DELETE FROM login_failures WHERE username_key = ?').run(key)
    return this.policy.lockMs
  }

  /** A successful sign-in forgets the failures (and any lock a provisional failure set). */
  clear(rawUsername: string): void {
    const key = keyOf(rawUsername)
    this.db.prepare('DELETE FROM login_failures WHERE username_key = ?').run(key)
    this.db.prepare('DELETE FROM login_locks WHERE username_key = ?').run(key)
  }
}

function keyOf(rawUsername: string): string {
  return usernameKey(normalizeUsername(rawUsername))
}
