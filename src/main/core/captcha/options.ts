import { DEFAULT_ALPHABET } from './alphabet'

export type CaptchaKind = 'text' | 'arithmetic'
export type CaptchaPreset = 'easy' | 'normal' | 'hard'

export interface NoiseOptions {
  /** Straight strokes across the text, in text-like colours. */
  lines: number
  /** Cubic Bézier strokes across the text. */
  curves: number
  /** Small filled dots anywhere. */
  dots: number
  /** Stroke width range of lines and curves in CSS px. */
  strokeWidth: readonly [number, number]
}

/** Every knob of the generator. All lengths are CSS pixels; the scale only multiplies them at draw time. */
export interface CaptchaOptions {
  width: number
  height: number
  /** Characters in a text challenge, 4–8. Arithmetic challenges ignore it. */
  length: number
  /** Characters to draw from; case-insensitive answers, so use one case. */
  alphabet: string
  /** TTF/OTF files; each glyph picks one at random. Registered with the canvas once per process. */
  fontFiles: readonly string[]
  /** Base font size before the per-character scale. */
  fontSize: number
  /** Per-character size factor range. */
  charScale: readonly [number, number]
  /** Maximum rotation of a character either way, in degrees. */
  rotation: number
  /** Maximum vertical displacement of a character from the middle line. */
  offset: number
  /**
   * 0 packs the characters together (down to `maxOverlap`), 1 spreads them over the whole width as the
   * seed did. Tight packing is what defeats OCR segmentation; spreading is what makes it easy to read.
   */
  spread: number
  /** Largest horizontal overlap of two neighbours, as a fraction of the narrower one's width. */
  maxOverlap: number
  noise: NoiseOptions
  /** Amplitude of the vertical sine wave the glyphs ride and the noise follows (warp.ts); 0 turns it off. */
  warp: number
  /** Blotches in background-range colours over the background's gradient. */
  texture: number
  /** Free space kept between any glyph and the image edge. */
  margin: number
  /** WCAG contrast every character colour keeps against every background colour it can sit on. */
  minContrast: number
}

const BASE: CaptchaOptions = {
  width: 270,
  height: 40,
  length: 5,
  alphabet: DEFAULT_ALPHABET,
  fontFiles: [],
  fontSize: 30,
  charScale: [0.9, 1.1],
  rotation: 25,
  offset: 6,
  spread: 0.5,
  maxOverlap: 0.15,
  noise: { lines: 1, curves: 2, dots: 30, strokeWidth: [1.5, 2.5] },
  warp: 2,
  texture: 2,
  margin: 2,
  minContrast: 4.5
}

export const PRESETS: Readonly<Record<CaptchaPreset, CaptchaOptions>> = {
  easy: {
    ...BASE,
    rotation: 12,
    offset: 3,
    charScale: [0.95, 1.05],
    spread: 1,
    maxOverlap: 0,
    noise: { lines: 1, curves: 1, dots: 20, strokeWidth: [1, 1.5] },
    warp: 0,
    texture: 2
  },
  normal: BASE,
  hard: {
    ...BASE,
    length: 6,
    rotation: 30,
    offset: 7,
    charScale: [0.85, 1.1],
    spread: 0.3,
    maxOverlap: 0.2,
    noise: { lines: 2, curves: 2, dots: 50, strokeWidth: [1.5, 2.5] },
    warp: 3,
    texture: 3
  }
}

export const LENGTH_MIN = 4
export const LENGTH_MAX = 8

function check(condition: boolean, message: string): void {
  if (!condition) throw new RangeError(`captcha option ${message}`)
}

function isRange(range: readonly [number, number], min: number, max: number): boolean {
  return range.length === 2 && min <= range[0] && range[0] <= range[1] && range[1] <= max
}

/** The preset with overrides on top, validated: a bad option fails at start-up, not per request. */
export function resolveOptions(preset: CaptchaPreset = 'normal', overrides: Partial<CaptchaOptions> = {}): CaptchaOptions {
  const base = PRESETS[preset]
  check(base !== undefined, `preset must be easy, normal or hard, got ${String(preset)}`)
  const o: CaptchaOptions = {
    ...base,
    ...overrides,
    noise: { ...base.noise, ...overrides.noise }
  }
  check(Number.isInteger(o.width) && o.width >= 60 && o.width <= 2000, 'width must be an integer 60–2000')
  check(Number.isInteger(o.height) && o.height >= 20 && o.height <= 600, 'height must be an integer 20–600')
  check(
    Number.isInteger(o.length) && o.length >= LENGTH_MIN && o.length <= LENGTH_MAX,
    `length must be an integer ${LENGTH_MIN}–${LENGTH_MAX}`
  )
  check(new Set(o.alphabet).size >= 2 && !/\s/u.test(o.alphabet), 'alphabet needs 2+ distinct non-space characters')
  check(o.fontSize > 0 && o.fontSize <= o.height * 2, 'fontSize must be positive and at most twice the height')
  check(isRange(o.charScale, 0.3, 2), 'charScale must be [min, max] within 0.3–2')
  check(o.rotation >= 0 && o.rotation <= 60, 'rotation must be 0–60 degrees')
  check(o.offset >= 0, 'offset must be ≥ 0')
  check(o.spread >= 0 && o.spread <= 1, 'spread must be 0–1')
  check(o.maxOverlap >= 0 && o.maxOverlap <= 0.5, 'maxOverlap must be 0–0.5')
  for (const key of ['lines', 'curves', 'dots'] as const) {
    check(Number.isInteger(o.noise[key]) && o.noise[key] >= 0 && o.noise[key] <= 500, `noise.${key} must be an integer 0–500`)
  }
  check(isRange(o.noise.strokeWidth, 0.25, 8), 'noise.strokeWidth must be [min, max] within 0.25–8')
  check(o.warp >= 0 && o.warp <= o.height / 4, 'warp must be 0–height/4')
  check(Number.isInteger(o.texture) && o.texture >= 0 && o.texture <= 200, 'texture must be an integer 0–200')
  check(o.margin >= 0 && o.margin < o.height / 4, 'margin must be 0–height/4')
  check(o.minContrast >= 1 && o.minContrast <= 15, 'minContrast must be 1–15')
  return o
}
