import type { Mask } from './mask'
import { emptyMask } from './mask'

export interface Component {
  /** Pixel indices (y · width + x). */
  pixels: number[]
  left: number
  right: number
  top: number
  bottom: number
}

/** 8-connected components of the ink, in no particular order. */
export function components(mask: Mask): Component[] {
  const { data, width, height } = mask
  const seen = new Uint8Array(data.length)
  const out: Component[] = []
  const stack: number[] = []
  for (let start = 0; start < data.length; start++) {
    if (data[start] === 0 || seen[start] === 1) continue
    const c: Component = { pixels: [], left: width, right: -1, top: height, bottom: -1 }
    seen[start] = 1
    stack.push(start)
    while (stack.length > 0) {
      const i = stack.pop()!
      const x = i % width
      const y = (i - x) / width
      c.pixels.push(i)
      c.left = Math.min(c.left, x)
      c.right = Math.max(c.right, x)
      c.top = Math.min(c.top, y)
      c.bottom = Math.max(c.bottom, y)
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx
          const yy = y + dy
          if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue
          const j = yy * width + xx
          if (data[j] === 1 && seen[j] === 0) {
            seen[j] = 1
            stack.push(j)
          }
        }
      }
    }
    out.push(c)
  }
  return out
}

/** A glyph candidate: some components' pixels, limited to a column range. */
export interface Segment {
  pixels: number[]
  left: number
  right: number
}

function merge(a: Segment, b: Segment): Segment {
  return { pixels: [...a.pixels, ...b.pixels], left: Math.min(a.left, b.left), right: Math.max(a.right, b.right) }
}

function widthOf(s: Segment): number {
  return s.right - s.left + 1
}

/** Splits at the emptiest column of the middle half (column projection), the usual cut between touching glyphs. */
function split(s: Segment, width: number, parts: number): Segment[] {
  const w = widthOf(s)
  const profile = new Array<number>(w).fill(0)
  for (const i of s.pixels) profile[(i % width) - s.left]!++
  const target = Math.round(w / parts)
  const from = Math.max(1, Math.round(target * 0.6))
  const to = Math.min(w - 2, Math.round(target * 1.4))
  let cut = target
  for (let x = from; x <= to; x++) if (profile[x]! < profile[cut]!) cut = x
  const at = s.left + cut
  const left: Segment = { pixels: s.pixels.filter((i) => i % width < at), left: s.left, right: at - 1 }
  const right: Segment = { pixels: s.pixels.filter((i) => i % width >= at), left: at, right: s.right }
  return parts > 2 ? [left, ...split(right, width, parts - 1)] : [left, right]
}

export interface SegmentOptions {
  /** How many glyphs the attacker expects (the preset's length is public). */
  count: number
  /** Components with fewer pixels are specks. */
  minArea: number
}

/**
 * Glyph segmentation: connected components, specks dropped, pieces recombined (components whose column
 * ranges overlap by half the narrower one are one glyph broken apart), then merged or split by column
 * projection until there are `count`, ordered left to right.
 */
export function segmentGlyphs(mask: Mask, options: SegmentOptions): Segment[] {
  const { width } = mask
  const segs: Segment[] = components(mask)
    .filter((c) => c.pixels.length >= options.minArea)
    .map((c) => ({ pixels: c.pixels, left: c.left, right: c.right }))
    .sort((a, b) => a.left + a.right - b.left - b.right)
  if (segs.length === 0) return []
  for (let i = 0; i + 1 < segs.length;) {
    const a = segs[i]!
    const b = segs[i + 1]!
    const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) + 1
    if (overlap >= 0.5 * Math.min(widthOf(a), widthOf(b))) segs.splice(i, 2, merge(a, b))
    else i++
  }
  while (segs.length > options.count) {
    // Merge the adjacent pair that makes the narrowest glyph: small stray pieces join their neighbour.
    let best = 0
    for (let i = 1; i + 1 < segs.length; i++) {
      const w = Math.max(segs[i + 1]!.right, segs[i]!.right) - Math.min(segs[i]!.left, segs[i + 1]!.left)
      const bw = Math.max(segs[best + 1]!.right, segs[best]!.right) - Math.min(segs[best]!.left, segs[best + 1]!.left)
      if (w < bw) best = i
    }
    segs.splice(best, 2, merge(segs[best]!, segs[best + 1]!))
  }
  while (segs.length < options.count) {
    // Split the widest, into as many parts as its width suggests, but never beyond the count.
    let widest = 0
    segs.forEach((s, i) => {
      if (widthOf(s) > widthOf(segs[widest]!)) widest = i
    })
    const s = segs[widest]!
    if (widthOf(s) < 4) break
    const typical = segs.reduce((sum, x) => sum + widthOf(x), 0) / options.count
    const parts = Math.min(options.count - segs.length + 1, Math.max(2, Math.round(widthOf(s) / typical)))
    segs.splice(widest, 1, ...split(s, width, parts))
  }
  return segs
}

/** One glyph alone on a fresh mask, cropped to its ink with `pad` pixels around. */
export function cropSegment(mask: Mask, segment: Segment, pad: number): Mask {
  const { width } = mask
  let top = Infinity
  let bottom = -1
  for (const i of segment.pixels) {
    const y = Math.floor(i / width)
    top = Math.min(top, y)
    bottom = Math.max(bottom, y)
  }
  if (bottom < 0) return emptyMask(2 * pad + 1, 2 * pad + 1)
  const out = emptyMask(widthOf(segment) + 2 * pad, bottom - top + 1 + 2 * pad)
  for (const i of segment.pixels) {
    const x = (i % width) - segment.left + pad
    const y = Math.floor(i / width) - top + pad
    out.data[y * out.width + x] = 1
  }
  return out
}
