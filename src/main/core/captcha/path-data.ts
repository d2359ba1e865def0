import type { Cubic } from './bezier'
import { cubicBend, cubicOfQuadratic, cubicPoints } from './bezier'
import type { Contour } from './fill'

/** Curves are cut into chords that stray at most this far from them, in the path's units. */
const TOLERANCE = 0.05
const MAX_CHORDS = 64

/**
 * SVG path data of absolute M, L, Q, C and Z commands (what Skia's SVG canvas writes for a glyph) →
 * closed polygons, curves flattened into chords. Anything else is refused rather than drawn wrong.
 */
export function contoursOf(data: string): Contour[] {
  const tokens = data.match(/[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? []
  const contours: Contour[] = []
  let points: number[] = []
  let x = 0
  let y = 0
  let i = 0
  const number = (): number => {
    const token = tokens[i++]
    const value = Number(token)
    if (token === undefined || !Number.isFinite(value)) throw new SyntaxError(`path data: expected a number, got ${token ?? 'the end'}`)
    return value
  }
  const close = (): void => {
    if (points.length >= 6) contours.push(Float64Array.from(points))
    points = []
  }
  const curveTo = (curve: Cubic): void => {
    const chords = Math.min(MAX_CHORDS, Math.max(1, Math.ceil(Math.sqrt(cubicBend(curve) / TOLERANCE))))
    const along = cubicPoints(curve, chords)
    for (let k = 2; k < along.length; k++) points.push(along[k]!)
    x = curve[6]
    y = curve[7]
  }
  let command = ''
  while (i < tokens.length) {
    if (/^[A-Za-z]$/.test(tokens[i]!)) command = tokens[i++]!
    switch (command) {
      case 'M':
        close()
        x = number()
        y = number()
        points.push(x, y)
        command = 'L' // further pairs after M are lines
        break
      case 'L':
        x = number()
        y = number()
        points.push(x, y)
        break
      case 'Q':
        curveTo(cubicOfQuadratic(x, y, number(), number(), number(), number()))
        break
      case 'C':
        curveTo([x, y, number(), number(), number(), number(), number(), number()])
        break
      case 'Z':
      case 'z':
        close()
        command = '' // Z takes no numbers
        break
      default:
        throw new SyntaxError(`path data: unsupported command ${JSON.stringify(command || tokens[i])}`)
    }
  }
  close()
  return contours
}
