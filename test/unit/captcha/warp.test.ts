import { describe, expect, it } from 'vitest'
import type { WarpPlan } from '../../../src/main/core/captcha/plan'
import { warpOffset, warpReach, warpSlope } from '../../../src/main/core/captcha/warp'

const WAVES: WarpPlan[] = [
  { amplitude: 2, wavelength: 90, phase: 0.3 },
  { amplitude: 3, wavelength: 180, phase: 4 },
  { amplitude: 10, wavelength: 60, phase: 1 }
]

describe('the warp wave', () => {
  it.each(WAVES)('moves content by at most its amplitude, and its slope is the rate of that move (%o)', (warp) => {
    for (let x = 0; x <= 270; x += 0.5) {
      expect(Math.abs(warpOffset(warp, x))).toBeLessThanOrEqual(warp.amplitude + 1e-12)
      const h = 1e-4
      const rate = (warpOffset(warp, x + h) - warpOffset(warp, x - h)) / (2 * h)
      expect(warpSlope(warp, x)).toBeCloseTo(rate, 6)
    }
  })

  it.each(WAVES)('bounds how far a tilted glyph box can move anywhere on the wave (%o)', (warp) => {
    for (const halfWidth of [0, 5, 15, 40]) {
      let furthest = 0
      for (let cx = 0; cx <= 270; cx += 0.25) {
        // A box corner halfWidth from the centre moves by the offset there plus the tilt over halfWidth.
        furthest = Math.max(furthest, Math.abs(warpOffset(warp, cx)) + Math.abs(warpSlope(warp, cx)) * halfWidth)
      }
      expect(furthest).toBeLessThanOrEqual(warpReach(warp, halfWidth) + 1e-9)
      // And the bound is tight: some centre comes within 1 % of it.
      expect(furthest).toBeGreaterThan(0.99 * warpReach(warp, halfWidth))
    }
  })

  it('does nothing with no amplitude', () => {
    const flat = { amplitude: 0, wavelength: 270, phase: 1 }
    expect([warpOffset(flat, 50), warpSlope(flat, 50), warpReach(flat, 20)].map(Math.abs)).toEqual([0, 0, 0])
  })
})
