import type { WarpPlan } from './plan'

/**
 * The warp is a vertical sine wave that the whole image follows, applied to geometry before drawing:
 * the noise's centrelines and specks move point by point, and each glyph rides the wave on its tangent
 * (moved by the offset at its centre, tilted by the slope there), which Skia draws as part of the
 * glyph's transform for free. Warping the drawn pixels instead, two rows blended per pixel, had cost a
 * sixth of the captcha's time.
 */

/** How far the warp moves content at CSS x, downwards, in CSS px. */
export function warpOffset(warp: WarpPlan, x: number): number {
  return warp.amplitude * Math.sin((2 * Math.PI * x) / warp.wavelength + warp.phase)
}

/** The wave's slope at CSS x: how much a glyph centred there is tilted (dy per dx). */
export function warpSlope(warp: WarpPlan, x: number): number {
  return ((warp.amplitude * 2 * Math.PI) / warp.wavelength) * Math.cos((2 * Math.PI * x) / warp.wavelength + warp.phase)
}

/**
 * The furthest a glyph box of half-width `halfWidth` can move vertically anywhere on the wave: offset
 * plus tilt, |A·sin θ| + |A·k·cos θ|·halfWidth, is at most A·√(1 + (k·halfWidth)²) with k = 2π/wavelength.
 */
export function warpReach(warp: WarpPlan, halfWidth: number): number {
  return warp.amplitude * Math.hypot(1, (2 * Math.PI * halfWidth) / warp.wavelength)
}
