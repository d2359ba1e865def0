import type { Canvas, SKRSContext2D } from '@napi-rs/canvas'
import { createCanvas } from '@napi-rs/canvas'
import { toCss } from './colour'
import { cssFont } from './fonts'
import type { Rgb } from './colour'
import type { CaptchaPlan, DotPlan, GlyphPlan } from './plan'
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

/**
 * Fonts are set at one reference size and each glyph is scaled by its transform instead: parsing a CSS
 * font string and matching the face costs more than drawing the glyph, so the font only changes when the
 * family does.
 */
const GLYPH_FONT_SIZE = 100

function drawGlyphs(ctx: SKRSContext2D, glyphs: readonly GlyphPlan[], scaleX: number, scaleY: number): void {
  let family: string | undefined
  for (const g of glyphs) {
    if (g.family !== family) {
      ctx.font = cssFont(g.family, GLYPH_FONT_SIZE)
      family = g.family
    }
    const k = g.size / GLYPH_FONT_SIZE
    const cos = Math.cos(g.rotation) * k
    const sin = Math.sin(g.rotation) * k
    // Device = scale · translate(cx, cy) · rotate · scale(k), in one matrix.
    ctx.setTransform(scaleX * cos, scaleY * sin, -scaleX * sin, scaleY * cos, scaleX * g.cx, scaleY * g.cy)
    ctx.fillStyle = toCss(g.colour)
    ctx.fillText(g.char, g.originX / k, g.originY / k)
  }
  ctx.setTransform(scaleX, 0, 0, scaleY, 0, 0)
}

function drawBackground(ctx: SKRSContext2D, plan: CaptchaPlan): void {
  // Flat, not a gradient: a gradient changes every column, which nearly doubled the deflate time.
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
  // Square specks, grouped by colour: at 1–3 px they look like dots, and fillRect skips the path
  // building and curve rasterising that made 30 tiny circles cost as much as all the text.
  const byColour = new Map<Rgb, DotPlan[]>()
  for (const d of plan.dots) byColour.set(d.colour, [...(byColour.get(d.colour) ?? []), d])
  for (const [colour, dots] of byColour) {
    ctx.fillStyle = toCss(colour)
    for (const d of dots) ctx.fillRect(d.x - d.r, d.y - d.r, 2 * d.r, 2 * d.r)
  }
}

/** Draws the plan onto `ctx`, whose pixel size must be the plan's size times `scaleX`/`scaleY`. */
export function paintPlan(ctx: SKRSContext2D, plan: CaptchaPlan, scaleX: number, scaleY: number, layers: Layers = ALL_LAYERS): void {
  ctx.setTransform(scaleX, 0, 0, scaleY, 0, 0)
  // The background covers every pixel; without it (tests drawing single layers) start from transparent.
  if (!layers.background) ctx.clearRect(0, 0, plan.width, plan.height)
  ctx.textAlign = 'left'
  ctx.textBaseline = 'alphabetic'
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
