import type { WarpPlan } from './plan'

/**
 * Per pixel column: the upper source row's offset from the destination row, and the lower source row's
 * weight in 1/256ths. Integer weights keep the inner loops free of float-to-byte conversions.
 */
export interface ColumnShifts {
  rowOffset: Int32Array
  weight: Int32Array
  /** Extremes of rowOffset, so callers can tell which rows never reach past an edge. */
  minOffset: number
  maxOffset: number
}

/** The vertical sine displacement of each device-pixel column; null when the plan has no warp. */
export function columnShifts(warp: WarpPlan, width: number, scaleX: number, scaleY: number): ColumnShifts | null {
  if (warp.amplitude === 0) return null
  const rowOffset = new Int32Array(width)
  const weight = new Int32Array(width)
  let minOffset = 0
  let maxOffset = 0
  for (let x = 0; x < width; x++) {
    const cssX = (x + 0.5) / scaleX
    const source = -warp.amplitude * scaleY * Math.sin((2 * Math.PI * cssX) / warp.wavelength + warp.phase)
    const whole = Math.floor(source)
    rowOffset[x] = whole
    weight[x] = Math.round((source - whole) * 256)
    minOffset = Math.min(minOffset, whole)
    maxOffset = Math.max(maxOffset, whole)
  }
  return { rowOffset, weight, minOffset, maxOffset }
}

/**
 * Shifts every pixel column vertically, interpolating between the two nearest source rows. Done on the
 * read-back pixels because Skia has no non-affine transform, and a strip-by-strip drawImage warp cost
 * several times more. Rows beyond the edge repeat the edge row, which is background: the layout keeps
 * glyphs `amplitude` px away from the edges. The PNG encoder applies the same shifts while filtering rows
 * (see scanlines), so the app makes one pass; this standalone form serves tests and tools.
 */
export function warpRows(src: Uint8Array, width: number, height: number, warp: WarpPlan, scaleX: number, scaleY: number): Uint8Array {
  const shifts = columnShifts(warp, width, scaleX, scaleY)
  if (shifts === null) return src
  const out = new Uint8Array(src.length)
  const rowBytes = width * 4
  const lastRow = height - 1
  let i = 0
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i += 4) {
      let y0 = y + shifts.rowOffset[x]!
      let y1 = y0 + 1
      y0 = y0 < 0 ? 0 : y0 > lastRow ? lastRow : y0
      y1 = y1 < 0 ? 0 : y1 > lastRow ? lastRow : y1
      const a = y0 * rowBytes + x * 4
      const b = y1 * rowBytes + x * 4
      const wb = shifts.weight[x]!
      const wa = 256 - wb
      out[i] = (src[a]! * wa + src[b]! * wb + 128) >> 8
      out[i + 1] = (src[a + 1]! * wa + src[b + 1]! * wb + 128) >> 8
      out[i + 2] = (src[a + 2]! * wa + src[b + 2]! * wb + 128) >> 8
      out[i + 3] = (src[a + 3]! * wa + src[b + 3]! * wb + 128) >> 8
    }
  }
  return out
}
