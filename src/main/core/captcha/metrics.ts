import { outlineOf } from './outlines'

/** Ink bounds of one glyph for a 1px font, relative to its origin on the baseline (y grows downwards). */
export interface GlyphMetrics {
  /** How far the ink reaches left of the origin (positive = left). */
  left: number
  right: number
  ascent: number
  descent: number
}

export type MeasureGlyph = (char: string, family: string) => GlyphMetrics

/**
 * The bounds of the very outline the renderer fills, so the layout's ink box is the drawn ink (before
 * anti-aliasing) and not a font-metrics estimate of it.
 */
export const measureOutline: MeasureGlyph = (char, family) => outlineOf(char, family).metrics
