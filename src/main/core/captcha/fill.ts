import type { Ink, Pixels32 } from './pixels'
import { blend, FULL } from './pixels'

/** x' = a·x + c·y + e, y' = b·x + d·y + f (the canvas's setTransform order). */
export interface Affine {
  a: number
  b: number
  c: number
  d: number
  e: number
  f: number
}

/** A closed polygon as x,y pairs; the last point joins the first. */
export type Contour = Float64Array

export const IDENTITY: Readonly<Affine> = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 }

export interface Bounds {
  minX: number
  minY: number
  maxX: number
  maxY: number
}

/** The box around points[0..end), x,y pairs, grown from `box`. */
function extend(box: Bounds, points: Float64Array, end: number): Bounds {
  let { minX, minY, maxX, maxY } = box
  for (let i = 0; i < end; i += 2) {
    const x = points[i]!
    const y = points[i + 1]!
    if (x < minX) minX = x
    if (x > maxX) maxX = x
    if (y < minY) minY = y
    if (y > maxY) maxY = y
  }
  return { minX, minY, maxX, maxY }
}

const EMPTY: Readonly<Bounds> = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity }

/** The box around the contours' points. */
export function boundsOf(contours: readonly Contour[]): Bounds {
  let box = EMPTY
  for (const c of contours) box = extend(box, c, c.length)
  return box
}

/**
 * Filled shapes (glyph outlines, texture blotches) are rasterised here rather than by Skia: Skia records
 * the drawing and replays it on read-back, and that read-back hands over a fresh 43 KB buffer per captcha,
 * whose memory churn alone cost more than the drawing (perf put half of a read-back loop in the kernel,
 * clearing fresh pages). Here every pixel is written once, into the captcha's own reused buffer.
 *
 * The method is signed-area accumulation (as in font-rs and stb_truetype's second rasteriser): each edge
 * adds, cell by cell along each row it crosses, how much the coverage to its right changes; a running sum
 * along the row then gives each pixel's exact coverage. Overlapping contours of the same direction sum past
 * 1 and are clamped, opposite ones cancel: the nonzero rule for the shapes drawn here.
 */
let scratch = new Float32Array(4096)

/**
 * Adds a closed polygon's edges (points[start..end) as x,y pairs in cell coordinates) to the accumulation
 * rows, of which there are `rows` from y = 0. One call per contour: a call per edge passed six doubles
 * across a call V8 does not inline, and boxing them cost a third of the fill.
 */
function addEdges(cells: Float32Array, stride: number, rows: number, points: Float64Array, start: number, end: number): void {
  let toX = points[end - 2]!
  let toY = points[end - 1]!
  for (let i = start; i < end; i += 2) {
    const fromX = toX
    const fromY = toY
    toX = points[i]!
    toY = points[i + 1]!
    if (fromY === toY) continue
    const down = fromY < toY
    const dir = down ? 1 : -1
    let topY = down ? fromY : toY
    const bottomY = down ? toY : fromY
    if (bottomY <= 0 || topY >= rows) continue
    const dxdy = ((down ? toX : fromX) - (down ? fromX : toX)) / (bottomY - topY)
    let x = down ? fromX : toX
    // Rows above the image are not kept: the edge starts where it enters the first one.
    if (topY < 0) {
      x -= topY * dxdy
      topY = 0
    }
    const last = Math.min(rows, Math.ceil(bottomY))
    for (let y = Math.floor(topY); y < last; y++) {
      const dy = (y + 1 < bottomY ? y + 1 : bottomY) - (y > topY ? y : topY)
      const next = x + dxdy * dy
      const d = dir * dy
      const row = y * stride
      let x0 = x < next ? x : next
      const x1 = x < next ? next : x
      if (x0 < 0) x0 = 0
      const x0i = Math.floor(x0)
      const x1i = Math.ceil(x1)
      if (x1i <= x0i + 1) {
        // Within one cell: the part right of the edge's mean x is covered, the next cell onwards wholly.
        const share = (x + next) / 2 - x0i
        cells[row + x0i]! += d - d * share
        cells[row + x0i + 1]! += d * share
      } else {
        // Across cells: coverage rises linearly from x0 to x1, so each cell gets the area under that ramp.
        const s = 1 / (x1 - x0)
        const x0f = x0 - x0i
        const head = 0.5 * s * (1 - x0f) * (1 - x0f)
        const x1f = x1 - x1i + 1
        const tail = 0.5 * s * x1f * x1f
        cells[row + x0i]! += d * head
        if (x1i === x0i + 2) {
          cells[row + x0i + 1]! += d * (1 - head - tail)
        } else {
          const second = s * (1.5 - x0f)
          cells[row + x0i + 1]! += d * (second - head)
          for (let xi = x0i + 2; xi < x1i - 1; xi++) cells[row + xi]! += d * s
          const beforeLast = second + (x1i - x0i - 3) * s
          cells[row + x1i - 1]! += d * (1 - beforeLast - tail)
        }
        cells[row + x1i]! += d * tail
      }
      x = next
    }
  }
}

/** Every contour's points mapped to pixel space, back to back; reused by every fill. */
let mapped = new Float64Array(1024)

/** Fills the contours, mapped by `m` into pixel space, with an opaque ink; anything off the image is clipped. */
export function fillContours(image: Pixels32, contours: readonly Contour[], m: Affine, ink: Ink): void {
  let total = 0
  for (const c of contours) total += c.length
  if (mapped.length < total) mapped = new Float64Array(total)
  const points = mapped
  for (let k = 0, o = 0; k < contours.length; k++) {
    const c = contours[k]!
    for (let i = 0; i < c.length; i += 2, o += 2) {
      points[o] = m.a * c[i]! + m.c * c[i + 1]! + m.e
      points[o + 1] = m.b * c[i]! + m.d * c[i + 1]! + m.f
    }
  }
  const { minX, minY, maxX, maxY } = extend(EMPTY, points, total)
  if (!(minX < maxX && minY < maxY)) return
  const { words, width, height } = image
  // The cells span the shape's whole width, even off the image, since a row's running sum starts at its
  // left; but only the rows on the image.
  const left = Math.floor(minX)
  const top = Math.max(0, Math.floor(minY))
  const stride = Math.ceil(maxX) - left + 2
  const rows = Math.min(height, Math.ceil(maxY)) - top
  if (rows <= 0 || maxX <= 0 || minX >= width) return
  if (scratch.length < stride * rows) scratch = new Float32Array(stride * rows)
  const cells = scratch
  cells.fill(0, 0, stride * rows)
  for (let i = 0; i < total; i += 2) {
    points[i] = points[i]! - left
    points[i + 1] = points[i + 1]! - top
  }
  for (let k = 0, start = 0; k < contours.length; k++) {
    const end = start + contours[k]!.length
    addEdges(cells, stride, rows, points, start, end)
    start = end
  }
  const { word, rb, ga } = ink
  const firstX = Math.max(0, left)
  const stopX = Math.min(width, Math.ceil(maxX))
  for (let y = 0; y < rows; y++) {
    const row = y * stride - left
    let sum = 0
    for (let x = left; x < firstX; x++) sum += cells[row + x]!
    let weight = ((sum < 0 ? -sum : sum) * FULL + 0.5) | 0
    for (let x = firstX, at = (top + y) * width + firstX; x < stopX; x++, at++) {
      // Most cells change nothing: inside and outside the shape the coverage carries on.
      const change = cells[row + x]!
      if (change !== 0) {
        sum += change
        weight = ((sum < 0 ? -sum : sum) * FULL + 0.5) | 0
      }
      if (weight >= FULL) words[at] = word
      else if (weight > 0) blend(words, at, rb, ga, weight)
    }
  }
}
