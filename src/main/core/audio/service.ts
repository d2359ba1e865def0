import { randomUUID } from 'node:crypto'
import type { CaptchaAudio, CaptchaAudioRequest } from '../../../shared/ipc-contract'
import { LIMITS } from '../../../shared/ipc-contract'
import { cryptoRandom, type RandomSource } from '../captcha/random'
import { TryAgainError } from '../try-again'
import { ChallengeStore, matches } from '../captcha/store'
import type { ClipLibrary } from './clips'
import { composeChallenge } from './compose'
import { AUDIO_ANSWER_LENGTH, AUDIO_SYMBOLS, normaliseSpokenAnswer } from './symbols'
import { encodeWav } from './wav'

export interface AudioCaptchaServiceOptions {
  clips: ClipLibrary
  /** Default 120 000, as for images. */
  ttlMs?: number
  /** Default 1000 in all; an owner at its quota loses its own oldest, never another's. */
  maxEntries?: number
  /** Live challenges one owner (window) may hold, default 8. */
  maxPerOwner?: number
  now?: () => number
  /** Tests and the dataset CLI only; the app always draws from the CSPRNG. */
  random?: RandomSource
  /** Observer for test hooks only; production never passes it. */
  onIssued?: (id: string, answer: string) => void
}

export function randomDigits(random: RandomSource, length = AUDIO_ANSWER_LENGTH): string {
  let answer = ''
  for (let i = 0; i < length; i++) answer += AUDIO_SYMBOLS[random.int(AUDIO_SYMBOLS.length)]
  return answer
}

/**
 * Issues spoken challenges and checks answers under the same rules as the image captcha: the answer is
 * kept as a digest in a ChallengeStore of its own, one guess per id, gone after the time to live.
 */
export class AudioCaptchaService {
  readonly #clips: ClipLibrary
  readonly #store: ChallengeStore
  readonly #ttlMs: number
  readonly #random: RandomSource
  readonly #onIssued: ((id: string, answer: string) => void) | undefined

  constructor(options: AudioCaptchaServiceOptions) {
    this.#clips = options.clips
    this.#ttlMs = options.ttlMs ?? 120_000
    this.#store = new ChallengeStore(this.#ttlMs, options.maxEntries ?? 1000, options.now ?? Date.now, options.maxPerOwner ?? 8)
    this.#random = options.random ?? cryptoRandom
    this.#onIssued = options.onIssued
  }

  /** Composed in memory each time: nothing is written, nothing cached. `owner`: as for the image. */
  create(request: CaptchaAudioRequest, owner = ''): CaptchaAudio {
    const answer = randomDigits(this.#random)
    const composition = composeChallenge(this.#clips[request.language], answer, this.#random)
    const wav = encodeWav(composition)
    const id = randomUUID()
    if (!this.#store.add(id, answer, owner)) throw new TryAgainError('Too many audio captchas are waiting to be answered.')
    this.#onIssued?.(id, answer)
    const durationMs = Math.round((composition.samples.length / composition.sampleRate) * 1000)
    return { id, wav, durationMs, language: request.language, expiresInMs: this.#ttlMs }
  }

  /** Always consumes the challenge; false for unknown or expired ids and for any wrong text. */
  verify(id: string, text: string, owner = ''): boolean {
    if (typeof id !== 'string' || id.length > LIMITS.captchaIdMax) return false
    const entry = this.#store.take(id, owner)
    if (entry === undefined || typeof text !== 'string' || text.length > LIMITS.fieldMax) return false
    return matches(entry, normaliseSpokenAnswer(text))
  }

  get size(): number {
    return this.#store.size
  }
}
