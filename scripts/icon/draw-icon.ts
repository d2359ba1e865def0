import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas'

// Designed on a 1024 grid (the size electron-builder wants for macOS); every other size is a scale of it.
const GRID = 1024
const PRIMARY = '#0d6efd'
const PRIMARY_DARK = '#0a3d91'

function roundedRect(ctx: SKRSContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath()
  ctx.moveTo(x + r, y)
  ctx.arcTo(x + w, y, x + w, y + h, r)
  ctx.arcTo(x + w, y + h, x, y + h, r)
  ctx.arcTo(x, y + h, x, y, r)
  ctx.arcTo(x, y, x + w, y, r)
  ctx.closePath()
}

/**
 * The app icon: a padlock on the Bootstrap primary blue, with a captcha-style wavy stroke across the
 * lock body. Drawn from paths only (no font), so it renders the same on every machine.
 */
export function drawAppIcon(size = GRID): Canvas {
  const canvas = createCanvas(size, size)
  const ctx = canvas.getContext('2d')
  ctx.scale(size / GRID, size / GRID)

  // Tile with a margin, as platform icon grids expect (macOS leaves ~10% around the shape).
  const background = ctx.createLinearGradient(0, 100, 0, 924)
  background.addColorStop(0, PRIMARY)
  background.addColorStop(1, PRIMARY_DARK)
  roundedRect(ctx, 100, 100, 824, 824, 184)
  ctx.fillStyle = background
  ctx.fill()

  // Shackle: a thick open arc standing on the body.
  ctx.lineWidth = 70
  ctx.lineCap = 'butt'
  ctx.strokeStyle = '#ffffff'
  ctx.beginPath()
  ctx.moveTo(372, 470)
  ctx.lineTo(372, 380)
  ctx.arc(512, 380, 140, Math.PI, 0)
  ctx.lineTo(652, 470)
  ctx.stroke()

  // Body.
  roundedRect(ctx, 292, 450, 440, 340, 56)
  ctx.fillStyle = '#ffffff'
  ctx.fill()

  // The captcha hint: a wavy line of noise through the body, in the tile's colour.
  ctx.lineWidth = 26
  ctx.lineCap = 'round'
  ctx.strokeStyle = PRIMARY
  ctx.beginPath()
  ctx.moveTo(340, 690)
  ctx.bezierCurveTo(430, 610, 470, 760, 560, 680)
  ctx.bezierCurveTo(620, 628, 650, 700, 690, 660)
  ctx.stroke()

  // Keyhole above the line.
  ctx.fillStyle = PRIMARY_DARK
  ctx.beginPath()
  ctx.arc(512, 560, 38, 0, Math.PI * 2)
  ctx.fill()
  ctx.fillRect(498, 570, 28, 60)

  return canvas
}
