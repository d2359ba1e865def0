import type { Theme } from '../../../shared/ipc-contract'
import type { Rgb } from './colour'
import { channelBound, contrastingColour, randomColour } from './colour'
import type { MeasureGlyph } from './metrics'
import type { CaptchaOptions } from './options'
import { PALETTES } from './palette'
import type { RandomSource } from './random'
import { randomBetween, randomPick } from './random'
import { warpReach } from './warp'

/** Axis-aligned rectangle in CSS px. */
export interface Box {
  left: number
  top: number
  right: number
  bottom: number
}

export interface GlyphPlan {
  char: string
  family: string
  /** Font size in CSS px after the per-character scale and any fit-to-box shrink. */
  size: number
  colour: Rgb
  /** Centre of the ink box; the glyph is rotated about it. */
  cx: number
  cy: number
  /** Radians, clockwise. */
  rotation: number
  /** Where fillText's origin sits relative to the centre before rotation. */
  originX: number
  originY: number
  /** Everything this glyph can cover: its rotated ink box, widened vertically by how far the warp can move it. */
  box: Box
}

export interface TextureSpot {
  x: number
  y: number
  rx: number
  ry: number
  rotation: number
  colour: Rgb
}

export interface StrokePlan {
  /**
   * x0,y0 then either x1,y1 (line) or c1x,c1y,c2x,c2y,x1,y1 (cubic curve), with the x coordinates in
   * increasing order, so a stroke never turns back left (the noise is stamped column by column).
   */
  points: number[]
  width: number
  colour: Rgb
}

export interface DotPlan {
  x: number
  y: number
  /** Half the side of the square speck. */
  r: number
  colour: Rgb
}

export interface WarpPlan {
  /** CSS px; 0 means no warp. */
  amplitude: number
  wavelength: number
  phase: number
}

/** Every decision about one image, made before any pixel is drawn, so tests can check it without OCR. */
export interface CaptchaPlan {
  width: number
  height: number
  theme: Theme
  background: Rgb
  texture: TextureSpot[]
  /** The worst colour any blend of background and texture can produce; inks keep their contrast to it. */
  backgroundBound: Rgb
  glyphs: GlyphPlan[]
  strokes: StrokePlan[]
  dots: DotPlan[]
  warp: WarpPlan
}

export interface PlanInput {
  glyphs: readonly string[]
  options: CaptchaOptions
  /** Registered font family aliases to pick from, one per glyph. */
  families: readonly string[]
  theme: Theme
  random: RandomSource
  measure: MeasureGlyph
}

interface Sized {
  char: string
  family: string
  size: number
  rotation: number
  /** Half extents of the rotated ink box. */
  halfWidth: number
  halfHeight: number
  originX: number
  originY: number
}

const DEGREE = Math.PI / 180
const DOT_COLOURS = 3

function sizeGlyph(input: PlanInput, char: string, family: string, size: number, rotation: number): Sized {
  const m = input.measure(char, family)
  const left = m.left * size
  const right = m.right * size
  const ascent = m.ascent * size
  const descent = m.descent * size
  const hw = (left + right) / 2
  const hh = (ascent + descent) / 2
  const cos = Math.abs(Math.cos(rotation))
  const sin = Math.abs(Math.sin(rotation))
  return {
    char,
    family,
    size,
    rotation,
    halfWidth: hw * cos + hh * sin,
    halfHeight: hw * sin + hh * cos,
    // The ink centre is at ((right-left)/2, (descent-ascent)/2) from the origin; draw the origin opposite.
    originX: -(right - left) / 2,
    originY: -(descent - ascent) / 2
  }
}

function resize(input: PlanInput, g: Sized, factor: number): Sized {
  return sizeGlyph(input, g.char, g.family, g.size * factor, g.rotation)
}

/** The row's width once each neighbouring pair overlaps by its fraction of the narrower glyph. */
function rowWidth(glyphs: readonly Sized[], overlapFractions: readonly number[]): number {
  let widths = 0
  for (const g of glyphs) widths += 2 * g.halfWidth
  let overlaps = 0
  for (let i = 0; i < overlapFractions.length; i++)
    overlaps += overlapFractions[i]! * 2 * Math.min(glyphs[i]!.halfWidth, glyphs[i + 1]!.halfWidth)
  return widths - overlaps
}

function randomDraws(random: RandomSource, count: number, min: number, max: number): number[] {
  const draws: number[] = []
  for (let i = 0; i < count; i++) draws.push(randomBetween(random, min, max))
  return draws
}

/** Chooses sizes, rotations and positions so every glyph stays inside the margins and overlap stays bounded. */
function layoutGlyphs(input: PlanInput, warp: WarpPlan, backgroundBound: Rgb): GlyphPlan[] {
  const { options, random } = input
  const { width, height, margin } = options
  const maxRotation = options.rotation * DEGREE
  // Vertical fit: a glyph taller than the band left by margins and warp shrinks rather than being cut.
  // Its reach only shrinks with it, so one step fits.
  const band = (height - 2 * margin) / 2
  let glyphs: Sized[] = []
  for (const char of input.glyphs) {
    const family = randomPick(random, input.families)
    const size = options.fontSize * randomBetween(random, options.charScale[0], options.charScale[1])
    const g = sizeGlyph(input, char, family, size, randomBetween(random, -maxRotation, maxRotation))
    const reach = warpReach(warp, g.halfWidth)
    glyphs.push(g.halfHeight + reach > band ? resize(input, g, ((band - reach) / g.halfHeight) * 0.999) : g)
  }

  // Overlaps are drawn first, as fractions, so shrinking the row to fit keeps them within bounds.
  const overlapFractions = randomDraws(random, glyphs.length - 1, 0, options.maxOverlap)
  const available = width - 2 * margin
  const natural = rowWidth(glyphs, overlapFractions)
  if (natural > available) {
    const factor = (available / natural) * 0.999
    glyphs = glyphs.map((g) => resize(input, g, factor))
  }
  const slack = Math.max(0, available - rowWidth(glyphs, overlapFractions))

  // Part of the slack spreads the characters apart (the seed's look), the rest shifts the row sideways.
  const inner = slack * options.spread
  const weights = randomDraws(random, glyphs.length - 1, 0.5, 1.5)
  let weightSum = 0
  for (const w of weights) weightSum += w
  let x = margin + (slack - inner) * randomBetween(random, 0, 1)
  const centres: { cx: number; cy: number; sway: number }[] = []
  for (let i = 0; i < glyphs.length; i++) {
    const g = glyphs[i]!
    if (i > 0) {
      x -= overlapFractions[i - 1]! * 2 * Math.min(glyphs[i - 1]!.halfWidth, g.halfWidth)
      x += weightSum > 0 ? (inner * weights[i - 1]!) / weightSum : 0
    }
    const cx = x + g.halfWidth
    x += 2 * g.halfWidth
    const sway = warpReach(warp, g.halfWidth)
    const lowest = margin + sway + g.halfHeight
    const highest = height - margin - sway - g.halfHeight
    const wanted = height / 2 + randomBetween(random, -options.offset, options.offset)
    centres.push({ cx, cy: Math.min(highest, Math.max(lowest, wanted)), sway })
  }
  // Inks are drawn once every glyph is placed.
  return glyphs.map((g, i) => {
    const { cx, cy, sway } = centres[i]!
    return {
      char: g.char,
      family: g.family,
      size: g.size,
      colour: inkColour(input, backgroundBound),
      cx,
      cy,
      rotation: g.rotation,
      originX: g.originX,
      originY: g.originY,
      box: { left: cx - g.halfWidth, right: cx + g.halfWidth, top: cy - g.halfHeight - sway, bottom: cy + g.halfHeight + sway }
    }
  })
}

/** A text-like colour with the options' contrast against the worst blend of the background. */
function inkColour({ random, theme, options }: PlanInput, backgroundBound: Rgb): Rgb {
  const palette = PALETTES[theme]
  return contrastingColour(random, palette.ink, backgroundBound, options.minContrast, palette.inkTowards)
}

function textureSpot({ random, theme, options }: PlanInput): TextureSpot {
  const { width, height } = options
  return {
    x: randomBetween(random, 0, width),
    y: randomBetween(random, 0, height),
    rx: randomBetween(random, height / 4, height),
    ry: randomBetween(random, height / 8, height / 2),
    rotation: randomBetween(random, 0, Math.PI),
    colour: randomColour(random, PALETTES[theme].texture)
  }
}

/** A height inside the margins, where noise strokes start and end. */
function strokeEnd({ random, options }: PlanInput): number {
  return randomBetween(random, options.margin, options.height - options.margin)
}

function strokeWidth({ random, options }: PlanInput): number {
  return randomBetween(random, options.noise.strokeWidth[0], options.noise.strokeWidth[1])
}

function lineStroke(input: PlanInput, backgroundBound: Rgb): StrokePlan {
  const { random, options } = input
  const { width } = options
  const points = [randomBetween(random, 0, width * 0.3), strokeEnd(input), randomBetween(random, width * 0.7, width), strokeEnd(input)]
  return { points, width: strokeWidth(input), colour: inkColour(input, backgroundBound) }
}

function curveStroke(input: PlanInput, backgroundBound: Rgb): StrokePlan {
  const { random, options } = input
  const { width, height } = options
  const points = [
    randomBetween(random, 0, width * 0.2),
    strokeEnd(input),
    randomBetween(random, width * 0.2, width * 0.5),
    randomBetween(random, -height / 2, height * 1.5),
    randomBetween(random, width * 0.5, width * 0.8),
    randomBetween(random, -height / 2, height * 1.5),
    randomBetween(random, width * 0.8, width),
    strokeEnd(input)
  ]
  return { points, width: strokeWidth(input), colour: inkColour(input, backgroundBound) }
}

/** Whole-pixel squares of 1 or 2 px: crisp specks, and far fewer distinct bytes to compress than blurred ones. */
function dot({ random, options }: PlanInput, inks: readonly Rgb[]): DotPlan {
  const r = random.int(2) === 0 ? 0.5 : 1
  return { x: random.int(options.width) + r, y: random.int(options.height) + r, r, colour: randomPick(random, inks) }
}

/**
 * Plain loops and module-level helpers rather than closures and Array.from: a plan is made per captcha,
 * and its share of the captcha's time is what `npm run bench` measures.
 */
export function planCaptcha(input: PlanInput): CaptchaPlan {
  const { options, random, theme } = input
  const { width, height, noise } = options
  const palette = PALETTES[theme]

  const background = randomColour(random, palette.background)
  const texture: TextureSpot[] = []
  for (let i = 0; i < options.texture; i++) texture.push(textureSpot(input))
  const backgroundColours = [background]
  for (const t of texture) backgroundColours.push(t.colour)
  const backgroundBound = channelBound(backgroundColours, palette.worstBackground)

  const warp: WarpPlan =
    options.warp > 0
      ? {
          amplitude: options.warp,
          wavelength: randomBetween(random, width / 3, width / 1.5),
          phase: randomBetween(random, 0, 2 * Math.PI)
        }
      : { amplitude: 0, wavelength: width, phase: 0 }

  const glyphs = layoutGlyphs(input, warp, backgroundBound)

  const strokes: StrokePlan[] = []
  for (let i = 0; i < noise.lines; i++) strokes.push(lineStroke(input, backgroundBound))
  for (let i = 0; i < noise.curves; i++) strokes.push(curveStroke(input, backgroundBound))
  // A few shared dot colours rather than one each: three contrast searches instead of thirty.
  const dotInks: Rgb[] = []
  if (noise.dots > 0) for (let i = 0; i < DOT_COLOURS; i++) dotInks.push(inkColour(input, backgroundBound))
  const dots: DotPlan[] = []
  for (let i = 0; i < noise.dots; i++) dots.push(dot(input, dotInks))

  return { width, height, theme, background, texture, backgroundBound, glyphs, strokes, dots, warp }
}
