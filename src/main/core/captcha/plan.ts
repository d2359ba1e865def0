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

/** Chooses sizes, rotations and positions so every glyph stays inside the margins and overlap stays bounded. */
function layoutGlyphs(input: PlanInput, warp: WarpPlan): Omit<GlyphPlan, 'colour'>[] {
  const { options, random } = input
  const { width, height, margin } = options
  const maxRotation = options.rotation * DEGREE
  let glyphs = input.glyphs.map((char) =>
    sizeGlyph(
      input,
      char,
      randomPick(random, input.families),
      options.fontSize * randomBetween(random, options.charScale[0], options.charScale[1]),
      randomBetween(random, -maxRotation, maxRotation)
    )
  )

  // Vertical fit: a glyph taller than the band left by margins and warp shrinks rather than being cut.
  // Its reach only shrinks with it, so one step fits.
  const reach = (g: Sized): number => warpReach(warp, g.halfWidth)
  const band = (height - 2 * margin) / 2
  glyphs = glyphs.map((g) => (g.halfHeight + reach(g) > band ? resize(input, g, ((band - reach(g)) / g.halfHeight) * 0.999) : g))

  // Overlaps are drawn first, as fractions, so shrinking the row to fit keeps them within bounds.
  const overlapFractions = glyphs.slice(1).map(() => randomBetween(random, 0, options.maxOverlap))
  const rowWidth = (gs: Sized[]): number =>
    gs.reduce((sum, g) => sum + 2 * g.halfWidth, 0) -
    overlapFractions.reduce((sum, f, i) => sum + f * 2 * Math.min(gs[i]!.halfWidth, gs[i + 1]!.halfWidth), 0)
  const available = width - 2 * margin
  const natural = rowWidth(glyphs)
  if (natural > available) {
    const factor = (available / natural) * 0.999
    glyphs = glyphs.map((g) => resize(input, g, factor))
  }
  const slack = Math.max(0, available - rowWidth(glyphs))

  // Part of the slack spreads the characters apart (the seed's look), the rest shifts the row sideways.
  const inner = slack * options.spread
  const weights = glyphs.slice(1).map(() => randomBetween(random, 0.5, 1.5))
  const weightSum = weights.reduce((a, b) => a + b, 0)
  let x = margin + (slack - inner) * randomBetween(random, 0, 1)
  return glyphs.map((g, i) => {
    if (i > 0) {
      const prev = glyphs[i - 1]!
      x -= overlapFractions[i - 1]! * 2 * Math.min(prev.halfWidth, g.halfWidth)
      x += weightSum > 0 ? (inner * weights[i - 1]!) / weightSum : 0
    }
    const cx = x + g.halfWidth
    x += 2 * g.halfWidth
    const sway = reach(g)
    const lowest = margin + sway + g.halfHeight
    const highest = height - margin - sway - g.halfHeight
    const wanted = height / 2 + randomBetween(random, -options.offset, options.offset)
    const cy = Math.min(highest, Math.max(lowest, wanted))
    return {
      char: g.char,
      family: g.family,
      size: g.size,
      cx,
      cy,
      rotation: g.rotation,
      originX: g.originX,
      originY: g.originY,
      box: {
        left: cx - g.halfWidth,
        right: cx + g.halfWidth,
        top: cy - g.halfHeight - sway,
        bottom: cy + g.halfHeight + sway
      }
    }
  })
}

export function planCaptcha(input: PlanInput): CaptchaPlan {
  const { options, random, theme } = input
  const { width, height, margin } = options
  const palette = PALETTES[theme]

  const background = randomColour(random, palette.background)
  const texture: TextureSpot[] = Array.from({ length: options.texture }, () => ({
    x: randomBetween(random, 0, width),
    y: randomBetween(random, 0, height),
    rx: randomBetween(random, height / 4, height),
    ry: randomBetween(random, height / 8, height / 2),
    rotation: randomBetween(random, 0, Math.PI),
    colour: randomColour(random, palette.texture)
  }))
  const backgroundBound = channelBound([background, ...texture.map((t) => t.colour)], palette.worstBackground)
  const ink = (): Rgb => contrastingColour(random, palette.ink, backgroundBound, options.minContrast, palette.inkTowards)

  const warp: WarpPlan =
    options.warp > 0
      ? {
          amplitude: options.warp,
          wavelength: randomBetween(random, width / 3, width / 1.5),
          phase: randomBetween(random, 0, 2 * Math.PI)
        }
      : { amplitude: 0, wavelength: width, phase: 0 }

  const glyphs = layoutGlyphs(input, warp).map((g) => ({ ...g, colour: ink() }))

  const strokeWidth = (): number => randomBetween(random, options.noise.strokeWidth[0], options.noise.strokeWidth[1])
  const y = (): number => randomBetween(random, margin, height - margin)
  const strokes: StrokePlan[] = []
  for (let i = 0; i < options.noise.lines; i++) {
    strokes.push({
      points: [randomBetween(random, 0, width * 0.3), y(), randomBetween(random, width * 0.7, width), y()],
      width: strokeWidth(),
      colour: ink()
    })
  }
  for (let i = 0; i < options.noise.curves; i++) {
    strokes.push({
      points: [
        randomBetween(random, 0, width * 0.2),
        y(),
        randomBetween(random, width * 0.2, width * 0.5),
        randomBetween(random, -height / 2, height * 1.5),
        randomBetween(random, width * 0.5, width * 0.8),
        randomBetween(random, -height / 2, height * 1.5),
        randomBetween(random, width * 0.8, width),
        y()
      ],
      width: strokeWidth(),
      colour: ink()
    })
  }
  // A few shared dot colours instead of one each: the renderer fills each colour's dots as one path.
  const dotInks = options.noise.dots > 0 ? Array.from({ length: DOT_COLOURS }, ink) : []
  // Whole-pixel squares of 1 or 2 px: crisp specks, and far fewer distinct bytes to compress than blurred ones.
  const dots: DotPlan[] = Array.from({ length: options.noise.dots }, () => {
    const r = random.int(2) === 0 ? 0.5 : 1
    return { x: random.int(width) + r, y: random.int(height) + r, r, colour: randomPick(random, dotInks) }
  })

  return { width, height, theme, background, texture, backgroundBound, glyphs, strokes, dots, warp }
}
