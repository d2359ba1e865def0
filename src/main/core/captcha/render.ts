import type { Contour } from './fill'
import { fillContours } from './fill'
import { stampNoise } from './noise'
import { OUTLINE_SIZE, outlineOf } from './outlines'
import type { Pixels32 } from './pixels'
import { inkOf } from './pixels'
import type { CaptchaPlan } from './plan'
import { warpOffset, warpSlope } from './warp'

export interface Layers {
  background: boolean
  glyphs: boolean
  noise: boolean
}

export const ALL_LAYERS: Readonly<Layers> = { background: true, glyphs: true, noise: true }

/** RGBA pixels, premultiplied by alpha (the same as straight RGBA wherever the image is opaque). */
export interface Pixels {
  data: Uint8Array
  width: number
  height: number
}

export function pixelSize(plan: Pick<CaptchaPlan, 'width' | 'height'>, scale: number): { width: number; height: number } {
  return { width: Math.max(1, Math.round(plan.width * scale)), height: Math.max(1, Math.round(plan.height * scale)) }
}

/**
 * Glyphs are filled outlines (see outlines.ts): one polygon set per (font, char), placed by the transform,
 * which also carries the warp at the glyph's centre: y moves by the offset there and tilts by the slope.
 */
function drawGlyphs(image: Pixels32, plan: CaptchaPlan, scaleX: number, scaleY: number): void {
  for (const g of plan.glyphs) {
    const k = g.size / OUTLINE_SIZE
    const cos = Math.cos(g.rotation)
    const sin = Math.sin(g.rotation)
    // CSS = translate(centre) · rotate · translate(origin) · scale(k); then y += offset + slope·(x − cx).
    const ex = g.cx + cos * g.originX - sin * g.originY
    const ey = g.cy + sin * g.originX + cos * g.originY
    const slope = warpSlope(plan.warp, g.cx)
    const lift = warpOffset(plan.warp, g.cx) - slope * g.cx
    fillContours(
      image,
      outlineOf(g.char, g.family).contours,
      {
        a: scaleX * cos * k,
        b: scaleY * (sin + slope * cos) * k,
        c: -scaleX * sin * k,
        d: scaleY * (cos - slope * sin) * k,
        e: scaleX * ex,
        f: scaleY * (ey + slope * ex + lift)
      },
      inkOf(g.colour)
    )
  }
}

/** Unit circles by their number of points, shared by every ellipse of that many. */
const circles = new Map<number, Contour[]>()

/** A unit circle whose chords stray at most a tenth of a pixel from a circle of `radius` px. */
function circleFor(radius: number): Contour[] {
  const n = Math.min(256, Math.max(16, Math.ceil(Math.PI / Math.acos(Math.max(-1, 1 - 0.1 / radius)))))
  let circle = circles.get(n)
  if (circle === undefined) {
    const points = new Float64Array(2 * n)
    for (let i = 0; i < n; i++) {
      points[2 * i] = Math.cos((2 * Math.PI * i) / n)
      points[2 * i + 1] = Math.sin((2 * Math.PI * i) / n)
    }
    circle = [points]
    circles.set(n, circle)
  }
  return circle
}

function drawBackground(image: Pixels32, plan: CaptchaPlan, scaleX: number, scaleY: number): void {
  // Flat, not a gradient: a gradient changes every column, which nearly doubled the time to compress it.
  image.words.fill(inkOf(plan.background).word)
  for (const t of plan.texture) {
    const cos = Math.cos(t.rotation)
    const sin = Math.sin(t.rotation)
    fillContours(
      image,
      circleFor(Math.max(t.rx * scaleX, t.ry * scaleY)),
      {
        a: scaleX * t.rx * cos,
        b: scaleY * t.rx * sin,
        c: -scaleX * t.ry * sin,
        d: scaleY * t.ry * cos,
        e: scaleX * t.x,
        f: scaleY * (t.y + warpOffset(plan.warp, t.x))
      },
      inkOf(t.colour)
    )
  }
}

/**
 * Draws the plan at `scale`: background, glyphs, then the noise. The pixels are fresh, or the start of
 * `into` when it is large enough (the generator reuses one buffer, since each image is encoded before the
 * next is drawn). Without the background (tests drawing single layers) the image starts transparent.
 */
export function renderPlan(plan: CaptchaPlan, scale: number, layers: Layers = ALL_LAYERS, into?: Uint32Array): Pixels {
  const { width, height } = pixelSize(plan, scale)
  const reused = into !== undefined && into.length >= width * height
  const words = reused ? into.subarray(0, width * height) : new Uint32Array(width * height)
  if (reused && !layers.background) words.fill(0)
  const image: Pixels32 = { words, width, height }
  const scaleX = width / plan.width
  const scaleY = height / plan.height
  if (layers.background) drawBackground(image, plan, scaleX, scaleY)
  if (layers.glyphs) drawGlyphs(image, plan, scaleX, scaleY)
  if (layers.noise) stampNoise(image, plan, scaleX, scaleY)
  return { data: new Uint8Array(words.buffer, words.byteOffset, words.byteLength), width, height }
}
