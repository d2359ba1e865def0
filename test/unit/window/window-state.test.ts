import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LOGIN_WINDOW, restoreBounds, type Rect } from '../../../src/main/core/window/window-state'

const primary: Rect = { x: 0, y: 0, width: 1920, height: 1040 }
const right: Rect = { x: 1920, y: 0, width: 1280, height: 984 }
const size = { width: LOGIN_WINDOW.width, height: LOGIN_WINDOW.height }

describe('restoreBounds', () => {
  it('sizes the window to the form when nothing usable was saved', () => {
    for (const saved of [undefined, null, 'x', {}, { x: 1, y: 2, width: 'wide', height: 3 }, { x: NaN, y: 0, width: 500, height: 600 }]) {
      expect(restoreBounds(saved, [primary])).toEqual(size)
    }
  })

  it('keeps a saved place that is on a display', () => {
    expect(restoreBounds({ x: 100, y: 120, width: 500, height: 700 }, [primary])).toEqual({ x: 100, y: 120, width: 500, height: 700 })
    expect(restoreBounds({ x: 2000, y: 50, width: 480, height: 640 }, [primary, right])).toEqual({
      x: 2000,
      y: 50,
      width: 480,
      height: 640
    })
  })

  it('falls back to a centred default when the display it was on is gone', () => {
    expect(restoreBounds({ x: 2000, y: 50, width: 480, height: 640 }, [primary])).toEqual(size)
    expect(restoreBounds({ x: 100, y: -5000, width: 480, height: 640 }, [primary])).toEqual(size)
  })

  it('raises a size below the minimum and shrinks one larger than the display', () => {
    expect(restoreBounds({ x: 10, y: 10, width: 100, height: 100 }, [primary])).toMatchObject({
      width: LOGIN_WINDOW.minWidth,
      height: LOGIN_WINDOW.minHeight
    })
    expect(restoreBounds({ x: 10, y: 10, width: 5000, height: 5000 }, [primary])).toEqual({ x: 0, y: 0, width: 1920, height: 1040 })
  })

  it('pulls a window hanging off the edge fully onto its display', () => {
    expect(restoreBounds({ x: 1800, y: 900, width: 480, height: 640 }, [primary])).toEqual({ x: 1440, y: 400, width: 480, height: 640 })
  })

  it('always returns a window inside one display and at least the minimum size (property)', () => {
    const int = fc.integer({ min: -10_000, max: 10_000 })
    fc.assert(
      fc.property(int, int, fc.integer({ min: 1, max: 8000 }), fc.integer({ min: 1, max: 8000 }), (x, y, width, height) => {
        const bounds = restoreBounds({ x, y, width, height }, [primary, right])
        expect(bounds.width).toBeGreaterThanOrEqual(LOGIN_WINDOW.minWidth)
        expect(bounds.height).toBeGreaterThanOrEqual(LOGIN_WINDOW.minHeight)
        if (!('x' in bounds)) return
        const inside = [primary, right].some(
          (d) =>
            bounds.x >= d.x && bounds.y >= d.y && bounds.x + bounds.width <= d.x + d.width && bounds.y + bounds.height <= d.y + d.height
        )
        expect(inside).toBe(true)
      })
    )
  })
})
