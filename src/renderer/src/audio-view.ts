import type { CaptchaAudio, Result } from '../../shared/ipc-contract'

/** Fetch a fresh challenge rather than replay one main is about to forget. */
const EXPIRY_MARGIN_MS = 10_000

/**
 * The spoken captcha: the listen button plays the current challenge from the start (asking main for one
 * first if there is none, it has expired, or the language changed), through a Blob URL in an <audio>
 * element. Holds the id only; nothing plays until the button is pressed.
 *
 * The <audio id="captcha-audio"> is made on the first press, not written in index.html: a media element
 * in the document makes Chromium parse its media-controls stylesheet (~125 KB) before the first paint,
 * 4 ms of a cold start's style time (bench:ui), for a player most people never use.
 */
export class AudioCaptchaView {
  private current: { id: string; expiresAt: number } | null = null
  private objectUrl: string | null = null
  private pending: Promise<void> | null = null
  private audio: HTMLAudioElement | null = null

  constructor(
    private readonly button: HTMLButtonElement,
    /** Puts the player, once made, into the document. */
    private readonly place: (audio: HTMLAudioElement) => void,
    private readonly load: () => Promise<Result<CaptchaAudio>>,
    private readonly onFailure: () => void,
    /** Called when busy starts and ends, so the page can relabel the button in its language. */
    private readonly onBusy: (busy: boolean) => void
  ) {}

  /** Concurrent presses share one request and one playback. */
  listen(): Promise<void> {
    this.pending ??= this.fetchAndPlay().finally(() => (this.pending = null))
    return this.pending
  }

  /** The id to send with a submission, if the person listened; forgotten at once, as main consumes it. */
  take(): string | undefined {
    const id = this.current?.id
    this.forget()
    return id
  }

  /** Stops playback and drops the challenge: the next press asks main for a new one (e.g. in a new language). */
  forget(): void {
    this.current = null
    if (this.audio === null) return
    this.audio.pause()
    delete this.audio.dataset['captchaId']
  }

  private player(): HTMLAudioElement {
    if (this.audio === null) {
      this.audio = document.createElement('audio')
      this.audio.id = 'captcha-audio'
      this.audio.preload = 'none'
      this.place(this.audio)
    }
    return this.audio
  }

  private async fetchAndPlay(): Promise<void> {
    if (this.current === null || Date.now() >= this.current.expiresAt) {
      this.setBusy(true)
      try {
        const result = await this.load()
        if (!result.ok) {
          this.forget()
          this.onFailure()
          return
        }
        this.show(result)
      } finally {
        this.setBusy(false)
      }
    }
    const audio = this.player()
    audio.currentTime = 0
    try {
      await audio.play()
    } catch {
      this.onFailure()
    }
  }

  private show(challenge: CaptchaAudio): void {
    const url = URL.createObjectURL(new Blob([challenge.wav as Uint8Array<ArrayBuffer>], { type: 'audio/wav' }))
    const audio = this.player()
    audio.src = url
    if (this.objectUrl) URL.revokeObjectURL(this.objectUrl)
    this.objectUrl = url
    this.current = { id: challenge.id, expiresAt: Date.now() + challenge.expiresInMs - EXPIRY_MARGIN_MS }
    // The id (never the answer) marks which challenge is loaded; end-to-end tests read it.
    audio.dataset['captchaId'] = challenge.id
  }

  private setBusy(busy: boolean): void {
    this.button.setAttribute('aria-busy', String(busy))
    this.onBusy(busy)
  }
}
