import type { Canvas, SKRSContext2D } from '@napi-rs/canvas'
import { createCanvas } from '@napi-rs/canvas'
import { toCss } from './colour'
import { stampNoise } from './noise'
import { OUTLINE_SIZE, outlineOf } from './outlines'
import { wordsOf } from './png'
import type { CaptchaPlan } from './plan'
import { warpOffset, warpSlope } from './warp'

export interface Layers {
  background: boolean
  glyphs: boolean
  noise: boolean
}

export const ALL_LAYERS: Readonly<Layers> = { background: true, glyphs: true, noise: true }

/** RGBA pixels, premultiplied by alpha (the same as straight RGBA wherever the image is opaque); a private copy. */
export interface Pixels {
  data: Uint8Array
  width: number
  height: number
}

interface Surface {
  canvas: Canvas
  ctx: SKRSContext2D
}

/**
 * Canvases are reused per pixel size: creating a Skia surface per captcha costs more than drawing it.
 * Safe because drawing and the pixel read-back below run synchronously, before anyone else can draw.
 */
const surfaces = new Map<string, Surface>()
const MAX_CACHED_SIZES = 8

function surfaceFor(width: number, height: number): Surface {
  const key = `${width}x${height}`
  let s = surfaces.get(key)
  if (s === undefined) {
    if (surfaces.size >= MAX_CACHED_SIZES) surfaces.delete(surfaces.keys().next().value as string)
    const canvas = createCanvas(width, height)
    s = { canvas, ctx: canvas.getContext('2d') }
    surfaces.set(key, s)
  }
  return s
}

export function pixelSize(plan: Pick<CaptchaPlan, 'width' | 'height'>, scale: number): { width: number; height: number } {
  return { width: Math.max(1, Math.round(plan.width * scale)), height: Math.max(1, Math.round(plan.height * scale)) }
}

/**
 * Glyphs are filled outlines (see outlines.ts): one path per (font, char), placed by the transform, which
 * also carries the warp at the glyph's centre: y moves by the offset there and tilts by the slope.
 */
function drawGlyphs(ctx: SKRSContext2D, plan: CaptchaPlan, scaleX: number, scaleY: number): void {
  for (const g of plan.glyphs) {
    const k = g.size / OUTLINE_SIZE
    const cos = Math.cos(g.rotation)
    const sin = Math.sin(g.rotation)
    // CSS = translate(centre) · rotate · translate(origin) · scale(k); then y += offset + slope·(x − cx).
    const ex = g.cx + cos * g.originX - sin * g.originY
    const ey = g.cy + sin * g.originX + cos * g.originY
    const slope = warpSlope(plan.warp, g.cx)
    const lift = warpOffset(plan.warp, g.cx) - slope * g.cx
    ctx.setTransform(
      scaleX * cos * k,
      scaleY * (sin + slope * cos) * k,
      -scaleX * sin * k,
      scaleY * (cos - slope * sin) * k,
      scaleX * ex,
      scaleY * (ey + slope * ex + lift)
    )
    ctx.fillStyle = toCss(g.colour)
    ctx.fill(outlineOf(g.char, g.family).path)
  }
  ctx.setTransform(scaleX, 0, 0, scaleY, 0, 0)
}

function drawBackground(ctx: SKRSContext2D, plan: CaptchaPlan): void {
  // Flat, not a gradient: a gradient changes every column, which nearly doubled the time to compress it.
  ctx.fillStyle = toCss(plan.background)
  ctx.fillRect(0, 0, plan.width, plan.height)
  for (const t of plan.texture) {
    ctx.fillStyle = toCss(t.colour)
    ctx.beginPath()
    ctx.ellipse(t.x, t.y + warpOffset(plan.warp, t.x), t.rx, t.ry, t.rotation, 0, 2 * Math.PI)
    ctx.fill()
  }
}

/** Draws the background and glyphs onto `ctx`, whose pixel size is the plan's times `scaleX`/`scaleY`. */
export function paintPlan(ctx: SKRSContext2D, plan: CaptchaPlan, scaleX: number, scaleY: number, layers: Layers = ALL_LAYERS): void {
  ctx.setTransform(scaleX, 0, 0, scaleY, 0, 0)
  // The background covers every pixel; without it (tests drawing single layers) start from transparent.
  if (!layers.background) ctx.clearRect(0, 0, plan.width, plan.height)
  if (layers.background) drawBackground(ctx, plan)
  if (layers.glyphs) drawGlyphs(ctx, plan, scaleX, scaleY)
}

/** Draws the plan at `scale`: Skia draws the background and glyphs, then the noise is stamped on. */
export function renderPlan(plan: CaptchaPlan, scale: number, layers: Layers = ALL_LAYERS): Pixels {
  const { width, height } = pixelSize(plan, scale)
  const { canvas, ctx } = surfaceFor(width, height)
  const scaleX = width / plan.width
  const scaleY = height / plan.height
  paintPlan(ctx, plan, scaleX, scaleY, layers)
  // canvas.data() copies the raw premultiplied pixels; getImageData's unpremultiply pass was ~10× slower.
  const read = canvas.data()
  // The noise is stamped through a word view, which needs 4-byte alignment: napi-rs gives it, else a copy.
  const data = read.byteOffset % 4 === 0 ? read : Uint8Array.from(read)
  if (layers.noise) stampNoise({ words: wordsOf(data), width, height }, plan, scaleX, scaleY)
  return { data, width, height }
}
