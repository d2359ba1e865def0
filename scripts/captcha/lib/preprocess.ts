import { createCanvas, loadImage } from '@napi-rs/canvas'
import { encodePng } from '../../../src/main/core/captcha/png'

/** What an attacker does to an image before OCR. `raw` is the image as served. */
export type Variant = 'raw' | 'gray' | 'binary' | 'binary-median'
export const VARIANTS: readonly Variant[] = ['raw', 'gray', 'binary', 'binary-median']

/**
 * Tesseract reads text best at 20–40 px x-height; the images are 40 px tall, so every preprocessed variant
 * is also upscaled, as any attacker would do.
 */
const UPSCALE = 2

/** Rec. 601 luma, as Pillow's convert('L'). */
function toGray(rgba: Uint8ClampedArray, count: number): Uint8Array {
  const gray = new Uint8Array(count)
  for (let i = 0; i < count; i++) {
    gray[i] = Math.round(0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!)
  }
  return gray
}

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

/** Black text on white whichever way round the image was: the minority side of the threshold is ink. */
function binarise(gray: Uint8Array): Uint8Array {
  const t = otsuThreshold(gray)
  let dark = 0
  for (const v of gray) if (v <= t) dark++
  const inkIsDark = dark <= gray.length / 2
  return gray.map((v) => ((v <= t) === inkIsDark ? 0 : 255))
}

function median3(src: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(src.length)
  const window: number[] = []
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      window.length = 0
      for (let dy = -1; dy <= 1; dy++) {
        const yy = Math.min(height - 1, Math.max(0, y + dy))
        for (let dx = -1; dx <= 1; dx++) {
          const xx = Math.min(width - 1, Math.max(0, x + dx))
          window.push(src[yy * width + xx]!)
        }
      }
      window.sort((a, b) => a - b)
      out[y * width + x] = window[4]!
    }
  }
  return out
}

export async function preprocess(png: Uint8Array, variant: Variant): Promise<Uint8Array> {
  if (variant === 'raw') return png
  const image = await loadImage(Buffer.from(png))
  const width = image.width * UPSCALE
  const height = image.height * UPSCALE
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, width, height)
  ctx.imageSmoothingQuality = 'high'
  ctx.drawImage(image, 0, 0, width, height)
  let gray = toGray(ctx.getImageData(0, 0, width, height).data, width * height)
  if (variant === 'binary' || variant === 'binary-median') gray = binarise(gray)
  if (variant === 'binary-median') gray = median3(gray, width, height)
  const rgba = new Uint8Array(width * height * 4)
  for (let i = 0; i < gray.length; i++) {
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = gray[i]!
    rgba[i * 4 + 3] = 255
  }
  return encodePng(rgba, width, height)
}
