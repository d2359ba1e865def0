import type { CaptchaRequest, Theme } from '../../../shared/ipc-contract'
import { LIMITS } from '../../../shared/ipc-contract'
import type { Challenge } from './challenge'
import { makeChallenge } from './challenge'
import { registerFonts } from './fonts'
import { measureOutline } from './metrics'
import type { CaptchaKind, CaptchaOptions } from './options'
import type { CaptchaPlan } from './plan'
import { planCaptcha } from './plan'
import type { PngSettings } from './png'
import { DEFAULT_PNG, encodePng, isStored } from './png'
import type { RandomSource } from './random'
import { cryptoRandom } from './random'
import type { Pixels } from './render'
import { ALL_LAYERS, pixelSize, renderPlan } from './render'
import { drawTurns } from './turns'

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

/** Non-finite → 1, then clamped to the contract's 1–3. */
export function clampScale(scale: unknown): number {
  if (typeof scale !== 'number' || !Number.isFinite(scale)) return 1
  return Math.min(LIMITS.scaleMax, Math.max(LIMITS.scaleMin, scale))
}

/** Fonts registered and glyphs measured once; then each call plans, draws and encodes one captcha. */
export class CaptchaGenerator {
  readonly options: CaptchaOptions
  readonly kind: CaptchaKind
  readonly #families: string[]
  readonly #png: PngSettings
  #rows: Buffer | undefined
  #pixels = new Uint32Array(0)

  constructor(options: CaptchaOptions, kind: CaptchaKind = 'text', png: PngSettings = DEFAULT_PNG) {
    this.options = options
    this.kind = kind
    this.#families = registerFonts(options.fontFiles)
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
      measure: measureOutline
    })
  }

  /** `random` is the cryptographic source but for the dataset CLI and tests, which pass a seeded one. */
  async generate(request: CaptchaRequest = {}, random: RandomSource = cryptoRandom): Promise<GeneratedCaptcha> {
    const scale = clampScale(request.scale)
    const theme = request.theme === 'dark' ? 'dark' : 'light'
    // Everything happens in one queued turn, so a burst of requests never stalls the loop for more than
    // one captcha.
    return drawTurns.run(() => {
      const challenge = this.challenge(random)
      const plan = this.plan(challenge, theme, random)
      const png = this.#encode(renderPlan(plan, scale, ALL_LAYERS, this.#canvas(scale)))
      return { answer: challenge.answer, png, width: this.options.width, height: this.options.height, scale }
    })
  }

  /**
   * One pixel buffer for every image, grown to the largest scale asked for: a fresh one per captcha
   * (43 KB at 1×) cost a tenth of the captcha in allocation alone.
   */
  #canvas(scale: number): Uint32Array {
    const { width, height } = pixelSize(this.options, scale)
    if (this.#pixels.length < width * height) this.#pixels = new Uint32Array(width * height)
    return this.#pixels
  }

  /**
   * The default stored PNG is written straight from the pixels. A compressed one (tools) goes through a
   * buffer of scanlines, reused for every image since each is encoded before the next is drawn: a fresh
   * 32–290 KB buffer per image counts towards V8's external memory and brought its collections forward.
   */
  #encode({ data, width, height }: Pixels): Uint8Array {
    if (isStored(this.#png)) return encodePng(data, width, height, this.#png)
    const size = (width * 3 + 1) * height
    if (this.#rows === undefined || this.#rows.length < size) this.#rows = Buffer.allocUnsafe(size)
    return encodePng(data, width, height, this.#png, this.#rows)
  }
}
