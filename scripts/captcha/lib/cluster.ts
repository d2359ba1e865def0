import { contrastRatio } from '../../../src/main/core/captcha/colour'
import type { Mask, Rgba } from './mask'

export interface Clusters {
  /** Cluster centres, RGB. */
  centres: [number, number, number][]
  /** Cluster index per pixel. */
  labels: Uint8Array
}

const ITERATIONS = 12

function distance2(data: ArrayLike<number>, i: number, c: readonly number[]): number {
  const dr = data[i * 4]! - c[0]!
  const dg = data[i * 4 + 1]! - c[1]!
  const db = data[i * 4 + 2]! - c[2]!
  return dr * dr + dg * dg + db * db
}

/**
 * K-means in RGB. Deterministic farthest-point start: the first centre is the mean of the border (almost
 * always background), each next one the pixel farthest from every centre so far, so a small ink cluster
 * gets its own centre instead of being averaged into the background.
 */
export function kmeans(image: Rgba, k: number): Clusters {
  const { data, width, height } = image
  const count = width * height
  const border: number[] = [0, 0, 0]
  let borderCount = 0
  for (let i = 0; i < count; i++) {
    const x = i % width
    const y = (i - x) / width
    if (x !== 0 && y !== 0 && x !== width - 1 && y !== height - 1) continue
    for (let c = 0; c < 3; c++) border[c]! += data[i * 4 + c]!
    borderCount++
  }
  const centres: [number, number, number][] = [[border[0]! / borderCount, border[1]! / borderCount, border[2]! / borderCount]]
  const nearest = new Float64Array(count).fill(Infinity)
  while (centres.length < k) {
    let far = 0
    for (let i = 0; i < count; i++) {
      nearest[i] = Math.min(nearest[i]!, distance2(data, i, centres[centres.length - 1]!))
      if (nearest[i]! > nearest[far]!) far = i
    }
    centres.push([data[far * 4]!, data[far * 4 + 1]!, data[far * 4 + 2]!])
  }
  const labels = new Uint8Array(count)
  for (let round = 0; round < ITERATIONS; round++) {
    const sums = centres.map(() => [0, 0, 0, 0])
    for (let i = 0; i < count; i++) {
      let best = 0
      let bestD = Infinity
      for (let c = 0; c < centres.length; c++) {
        const d = distance2(data, i, centres[c]!)
        if (d < bestD) {
          bestD = d
          best = c
        }
      }
      labels[i] = best
      const s = sums[best]!
      s[0]! += data[i * 4]!
      s[1]! += data[i * 4 + 1]!
      s[2]! += data[i * 4 + 2]!
      s[3]!++
    }
    sums.forEach((s, c) => {
      if (s[3]! > 0) centres[c] = [s[0]! / s[3]!, s[1]! / s[3]!, s[2]! / s[3]!]
    })
  }
  return { centres, labels }
}

/** Contrast between the background cluster and a cluster above which that cluster counts as ink. */
const INK_CONTRAST = 2

/**
 * Ink versus background by colour: the cluster holding most border pixels is background, and every cluster
 * whose centre contrasts with it by at least 2:1 is ink. Texture blotches (background-range colours) stay out.
 */
export function inkByColour(image: Rgba, k = 4): Mask {
  const { width, height } = image
  const { centres, labels } = kmeans(image, k)
  const borderVotes = new Array<number>(centres.length).fill(0)
  for (let x = 0; x < width; x++) {
    borderVotes[labels[x]!]!++
    borderVotes[labels[(height - 1) * width + x]!]!++
  }
  for (let y = 0; y < height; y++) {
    borderVotes[labels[y * width]!]!++
    borderVotes[labels[y * width + width - 1]!]!++
  }
  const background = borderVotes.indexOf(Math.max(...borderVotes))
  const rgb = (c: readonly number[]): { r: number; g: number; b: number } => ({ r: c[0]!, g: c[1]!, b: c[2]! })
  const ink = centres.map((c) => contrastRatio(rgb(c), rgb(centres[background]!)) >= INK_CONTRAST)
  return { data: labels.map((l) => (ink[l]! ? 1 : 0)), width, height }
}
