/** A cubic Bézier curve: x0, y0, then the two control points, then the end point. */
export type Cubic = readonly [number, number, number, number, number, number, number, number]

/** The quadratic from (x0, y0) through control (cx, cy) to (x1, y1), as the identical cubic. */
export function cubicOfQuadratic(x0: number, y0: number, cx: number, cy: number, x1: number, y1: number): Cubic {
  return [x0, y0, x0 + (2 / 3) * (cx - x0), y0 + (2 / 3) * (cy - y0), x1 + (2 / 3) * (cx - x1), y1 + (2 / 3) * (cy - y1), x1, y1]
}

/** The curve at t = 0, 1/n, …, 1, as n + 1 x,y pairs. */
export function cubicPoints([x0, y0, x1, y1, x2, y2, x3, y3]: Cubic, n: number): Float64Array {
  const out = new Float64Array(2 * (n + 1))
  for (let s = 0; s <= n; s++) {
    const t = s / n
    const u = 1 - t
    const a = u * u * u
    const b = 3 * u * u * t
    const c = 3 * u * t * t
    const d = t * t * t
    out[2 * s] = a * x0 + b * x1 + c * x2 + d * x3
    out[2 * s + 1] = a * y0 + b * y1 + c * y2 + d * y3
  }
  return out
}

/** How far the curve strays from the chords of {@link cubicPoints} with n segments is at most this times 1/n². */
export function cubicBend([x0, y0, x1, y1, x2, y2, x3, y3]: Cubic): number {
  return (3 / 4) * Math.max(Math.hypot(x0 - 2 * x1 + x2, y0 - 2 * y1 + y2), Math.hypot(x1 - 2 * x2 + x3, y1 - 2 * y2 + y3))
}
