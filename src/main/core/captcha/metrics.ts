import { createCanvas } from '@napi-rs/canvas'
import { cssFont } from './fonts'

/** Ink bounds of one glyph for a 1px font, relative to its origin on the baseline (y grows downwards). */
export interface GlyphMetrics {
  /** How far the ink reaches left of the origin (positive = left). */
  left: number
  right: number
  ascent: number
  descent: number
}

export type MeasureGlyph = (char: string, family: string) => GlyphMetrics

const REFERENCE_SIZE = 100

/**
 * Measures with the canvas's own text shaper, so the layout sees the same ink box the renderer draws.
 * Metrics scale linearly with the font size, so each (font, char) is measured once at a reference size.
 */
export function createCanvasMeasure(): MeasureGlyph {
  const ctx = createCanvas(1, 1).getContext('2d')
  ctx.textAlign = 'left'
  ctx.textBaseline = 'alphabetic'
  const cache = new Map<string, GlyphMetrics>()
  return (char, family) => {
    const key = `${family}\u0000${char}`
    let metrics = cache.get(key)
    if (metrics === undefined) {
      ctx.font = cssFont(family, REFERENCE_SIZE)
      const m = ctx.measureText(char)
      metrics = {
        left: m.actualBoundingBoxLeft / REFERENCE_SIZE,
        right: m.actualBoundingBoxRight / REFERENCE_SIZE,
        ascent: m.actualBoundingBoxAscent / REFERENCE_SIZE,
        descent: m.actualBoundingBoxDescent / REFERENCE_SIZE
      }
      cache.set(key, metrics)
    }
    return metrics
  }
}
