import { createCanvas, SvgExportFlag } from '@napi-rs/canvas'
import type { Contour } from './fill'
import { boundsOf } from './fill'
import { cssFont } from './fonts'
import type { GlyphMetrics } from './metrics'
import { contoursOf } from './path-data'

/** The font size outlines are traced at; each glyph is scaled from it by its transform. */
export const OUTLINE_SIZE = 100

export interface GlyphOutline {
  /** The glyph at OUTLINE_SIZE px as closed polygons, origin on the baseline at (0, 0), y growing downwards. */
  contours: Contour[]
  /** Its ink bounds, for a 1px font. */
  metrics: GlyphMetrics
}

/** Per thread, as all module state is: each worker traces the glyphs it draws once. By family, then char. */
const outlines = new Map<string, Map<string, GlyphOutline>>()

/**
 * Why outlines and not fillText: every captcha glyph is drawn at a new rotation and size, so fillText
 * never hits Skia's glyph cache and rasterises through FreeType under a lock that every thread of the
 * process shares. Two workers then drew text no faster than one (1.1× measured). Filling a path needs no
 * font engine at all: it scaled to 1.7× and was faster on one thread too.
 *
 * The outline comes from the font engine itself, once per (family, char): Skia's SVG canvas, told to
 * convert text to paths, writes the glyph as path data, flattened here into polygons for fill.ts.
 */
export function outlineOf(char: string, family: string): GlyphOutline {
  let traced = outlines.get(family)
  if (traced === undefined) {
    traced = new Map()
    outlines.set(family, traced)
  }
  let outline = traced.get(char)
  if (outline === undefined) {
    outline = trace(char, family)
    traced.set(char, outline)
  }
  return outline
}

function trace(char: string, family: string): GlyphOutline {
  const svg = createCanvas(OUTLINE_SIZE, OUTLINE_SIZE, SvgExportFlag.ConvertTextToPaths)
  const ctx = svg.getContext('2d')
  ctx.font = cssFont(family, OUTLINE_SIZE)
  ctx.textAlign = 'left'
  ctx.textBaseline = 'alphabetic'
  ctx.fillText(char, 0, 0)
  const data = [
    ...svg
      .getContent()
      .toString('utf8')
      .matchAll(/<path\b[^>]*\sd="([^"]*)"/g)
  ]
    .map((m) => m[1]!)
    .join(' ')
  if (data.trim() === '') throw new Error(`captcha font ${family} has no outline for ${JSON.stringify(char)}`)
  const contours = contoursOf(data)
  const { minX: left, minY: top, maxX: right, maxY: bottom } = boundsOf(contours)
  return {
    contours,
    metrics: { left: -left / OUTLINE_SIZE, right: right / OUTLINE_SIZE, ascent: -top / OUTLINE_SIZE, descent: bottom / OUTLINE_SIZE }
  }
}
