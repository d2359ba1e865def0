import type { CaptchaImage, Result, Theme } from '../../shared/ipc-contract'
import { themeOf } from '../../shared/captcha-request'
import { readStoredPng } from './stored-png'

/** Refresh this long before main forgets the answer, so a slow typist never submits an expired id. */
const REFRESH_MARGIN_MS = 10_000

/**
 * Shows main's captcha PNG in the refresh button. Holds the current id (never the answer: the page
 * does not have it) and refreshes itself before the challenge expires.
 *
 * The pixels go on a canvas: main's stored PNGs copied in directly (stored-png.ts), any other decoded by
 * WebCodecs' ImageDecoder. An <img> would need the bytes as a blob: URL, which registers them with the
 * browser process and loads them back before the decode: about 10 ms more on a cold start (bench:ui),
 * and one more source (blob:) for the CSP to admit.
 */
export class CaptchaView {
  private current: CaptchaImage | null = null
  private shown = false
  private timer: number | undefined
  private pending: Promise<boolean> | null = null

  constructor(
    private readonly canvas: HTMLCanvasElement,
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
    delete this.canvas.dataset['captchaId']
    return id
  }

  /** Concurrent calls share one request: a double click asks main for one image. */
  refresh(): Promise<boolean> {
    this.pending ??= this.fetch().finally(() => (this.pending = null))
    return this.pending
  }

  private async fetch(): Promise<boolean> {
    window.clearTimeout(this.timer)
    const first = !this.shown
    const result = await this.load()
    // The first image's arrival and decode, as marks: bench:ui reports them as stages of a cold load.
    if (first) performance.mark('captcha-received')
    if (!result.ok) {
      this.current = null
      this.onFailure()
      return false
    }
    this.current = result
    await this.show(result.png)
    if (first) performance.mark('captcha-decoded')
    // The id (never the answer) marks which challenge is on screen; end-to-end tests read it.
    this.canvas.dataset['captchaId'] = result.id
    this.timer = window.setTimeout(() => void this.refresh(), Math.max(1_000, result.expiresInMs - REFRESH_MARGIN_MS))
    return true
  }

  /** Draws at the PNG's own pixel size (CSS keeps the box 270×40); one that will not decode leaves a blank, never the old picture under the new id. */
  private async show(png: Uint8Array): Promise<void> {
    const context = this.canvas.getContext('2d')!
    // Main's own stored PNGs are copied in at once (stored-png.ts says why); any other goes to the decoder.
    const stored = readStoredPng(png)
    if (stored)
      return this.paint(stored.width, stored.height, () =>
        context.putImageData(new ImageData(stored.rgba, stored.width, stored.height), 0, 0)
      )
    let decoder: ImageDecoder | undefined
    try {
      decoder = new ImageDecoder({ data: png as Uint8Array<ArrayBuffer>, type: 'image/png' })
      const { image } = await decoder.decode()
      try {
        this.paint(image.displayWidth, image.displayHeight, () => context.drawImage(image, 0, 0))
      } finally {
        image.close()
      }
    } catch {
      context.clearRect(0, 0, this.canvas.width, this.canvas.height)
    } finally {
      decoder?.close()
    }
  }

  /** Sizes the canvas to the image's pixels and draws it. */
  private paint(width: number, height: number, draw: () => void): void {
    this.canvas.width = width
    this.canvas.height = height
    draw()
    this.shown = true
  }
}

export function preferredTheme(): Theme {
  return themeOf(window)
}
