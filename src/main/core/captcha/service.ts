import { randomUUID } from 'node:crypto'
import type { CaptchaImage, CaptchaRequest, Theme } from '../../../shared/ipc-contract'
import { LIMITS } from '../../../shared/ipc-contract'
import type { GeneratedCaptcha } from './generator'
import { CaptchaGenerator } from './generator'
import type { CaptchaKind, CaptchaOptions, CaptchaPreset } from './options'
import { resolveOptions } from './options'
import { ChallengeStore, matches } from './store'

export interface CaptchaServiceOptions {
  /** TTF files to register with @napi-rs/canvas (once per process). */
  fontPaths: string[]
  /** Default 120 000. */
  ttlMs?: number
  /** Default 1000; when full, the oldest challenge is evicted. */
  maxEntries?: number
  /** Injectable clock for tests. Default Date.now. */
  now?: () => number
  /** Default 'normal'. */
  preset?: CaptchaPreset
  /** Default 'text'. */
  kind?: CaptchaKind
  /** Overrides on top of the preset. */
  options?: Partial<CaptchaOptions>
  /**
   * Where images come from instead of an in-thread generator: the app passes a CaptchaWorkerPool, which
   * was given the same preset, kind and options. Without it, this thread draws (tests, CLI, tools).
   */
  pool?: { generate(request: { scale?: number; theme?: Theme }): Promise<GeneratedCaptcha> }
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
  readonly #generate: (request: { scale?: number; theme?: Theme }) => Promise<GeneratedCaptcha>
  readonly #store: ChallengeStore
  readonly #ttlMs: number
  readonly #onIssued: ((id: string, answer: string) => void) | undefined

  constructor(options: CaptchaServiceOptions) {
    this.#ttlMs = positiveInteger(options.ttlMs, 120_000, 'ttlMs')
    const maxEntries = positiveInteger(options.maxEntries, 1000, 'maxEntries')
    const pool = options.pool
    if (pool !== undefined) {
      this.#generate = (request) => pool.generate(request)
    } else {
      const resolved = resolveOptions(options.preset ?? 'normal', {
        ...options.options,
        fontFiles: options.options?.fontFiles ?? options.fontPaths
      })
      const generator = new CaptchaGenerator(resolved, options.kind ?? 'text')
      this.#generate = (request) => generator.generate(request)
    }
    this.#store = new ChallengeStore(this.#ttlMs, maxEntries, options.now ?? Date.now)
    this.#onIssued = options.onIssued
  }

  /** Scale is clamped to 1–3 (anything non-finite is 1); any theme but 'dark' is light. */
  async create(request?: CaptchaRequest | null): Promise<CaptchaImage> {
    const captcha = await this.#generate({ scale: request?.scale, theme: request?.theme })
    const id = randomUUID()
    // Stored only once the image exists, so a failed encode leaves nothing behind.
    this.#store.add(id, captcha.answer)
    this.#onIssued?.(id, captcha.answer)
    return { id, png: captcha.png, width: captcha.width, height: captcha.height, expiresInMs: this.#ttlMs }
  }

  /** Always consumes the challenge; false for unknown or expired ids and for any wrong text. */
  verify(id: string, text: string): boolean {
    if (typeof id !== 'string' || id.length > LIMITS.captchaIdMax) return false
    const entry = this.#store.take(id)
    // Anything longer than a field can carry is wrong without being worth hashing.
    if (entry === undefined || typeof text !== 'string' || text.length > LIMITS.fieldMax) return false
    return matches(entry, text)
  }

  get size(): number {
    return this.#store.size
  }
}
