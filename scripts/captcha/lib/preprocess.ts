import { inkByColour } from './cluster'
import type { Mask, Rgba } from './mask'
import { grayPng, loadScaled, maskPng, toGray } from './mask'
import { close, open } from './morphology'
import { cropSegment, segmentGlyphs } from './segment'

/**
 * What an attacker does to an image before OCR. `raw` is the image as served. Line variants give tesseract
 * one image to read as a line or word; glyph variants cut the image into the expected number of glyphs and
 * give it each glyph alone (`--psm 10`).
 */
export type LineVariant = 'raw' | 'gray' | 'binary' | 'binary-median' | 'open1' | 'open2' | 'close-open' | 'cluster' | 'cluster-open'
export type GlyphVariant = 'glyphs-binary' | 'glyphs-open1' | 'glyphs-open' | 'glyphs-cluster-open'
export type Variant = LineVariant | GlyphVariant
export const LINE_VARIANTS: readonly LineVariant[] = [
  'raw',
  'gray',
  'binary',
  'binary-median',
  'open1',
  'open2',
  'close-open',
  'cluster',
  'cluster-open'
]
export const GLYPH_VARIANTS: readonly GlyphVariant[] = ['glyphs-binary', 'glyphs-open1', 'glyphs-open', 'glyphs-cluster-open']
export const VARIANTS: readonly Variant[] = [...LINE_VARIANTS, ...GLYPH_VARIANTS]

export function isGlyphVariant(v: Variant): v is GlyphVariant {
  return (GLYPH_VARIANTS as readonly string[]).includes(v)
}

/**
 * Tesseract reads text best at 20–40 px x-height; the images are 40 px tall, so every preprocessed variant
 * is also upscaled, as any attacker would do. The morphology radii below are in upscaled pixels.
 */
export const UPSCALE = 2
/** Smaller blobs than this (upscaled px) are specks, not glyphs or glyph pieces. */
const MIN_GLYPH_AREA = 40
const GLYPH_PAD = 12

/** Otsu's threshold: the level that maximises the between-class variance of the histogram. */
export function otsuThreshold(gray: Uint8Array): number {
  const histogram = new Float64Array(256)
  for (const v of gray) histogram[v]!++
  const total = gray.length
  let sumAll = 0
  for (let i = 0; i < 256; i++) sumAll += i * histogram[i]!
  let sumBelow = 0
  let countBelow = 0
  let best = 0
  let bestVariance = -1
  for (let t = 0; t < 256; t++) {
    countBelow += histogram[t]!
    if (countBelow === 0) continue
    const countAbove = total - countBelow
    if (countAbove === 0) break
    sumBelow += t * histogram[t]!
    const meanBelow = sumBelow / countBelow
    const meanAbove = (sumAll - sumBelow) / countAbove
    const variance = countBelow * countAbove * (meanBelow - meanAbove) ** 2
    if (variance > bestVariance) {
      bestVariance = variance
      best = t
    }
  }
  return best
}

/** Ink by brightness, whichever way round the image was: the minority side of Otsu's threshold is ink. */
export function binaryMask(image: Rgba): Mask {
  const gray = toGray(image)
  const t = otsuThreshold(gray)
  let dark = 0
  for (const v of gray) if (v <= t) dark++
  const inkIsDark = dark <= gray.length / 2
  return { data: gray.map((v) => (v <= t === inkIsDark ? 1 : 0)), width: image.width, height: image.height }
}

function median3(mask: Mask): Mask {
  const { data, width, height } = mask
  const out = new Uint8Array(data.length)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let ink = 0
      for (let dy = -1; dy <= 1; dy++) {
        const yy = Math.min(height - 1, Math.max(0, y + dy))
        for (let dx = -1; dx <= 1; dx++) ink += data[yy * width + Math.min(width - 1, Math.max(0, x + dx))]!
      }
      out[y * width + x] = ink >= 5 ? 1 : 0
    }
  }
  return { data: out, width, height }
}

/** The ink mask a variant works on; undefined for the gray-level ones. */
export function variantMask(image: Rgba, variant: Exclude<Variant, 'raw' | 'gray'>): Mask {
  switch (variant) {
    case 'binary':
    case 'glyphs-binary':
      return binaryMask(image)
    case 'binary-median':
      return median3(binaryMask(image))
    case 'open1':
    case 'glyphs-open1':
      return open(binaryMask(image), 1)
    case 'open2':
    case 'glyphs-open':
      return open(binaryMask(image), 2)
    case 'close-open':
      return open(close(binaryMask(image), 1), 2)
    case 'cluster':
      return inkByColour(image)
    case 'cluster-open':
    case 'glyphs-cluster-open':
      return open(inkByColour(image), 2)
  }
}

export async function preprocess(png: Uint8Array, variant: LineVariant): Promise<Uint8Array> {
  if (variant === 'raw') return png
  const image = await loadScaled(png, UPSCALE)
  if (variant === 'gray') return grayPng(toGray(image), image.width, image.height)
  return maskPng(variantMask(image, variant))
}

/**
 * Tesseract reads a lone glyph best at about the served size (96% of plain glyphs, against 88% at 2×), so
 * each glyph goes back to 1× by averaging 2×2 blocks: black ink on white with grey edges.
 */
function halfSize(mask: Mask): Uint8Array {
  const width = mask.width >> 1
  const height = mask.height >> 1
  const gray = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = 2 * y * mask.width + 2 * x
      const ink = mask.data[i]! + mask.data[i + 1]! + mask.data[i + mask.width]! + mask.data[i + mask.width + 1]!
      gray[y * width + x] = 255 - Math.round((255 * ink) / 4)
    }
  }
  return grayPng(gray, width, height)
}

/** Each expected glyph as its own black-on-white PNG, left to right (fewer when the image has too little ink). */
export async function preprocessGlyphs(png: Uint8Array, variant: GlyphVariant, count: number): Promise<Uint8Array[]> {
  const image = await loadScaled(png, UPSCALE)
  const mask = variantMask(image, variant)
  const glyphs = segmentGlyphs(mask, { count, minArea: MIN_GLYPH_AREA })
  return glyphs.map((s) => halfSize(cropSegment(mask, s, GLYPH_PAD)))
}
