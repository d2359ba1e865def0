import type { CaptchaImage, Result, Theme } from '../../shared/ipc-contract'
import { themeOf } from '../../shared/captcha-request'

/** Refresh this long before main forgets the answer, so a slow typist never submits an expired id. */
const REFRESH_MARGIN_MS = 10_000

/**
 * Shows main's captcha PNG in the refresh button. Holds the current id (never the answer: the page
 * does not have it) and refreshes itself before the challenge expires.
 */
export class CaptchaView {
  private current: CaptchaImage | null = null
  private objectUrl: string | null = null
  private timer: number | undefined
  private pending: Promise<boolean> | null = null

  constructor(
    private readonly image: HTMLImageElement,
    private readonly load: () => Promise<Result<CaptchaImage>>,
    private readonly onFailure: () => void
  ) {}

  /**
   * The id to send with a submission. Main consumes a challenge whatever the outcome, so the view
   * forgets it at once: nothing (a test reading the screen included) can mistake it for a live one.
   */
  take(): string {
    const id = this.current?.id ?? ''
    this.current = null
    delete this.image.dataset['captchaId']
    return id
  }

  /** Concurrent calls share one request: a double click asks main for one image. */
  refresh(): Promise<boolean> {
    this.pending ??= this.fetch().finally(() => (this.pending = null))
    return this.pending
  }

  private async fetch(): Promise<boolean> {
    window.clearTimeout(this.timer)
    const first = this.objectUrl === null
    const result = await this.load()
    // The first image's arrival and decode, as marks: bench:ui reports them as stages of a cold load.
    if (first) performance.mark('captcha-received')
    if (!result.ok) {
      this.current = null
      this.onFailure()
      return false
    }
    this.current = result
    const url = URL.createObjectURL(new Blob([result.png as Uint8Array<ArrayBuffer>], { type: 'image/png' }))
    try {
      this.image.src = url
      await this.image.decode()
    } catch {
      // A broken image still replaces the old one; the next refresh tries again.
    }
    if (first) performance.mark('captcha-decoded')
    if (this.objectUrl) URL.revokeObjectURL(this.objectUrl)
    this.objectUrl = url
    // The id (never the answer) marks which challenge is on screen; end-to-end tests read it.
    this.image.dataset['captchaId'] = result.id
    this.timer = window.setTimeout(() => void this.refresh(), Math.max(1_000, result.expiresInMs - REFRESH_MARGIN_MS))
    return true
  }
}

export function preferredTheme(): Theme {
  return themeOf(window)
}
