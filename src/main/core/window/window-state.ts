import { z } from 'zod'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowSizing {
  /** Used when nothing usable was saved: sized to the form. */
  width: number
  height: number
  minWidth: number
  minHeight: number
}

/** The login form's size: room for the 270 px captcha beside its input, and the footer. */
export const LOGIN_WINDOW: WindowSizing = { width: 480, height: 680, minWidth: 400, minHeight: 560 }

// A saved file is read back as untrusted: finite integers, or nothing.
const savedSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive()
})

/** How much of the title bar must stay on a display for the window to count as reachable. */
const MIN_VISIBLE = 64

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  }
}

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, value))

/**
 * Where to open the window, from what was saved last time and the work areas of the displays now
 * attached. Returns only a size (the system centres it) when nothing was saved, the file is damaged,
 * or the saved place is no longer on any display (a monitor was unplugged). A saved size is kept
 * within the minimum and the display it lands on, and the window is moved fully onto that display.
 */
export function restoreBounds(
  saved: unknown,
  displays: readonly Rect[],
  sizing: WindowSizing = LOGIN_WINDOW
): { width: number; height: number } | Rect {
  const fallback = { width: sizing.width, height: sizing.height }
  const parsed = savedSchema.safeParse(saved)
  if (!parsed.success) return fallback
  const bounds = parsed.data
  const titleBar: Rect = { x: bounds.x, y: bounds.y, width: bounds.width, height: Math.min(bounds.height, 32) }
  const home = displays.find((area) => {
    const visible = overlap(titleBar, area)
    return visible.width >= Math.min(MIN_VISIBLE, bounds.width) && visible.height > 0
  })
  if (!home) return fallback
  const width = clamp(bounds.width, sizing.minWidth, Math.max(sizing.minWidth, home.width))
  const height = clamp(bounds.height, sizing.minHeight, Math.max(sizing.minHeight, home.height))
  return {
    x: clamp(bounds.x, home.x, home.x + home.width - width),
    y: clamp(bounds.y, home.y, home.y + home.height - height),
    width,
    height
  }
}
