import type { Cubic } from './bezier'
import { cubicPoints } from './bezier'
import type { Ink, Pixels32 } from './pixels'
import { blend, FULL, inkOf } from './pixels'
import type { CaptchaPlan, DotPlan, StrokePlan, WarpPlan } from './plan'
import { warpOffset } from './warp'

/**
 * The noise layer is stamped column by column instead of filled as outlines: Skia's stroker took
 * ~20 µs per 2 px Bézier stroke and the specks ~40 calls into the canvas, together more than a third of
 * the captcha's time. Every stroke of a plan runs left to right (its control points are ordered in x), so
 * each pixel column meets it in one vertical span, whose coverage of each pixel is one subtraction.
 */

/** Paints the vertical span [top, bottom) of pixel column `x`, `across` (0–1) of whose width is covered. */
function paintSpan(image: Pixels32, x: number, top: number, bottom: number, across: number, ink: Ink): void {
  const { words, width } = image
  const last = Math.min(image.height, Math.ceil(bottom))
  // Ternaries, not Math.min/max/round: this loop runs ~2 000 times a captcha, and they cost twice as much.
  for (let y = Math.max(0, Math.floor(top)); y < last; y++) {
    const covered = (y + 1 < bottom ? y + 1 : bottom) - (y > top ? y : top)
    const weight = (covered * across * FULL + 0.5) | 0
    if (weight > 0) blend(words, y * width + x, ink.rb, ink.ga, weight)
  }
}

/** Segments a centreline is cut into: the curve and the wave stray about a tenth of a pixel from each chord. */
const SEGMENTS = 32

/** The warped centreline in device pixels, as x,y pairs with x never decreasing. */
function centreline(points: readonly number[], warp: WarpPlan, scaleX: number, scaleY: number): Float64Array {
  // A line is the cubic whose control points sit at its thirds: one code path, and the warp bends it too.
  const curve = (
    points.length === 4 ? [points[0], points[1], ...third(points, 1), ...third(points, 2), points[2], points[3]] : points
  ) as Cubic
  const line = cubicPoints(curve, SEGMENTS)
  for (let i = 0; i < line.length; i += 2) {
    const x = line[i]!
    line[i] = x * scaleX
    line[i + 1] = (line[i + 1]! + warpOffset(warp, x)) * scaleY
  }
  return line
}

function third(line: readonly number[], k: 1 | 2): [number, number] {
  return [line[0]! + ((line[2]! - line[0]!) * k) / 3, line[1]! + ((line[3]! - line[1]!) * k) / 3]
}

/**
 * A stroke of the plan's width with flat ends: in each pixel column, the band of half-height
 * (width/2)·√(1+slope²) around the centreline at the column's middle, i.e. its area column by column.
 */
export function stampStroke(image: Pixels32, stroke: StrokePlan, warp: WarpPlan, scaleX: number, scaleY: number): void {
  const line = centreline(stroke.points, warp, scaleX, scaleY)
  const ink = inkOf(stroke.colour)
  const halfWidth = (stroke.width * Math.sqrt(scaleX * scaleY)) / 2
  const start = line[0]!
  const end = line[line.length - 2]!
  let segment = -1
  let ax = 0
  let ay = 0
  let slope = 0
  let half = 0
  const stop = Math.min(image.width, Math.ceil(end))
  for (let x = Math.max(0, Math.floor(start)); x < stop; x++) {
    const middle = Math.min(Math.max(x + 0.5, start), end)
    let at = segment < 0 ? 0 : segment
    while (at + 4 < line.length && line[at + 2]! < middle) at += 2
    // A chord spans ~8 columns: its slope and band are worked out once, when the column reaches it.
    if (at !== segment) {
      segment = at
      ax = line[at]!
      ay = line[at + 1]!
      const bx = line[at + 2]!
      slope = bx > ax ? (line[at + 3]! - ay) / (bx - ax) : 0
      half = halfWidth * Math.sqrt(1 + slope * slope)
    }
    const y = ay + slope * (middle - ax)
    paintSpan(image, x, y - half, y + half, Math.min(x + 1, end) - Math.max(x, start), ink)
  }
}

/** A square speck, moved by the warp: each pixel covered by the fraction of its area inside the square. */
export function stampDot(image: Pixels32, dot: DotPlan, warp: WarpPlan, scaleX: number, scaleY: number): void {
  const ink = inkOf(dot.colour)
  const y = dot.y + warpOffset(warp, dot.x)
  const left = (dot.x - dot.r) * scaleX
  const right = (dot.x + dot.r) * scaleX
  const top = (y - dot.r) * scaleY
  const bottom = (y + dot.r) * scaleY
  const stop = Math.min(image.width, Math.ceil(right))
  for (let x = Math.max(0, Math.floor(left)); x < stop; x++) {
    paintSpan(image, x, top, bottom, Math.min(x + 1, right) - Math.max(x, left), ink)
  }
}

/** The plan's strokes, then its specks over them. */
export function stampNoise(image: Pixels32, plan: Pick<CaptchaPlan, 'strokes' | 'dots' | 'warp'>, scaleX: number, scaleY: number): void {
  for (const stroke of plan.strokes) stampStroke(image, stroke, plan.warp, scaleX, scaleY)
  for (const dot of plan.dots) stampDot(image, dot, plan.warp, scaleX, scaleY)
}
