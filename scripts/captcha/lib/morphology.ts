import type { Mask } from './mask'

/**
 * Binary morphology with a (2r+1)² square, done as two 1-D passes (a square is separable). Pixels outside
 * the image count as background, so ink touching the edge erodes like any other.
 */
function pass(src: Mask, radius: number, horizontal: boolean, grow: boolean): Mask {
  const { width, height } = src
  const out = new Uint8Array(src.data.length)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let hit = grow ? 0 : 1
      for (let d = -radius; d <= radius; d++) {
        const xx = horizontal ? x + d : x
        const yy = horizontal ? y : y + d
        const inside = xx >= 0 && xx < width && yy >= 0 && yy < height
        const v = inside ? src.data[yy * width + xx]! : 0
        if (grow && v === 1) {
          hit = 1
          break
        }
        if (!grow && v === 0) {
          hit = 0
          break
        }
      }
      out[y * width + x] = hit
    }
  }
  return { data: out, width, height }
}

export function erode(mask: Mask, radius: number): Mask {
  return radius <= 0 ? mask : pass(pass(mask, radius, true, false), radius, false, false)
}

export function dilate(mask: Mask, radius: number): Mask {
  return radius <= 0 ? mask : pass(pass(mask, radius, true, true), radius, false, true)
}

/** Erode then dilate: strokes thinner than 2r+1 px and specks vanish, thicker shapes keep their outline. */
export function open(mask: Mask, radius: number): Mask {
  return dilate(erode(mask, radius), radius)
}

/** Dilate then erode: fills gaps and holes narrower than 2r+1 px, such as a glyph cut by a background-coloured line. */
export function close(mask: Mask, radius: number): Mask {
  return erode(dilate(mask, radius), radius)
}
