import { randomUUID } from 'node:crypto'
import type { CaptchaImage, CaptchaRequest } from '../../../shared/ipc-contract'
import { LIMITS } from '../../../shared/ipc-contract'
import type { GeneratedCaptcha } from './generator'
import { TryAgainError } from '../try-again'
import { ChallengeStore, matches } from './store'

/**
 * Where images come from: the app's CaptchaWorkerPool, or a CaptchaGenerator drawing in this thread
 * (tests and tools). Either was built with its options already resolved; the service never sees them.
 */
export interface CaptchaImageSource {
  generate(request: CaptchaRequest): Promise<GeneratedCaptcha>
}

export interface CaptchaServiceOptions {
  source: CaptchaImageSource
  /** Default 120 000. */
  ttlMs?: number
  /** Default 1000 live challenges in all; when full, a window can only replace its own (see ChallengeStore). */
  maxEntries?: number
  /** Live challenges one owner (window) may hold, default 8; its oldest goes to make room. */
  maxPerOwner?: number
  /** Captchas one owner may have being drawn at once, default 4; more are refused with TryAgainError. */
  maxInFlightPerOwner?: number
  /** Injectable clock for tests. Default Date.now. */
  now?: () => number
  /** Observer for test hooks only; production never passes it. */
  onIssued?: (id: string, answer: string) => void
}

function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive integer`)
  return value
}

/** Issues captcha images and checks answers; answers never leave this object except through onIssued. */
export class CaptchaService {
  readonly #source: CaptchaImageSource
  readonly #store: ChallengeStore
  readonly #ttlMs: number
  readonly #onIssued: ((id: string, answer: string) => void) | undefined
  readonly #maxInFlight: number
  readonly #inFlight = new Map<string, number>()

  constructor(options: CaptchaServiceOptions) {
    this.#ttlMs = positiveInteger(options.ttlMs, 120_000, 'ttlMs')
    const maxEntries = positiveInteger(options.maxEntries, 1000, 'maxEntries')
    this.#source = options.source
    const maxPerOwner = positiveInteger(options.maxPerOwner, 8, 'maxPerOwner')
    this.#maxInFlight = positiveInteger(options.maxInFlightPerOwner, 4, 'maxInFlightPerOwner')
    this.#store = new ChallengeStore(this.#ttlMs, maxEntries, options.now ?? Date.now, maxPerOwner)
    this.#onIssued = options.onIssued
  }

  /**
   * Scale is clamped to 1–3 (anything non-finite is 1); any theme but 'dark' is light. `owner` binds the
   * challenge to who asked (the app passes the window's session key): only the same owner can answer it.
   * Throws TryAgainError when that owner already has too many captchas being drawn, or the store is full.
   */
  async create(request?: CaptchaRequest | null, owner = ''): Promise<CaptchaImage> {
    const drawing = this.#inFlight.get(owner) ?? 0
    if (drawing >= this.#maxInFlight) throw new TryAgainError('Too many captcha requests from this window at once.')
    this.#inFlight.set(owner, drawing + 1)
    let captcha: GeneratedCaptcha
    try {
      captcha = await this.#source.generate({ scale: request?.scale, theme: request?.theme })
    } finally {
      const left = (this.#inFlight.get(owner) ?? 1) - 1
      if (left > 0) this.#inFlight.set(owner, left)
      else this.#inFlight.delete(owner)
    }
    const id = randomUUID()
    // Stored only once the image exists, so a failed encode leaves nothing behind.
    if (!this.#store.add(id, captcha.answer, owner)) throw new TryAgainError('Too many captchas are waiting to be answered.')
    this.#onIssued?.(id, captcha.answer)
    return { id, png: captcha.png, width: captcha.width, height: captcha.height, expiresInMs: this.#ttlMs }
  }

  /**
   * Consumes the challenge whatever the text; false for unknown or expired ids, for any wrong text, and for
   * another owner's challenge (which stays for its owner).
   */
  verify(id: string, text: string, owner = ''): boolean {
    if (typeof id !== 'string' || id.length > LIMITS.captchaIdMax) return false
    const entry = this.#store.take(id, owner)
    // Anything longer than a field can carry is wrong without being worth hashing.
    if (entry === undefined || typeof text !== 'string' || text.length > LIMITS.fieldMax) return false
    return matches(entry, text)
  }

  get size(): number {
    return this.#store.size
  }
}
