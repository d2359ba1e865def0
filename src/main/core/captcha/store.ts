import { createHash, timingSafeEqual } from 'node:crypto'

export interface Entry {
  /** SHA-256 of the normalised answer: fixed length, so comparing leaks nothing about the answer's length. */
  digest: Buffer
  expiresAt: number
}

export function normaliseAnswer(text: string): string {
  return text.trim().toUpperCase()
}

export function digestOf(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}

/**
 * Pending challenges, bounded in time and count. A Map iterates in insertion order and every entry gets the
 * same TTL, so the oldest entries are at the front: expiry and eviction only ever look there.
 */
export class ChallengeStore {
  readonly #entries = new Map<string, Entry>()
  readonly #ttlMs: number
  readonly #maxEntries: number
  readonly #now: () => number

  constructor(ttlMs: number, maxEntries: number, now: () => number) {
    this.#ttlMs = ttlMs
    this.#maxEntries = maxEntries
    this.#now = now
  }

  get size(): number {
    this.#sweep()
    return this.#entries.size
  }

  add(id: string, answer: string): void {
    this.#sweep()
    while (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next()
      if (oldest.done === true) break
      this.#entries.delete(oldest.value)
    }
    this.#entries.set(id, { digest: digestOf(normaliseAnswer(answer)), expiresAt: this.#now() + this.#ttlMs })
  }

  /** Removes the challenge whatever the outcome, so each id gets exactly one guess. */
  take(id: string): Entry | undefined {
    const entry = this.#entries.get(id)
    if (entry === undefined) return undefined
    this.#entries.delete(id)
    return this.#now() >= entry.expiresAt ? undefined : entry
  }

  #sweep(): void {
    const now = this.#now()
    for (const [id, entry] of this.#entries) {
      if (entry.expiresAt > now) break
      this.#entries.delete(id)
    }
  }
}

/** Constant-time: both sides are SHA-256 digests, so the compared buffers always have the same length. */
export function matches(entry: Entry, text: string): boolean {
  return timingSafeEqual(entry.digest, digestOf(normaliseAnswer(text)))
}
