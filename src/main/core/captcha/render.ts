import type { Canvas, SKRSContext2D } from '@napi-rs/canvas'
import { createCanvas } from '@napi-rs/canvas'
import { toCss } from './colour'
import type { Rgb } from './colour'
import { OUTLINE_SIZE, outlineOf } from './outlines'
import type { CaptchaPlan, GlyphPlan } from './plan'
import { warpRows } from './warp'

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

/** Glyphs are filled outlines (see outlines.ts): one path per (font, char), placed by the transform. */
function drawGlyphs(ctx: SKRSContext2D, glyphs: readonly GlyphPlan[], scaleX: number, scaleY: number): void {
  for (const g of glyphs) {
    const k = g.size / OUTLINE_SIZE
    const cos = Math.cos(g.rotation)
    const sin = Math.sin(g.rotation)
    // Device = scale · translate(centre) · rotate · translate(origin) · scale(k), in one matrix.
    const ex = g.cx + cos * g.originX - sin * g.originY
    const ey = g.cy + sin * g.originX + cos * g.originY
    ctx.setTransform(scaleX * cos * k, scaleY * sin * k, -scaleX * sin * k, scaleY * cos * k, scaleX * ex, scaleY * ey)
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
    ctx.ellipse(t.x, t.y, t.rx, t.ry, t.rotation, 0, 2 * Math.PI)
    ctx.fill()
  }
}

function drawNoise(ctx: SKRSContext2D, plan: CaptchaPlan): void {
  ctx.lineCap = 'round'
  for (const s of plan.strokes) {
    const p = s.points
    ctx.strokeStyle = toCss(s.colour)
    ctx.lineWidth = s.width
    ctx.beginPath()
    ctx.moveTo(p[0]!, p[1]!)
    if (p.length === 4) ctx.lineTo(p[2]!, p[3]!)
    else ctx.bezierCurveTo(p[2]!, p[3]!, p[4]!, p[5]!, p[6]!, p[7]!)
    ctx.stroke()
  }
  // Square specks, one fill per colour: at 1–3 px they look like dots, and rectangles in one path skip the
  // curve rasterising that made 30 tiny circles cost as much as all the text.
  const colours = new Set<Rgb>()
  for (const d of plan.dots) colours.add(d.colour)
  for (const colour of colours) {
    ctx.fillStyle = toCss(colour)
    ctx.beginPath()
    for (const d of plan.dots) if (d.colour === colour) ctx.rect(d.x - d.r, d.y - d.r, 2 * d.r, 2 * d.r)
    ctx.fill()
  }
}

/** Draws the plan onto `ctx`, whose pixel size must be the plan's size times `scaleX`/`scaleY`. */
export function paintPlan(ctx: SKRSContext2D, plan: CaptchaPlan, scaleX: number, scaleY: number, layers: Layers = ALL_LAYERS): void {
  ctx.setTransform(scaleX, 0, 0, scaleY, 0, 0)
  // The background covers every pixel; without it (tests drawing single layers) start from transparent.
  if (!layers.background) ctx.clearRect(0, 0, plan.width, plan.height)
  if (layers.background) drawBackground(ctx, plan)
  if (layers.glyphs) drawGlyphs(ctx, plan.glyphs, scaleX, scaleY)
  if (layers.noise) drawNoise(ctx, plan)
}

/** Draws the plan at `scale` and returns the pixels before the warp. */
export function drawPlan(plan: CaptchaPlan, scale: number, layers: Layers = ALL_LAYERS): Pixels {
  const { width, height } = pixelSize(plan, scale)
  const { canvas, ctx } = surfaceFor(width, height)
  paintPlan(ctx, plan, width / plan.width, height / plan.height, layers)
  // canvas.data() copies the raw premultiplied pixels; getImageData's unpremultiply pass was ~10× slower.
  return { data: canvas.data(), width, height }
}

/** Draws the plan at `scale`, warps it and returns the final pixels. Text and noise bend alike. */
export function renderPlan(plan: CaptchaPlan, scale: number, layers: Layers = ALL_LAYERS): Pixels {
  const drawn = drawPlan(plan, scale, layers)
  const data = warpRows(drawn.data, drawn.width, drawn.height, plan.warp, drawn.width / plan.width, drawn.height / plan.height)
  return { data, width: drawn.width, height: drawn.height }
}
