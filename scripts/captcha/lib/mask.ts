import { createCanvas, loadImage } from '@napi-rs/canvas'
import { encodePng } from '../../../src/main/core/captcha/png'

/** Straight RGBA pixels. */
export interface Rgba {
  data: Uint8ClampedArray | Uint8Array
  width: number
  height: number
}

/** One byte per pixel, 1 = ink, 0 = background. */
export interface Mask {
  data: Uint8Array
  width: number
  height: number
}

export function emptyMask(width: number, height: number): Mask {
  return { data: new Uint8Array(width * height), width, height }
}

/** Decodes a PNG onto white and scales it by `factor` with high-quality smoothing, as an attacker would. */
export async function loadScaled(png: Uint8Array, factor: number): Promise<Rgba> {
  const image = await loadImage(Buffer.from(png))
  const width = Math.round(image.width * factor)
  const height = Math.round(image.height * factor)
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, width, height)
  ctx.imageSmoothingQuality = 'high'
  ctx.drawImage(image, 0, 0, width, height)
  return { data: ctx.getImageData(0, 0, width, height).data, width, height }
}

/** Rec. 601 luma, as Pillow's convert('L'). */
export function toGray(image: Rgba): Uint8Array {
  const count = image.width * image.height
  const rgba = image.data
  const gray = new Uint8Array(count)
  for (let i = 0; i < count; i++) {
    gray[i] = Math.round(0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!)
  }
  return gray
}

/** Black ink on white, 8-bit gray, as a PNG for tesseract. */
export function grayPng(gray: Uint8Array, width: number, height: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4)
  for (let i = 0; i < gray.length; i++) {
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = gray[i]!
    rgba[i * 4 + 3] = 255
  }
  return encodePng(rgba, width, height)
}

export function maskPng(mask: Mask): Uint8Array {
  return grayPng(
    mask.data.map((v) => (v === 0 ? 255 : 0)),
    mask.width,
    mask.height
  )
}

export function inkCount(mask: Mask): number {
  let n = 0
  for (const v of mask.data) n += v
  return n
}
