import { createHash, timingSafeEqual } from 'node:crypto'

export interface Entry {
  /** SHA-256 of the normalised answer: fixed length, so comparing leaks nothing about the answer's length. */
  digest: Buffer
  expiresAt: number
  /** Who asked for it (the app passes the window's session key): only that owner can answer or evict it. */
  owner: string
}

export function normaliseAnswer(text: string): string {
  return text.trim().toUpperCase()
}

export function digestOf(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}

/**
 * Pending challenges, bounded in time, in count and per owner. A Map iterates in insertion order and every
 * entry gets the same TTL, so the oldest entries are at the front: expiry and eviction only ever look there.
 * Any kind of challenge can live here: the owner is an opaque key, the answer only a digest.
 */
export class ChallengeStore {
  readonly #entries = new Map<string, Entry>()
  readonly #perOwner = new Map<string, number>()
  readonly #ttlMs: number
  readonly #maxEntries: number
  readonly #maxPerOwner: number
  readonly #now: () => number

  constructor(ttlMs: number, maxEntries: number, now: () => number, maxPerOwner: number = maxEntries) {
    this.#ttlMs = ttlMs
    this.#maxEntries = maxEntries
    this.#maxPerOwner = maxPerOwner
    this.#now = now
  }

  get size(): number {
    this.#sweep()
    return this.#entries.size
  }

  /** Live challenges of one owner. */
  sizeOf(owner: string): number {
    this.#sweep()
    return this.#perOwner.get(owner) ?? 0
  }

  /**
   * Stores a challenge for `owner`. An owner at its quota loses its own oldest challenge; when the whole
   * store is full, only the asking owner's oldest may go, never another's: with none of its own to give
   * up, the challenge is refused (false) rather than evicting a challenge someone else is answering.
   */
  add(id: string, answer: string, owner: string): boolean {
    this.#sweep()
    const own = this.#perOwner.get(owner) ?? 0
    if (own >= this.#maxPerOwner || this.#entries.size >= this.#maxEntries) {
      if (own === 0) return false
      this.#delete(this.#oldestOf(owner)!)
    }
    this.#entries.set(id, { digest: digestOf(normaliseAnswer(answer)), expiresAt: this.#now() + this.#ttlMs, owner })
    this.#perOwner.set(owner, (this.#perOwner.get(owner) ?? 0) + 1)
    return true
  }

  /**
   * Removes the challenge whatever the outcome, so each id gets exactly one guess. Another owner's
   * challenge is neither returned nor removed: a window cannot answer, or use up, what another was shown.
   */
  take(id: string, owner: string): Entry | undefined {
    const entry = this.#entries.get(id)
    if (entry === undefined || entry.owner !== owner) return undefined
    this.#delete(id)
    return this.#now() >= entry.expiresAt ? undefined : entry
  }

  #oldestOf(owner: string): string | undefined {
    for (const [id, entry] of this.#entries) if (entry.owner === owner) return id
    return undefined
  }

  #delete(id: string): void {
    const entry = this.#entries.get(id)
    if (entry === undefined) return
    this.#entries.delete(id)
    const left = (this.#perOwner.get(entry.owner) ?? 1) - 1
    if (left > 0) this.#perOwner.set(entry.owner, left)
    else this.#perOwner.delete(entry.owner)
  }

  #sweep(): void {
    const now = this.#now()
    for (const [id, entry] of this.#entries) {
      if (entry.expiresAt > now) break
      this.#delete(id)
    }
  }
}

/** Constant-time: both sides are SHA-256 digests, so the compared buffers always have the same length. */
export function matches(entry: Entry, text: string): boolean {
  return timingSafeEqual(entry.digest, digestOf(normaliseAnswer(text)))
}
