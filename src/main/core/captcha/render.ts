import type { Canvas, SKRSContext2D } from '@napi-rs/canvas'
import { createCanvas } from '@napi-rs/canvas'
import { toCss } from './colour'
import { cssFont } from './fonts'
import type { CaptchaPlan, GlyphPlan } from './plan'

export interface Layers {
  background: boolean
  glyphs: boolean
  noise: boolean
}

export const ALL_LAYERS: Readonly<Layers> = { background: true, glyphs: true, noise: true }

/** Straight (not premultiplied) RGBA pixels, a private copy. */
export interface Pixels {
  data: Uint8ClampedArray
  width: number
  height: number
}

interface Surfaces {
  canvas: Canvas
  ctx: SKRSContext2D
  layer: Canvas
  layerCtx: SKRSContext2D
}

/**
 * Canvases are reused per pixel size: creating two Skia surfaces per captcha costs more than drawing it.
 * Safe because drawing and the pixel read-back below run synchronously, before anyone else can draw.
 */
const surfaces = new Map<string, Surfaces>()
const MAX_CACHED_SIZES = 8

function surfacesFor(width: number, height: number): Surfaces {
  const key = `${width}x${height}`
  let s = surfaces.get(key)
  if (s === undefined) {
    if (surfaces.size >= MAX_CACHED_SIZES) surfaces.delete(surfaces.keys().next().value as string)
    const canvas = createCanvas(width, height)
    const layer = createCanvas(width, height)
    s = { canvas, ctx: canvas.getContext('2d'), layer, layerCtx: layer.getContext('2d') }
    surfaces.set(key, s)
  }
  return s
}

export function pixelSize(plan: Pick<CaptchaPlan, 'width' | 'height'>, scale: number): { width: number; height: number } {
  return { width: Math.max(1, Math.round(plan.width * scale)), height: Math.max(1, Math.round(plan.height * scale)) }
}

function drawGlyph(ctx: SKRSContext2D, g: GlyphPlan): void {
  ctx.save()
  ctx.translate(g.cx, g.cy)
  ctx.rotate(g.rotation)
  ctx.font = cssFont(g.family, g.size)
  ctx.fillStyle = toCss(g.colour)
  ctx.fillText(g.char, g.originX, g.originY)
  ctx.restore()
}

function drawBackground(ctx: SKRSContext2D, plan: CaptchaPlan): void {
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
  for (const d of plan.dots) {
    ctx.fillStyle = toCss(d.colour)
    ctx.beginPath()
    ctx.arc(d.x, d.y, d.r, 0, 2 * Math.PI)
    ctx.fill()
  }
}

/**
 * The warp moves thin vertical strips of the text layer up or down along a sine, which bends each
 * character's baseline and strokes without any per-pixel work in JavaScript.
 */
function drawWarped(ctx: SKRSContext2D, s: Surfaces, plan: CaptchaPlan, scaleX: number, scaleY: number): void {
  const { layer, layerCtx } = s
  layerCtx.setTransform(1, 0, 0, 1, 0, 0)
  layerCtx.clearRect(0, 0, layer.width, layer.height)
  layerCtx.setTransform(scaleX, 0, 0, scaleY, 0, 0)
  layerCtx.textAlign = 'left'
  layerCtx.textBaseline = 'alphabetic'
  for (const g of plan.glyphs) drawGlyph(layerCtx, g)
  const { amplitude, wavelength, phase } = plan.warp
  const strip = Math.max(1, Math.round(2 * scaleX))
  ctx.save()
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  for (let x = 0; x < layer.width; x += strip) {
    const w = Math.min(strip, layer.width - x)
    const cssX = (x + w / 2) / scaleX
    const dy = amplitude * scaleY * Math.sin((2 * Math.PI * cssX) / wavelength + phase)
    ctx.drawImage(layer, x, 0, w, layer.height, x, dy, w, layer.height)
  }
  ctx.restore()
}

/** Draws the plan at `scale` and returns a copy of the pixels. */
export function renderPlan(plan: CaptchaPlan, scale: number, layers: Layers = ALL_LAYERS): Pixels {
  const { width, height } = pixelSize(plan, scale)
  const s = surfacesFor(width, height)
  const { ctx } = s
  const scaleX = width / plan.width
  const scaleY = height / plan.height
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  ctx.clearRect(0, 0, width, height)
  ctx.setTransform(scaleX, 0, 0, scaleY, 0, 0)
  ctx.textAlign = 'left'
  ctx.textBaseline = 'alphabetic'
  if (layers.background) drawBackground(ctx, plan)
  if (layers.glyphs) {
    if (plan.warp.amplitude > 0) drawWarped(ctx, s, plan, scaleX, scaleY)
    else for (const g of plan.glyphs) drawGlyph(ctx, g)
  }
  if (layers.noise) drawNoise(ctx, plan)
  return { data: ctx.getImageData(0, 0, width, height).data, width, height }
}
