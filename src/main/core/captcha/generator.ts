import type { Theme } from '../../../shared/ipc'
import { LIMITS } from '../../../shared/ipc'
import type { Challenge } from './challenge'
import { makeChallenge } from './challenge'
import { registerFonts } from './fonts'
import type { MeasureGlyph } from './metrics'
import { createCanvasMeasure } from './metrics'
import type { CaptchaKind, CaptchaOptions } from './options'
import type { CaptchaPlan } from './plan'
import { planCaptcha } from './plan'
import type { PngSettings } from './png'
import { DEFAULT_PNG, pngFromScanlines, pngFromScanlinesSync, scanlines } from './png'
import type { RandomSource } from './random'
import { cryptoRandom } from './random'
import { drawPlan } from './render'
import { drawTurns } from './turns'
import { columnShifts } from './warp'

export interface GeneratedCaptcha {
  /** What the user must type, upper case. */
  answer: string
  png: Uint8Array
  /** CSS px. */
  width: number
  height: number
  /** The pixel ratio actually drawn at. */
  scale: number
}

export interface GenerateRequest {
  theme?: Theme
  scale?: number
  /** Defaults to the cryptographic source; the dataset CLI passes a seeded one. */
  random?: RandomSource
}

/** Non-finite → 1, then clamped to the contract's 1–3. */
export function clampScale(scale: unknown): number {
  if (typeof scale !== 'number' || !Number.isFinite(scale)) return 1
  return Math.min(LIMITS.scaleMax, Math.max(LIMITS.scaleMin, scale))
}

/** Captchas being generated in this process, by any generator: they share one event loop and one pool. */
let active = 0

/** Fonts registered and glyphs measured once; then each call plans, draws and encodes one captcha. */
export class CaptchaGenerator {
  readonly options: CaptchaOptions
  readonly kind: CaptchaKind
  readonly #families: string[]
  readonly #measure: MeasureGlyph
  readonly #png: PngSettings

  constructor(options: CaptchaOptions, kind: CaptchaKind = 'text', png: PngSettings = DEFAULT_PNG) {
    this.options = options
    this.kind = kind
    this.#families = registerFonts(options.fontFiles)
    this.#measure = createCanvasMeasure()
    this.#png = png
  }

  challenge(random: RandomSource = cryptoRandom): Challenge {
    return makeChallenge(this.kind, random, this.options.alphabet, this.options.length)
  }

  plan(challenge: Challenge, theme: Theme = 'light', random: RandomSource = cryptoRandom): CaptchaPlan {
    return planCaptcha({
      glyphs: challenge.glyphs,
      options: this.options,
      families: this.#families,
      theme,
      random,
      measure: this.#measure
    })
  }

  async generate(request: GenerateRequest = {}): Promise<GeneratedCaptcha> {
    const random = request.random ?? cryptoRandom
    const scale = clampScale(request.scale)
    const theme = request.theme === 'dark' ? 'dark' : 'light'
    active++
    try {
      // Everything synchronous happens in one queued turn, so a burst of requests never stalls the loop
      // for more than one captcha's drawing.
      const drawn = await drawTurns.run(() => {
        const challenge = this.challenge(random)
        const plan = this.plan(challenge, theme, random)
        const pixels = drawPlan(plan, scale)
        const shifts = columnShifts(plan.warp, pixels.width, pixels.width / plan.width, pixels.height / plan.height)
        const raw = scanlines(pixels.data, pixels.width, pixels.height, this.#png.filter, shifts)
        // Alone, deflate right here: handing a few dozen KB to the threadpool and waking back up cost more
        // than the deflate itself (measured by `npm run bench`). With other captchas waiting, the pool
        // deflates this one while the main thread draws the next.
        const png = active === 1 ? pngFromScanlinesSync(raw, pixels.width, pixels.height, this.#png) : undefined
        return { answer: challenge.answer, raw, png, width: pixels.width, height: pixels.height }
      })
      const png = drawn.png ?? (await pngFromScanlines(drawn.raw, drawn.width, drawn.height, this.#png))
      return { answer: drawn.answer, png, width: this.options.width, height: this.options.height, scale }
    } finally {
      active--
    }
  }
}
