import type { RandomSource } from './random'

/** An opaque sRGB colour, channels 0–255. */
export interface Rgb {
  r: number
  g: number
  b: number
}

export function toCss({ r, g, b }: Rgb): string {
  return `rgb(${r},${g},${b})`
}

function toLinear(channel: number): number {
  const c = channel / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

/** Every 8-bit channel's linear value: a plan weighs ~100 colours, and the power dominated its time. */
const LINEAR = Float64Array.from({ length: 256 }, (_, c) => toLinear(c))

function linear(channel: number): number {
  return LINEAR[channel] ?? toLinear(channel)
}

/** WCAG 2.x relative luminance. */
export function relativeLuminance({ r, g, b }: Rgb): number {
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

function luminanceRatio(la: number, lb: number): number {
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}

/** WCAG 2.x contrast ratio, 1–21, symmetric in its arguments. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  return luminanceRatio(relativeLuminance(a), relativeLuminance(b))
}

/**
 * The darkest (or lightest) colour any mix of `colours` can produce. Anti-aliased edges and overlapping
 * texture blend background colours channel by channel, and such a blend can have a lower luminance than
 * each of its parts (red over green), so contrast is guaranteed against this bound, not the parts.
 */
export function channelBound(colours: readonly Rgb[], pick: 'min' | 'max'): Rgb {
  const f = pick === 'min' ? Math.min : Math.max
  return {
    r: f(...colours.map((c) => c.r)),
    g: f(...colours.map((c) => c.g)),
    b: f(...colours.map((c) => c.b))
  }
}

export interface ChannelRange {
  min: number
  max: number
}

export function randomColour(random: RandomSource, range: ChannelRange): Rgb {
  const span = range.max - range.min + 1
  return {
    r: range.min + random.int(span),
    g: range.min + random.int(span),
    b: range.min + random.int(span)
  }
}

/**
 * A random colour with at least `minContrast` against `against`. Rejection keeps the hue random; after a
 * few misses the last try is pulled towards black or white until it passes, so this always terminates.
 */
export function contrastingColour(
  random: RandomSource,
  range: ChannelRange,
  against: Rgb,
  minContrast: number,
  towards: 'dark' | 'light'
): Rgb {
  const background = relativeLuminance(against)
  let colour = randomColour(random, range)
  for (let attempt = 0; attempt < 8; attempt++) {
    if (luminanceRatio(relativeLuminance(colour), background) >= minContrast) return colour
    colour = randomColour(random, range)
  }
  const target = towards === 'dark' ? 0 : 255
  for (let t = 0.1; t <= 1.0001; t += 0.1) {
    const mixed = {
      r: Math.round(colour.r + (target - colour.r) * t),
      g: Math.round(colour.g + (target - colour.g) * t),
      b: Math.round(colour.b + (target - colour.b) * t)
    }
    if (luminanceRatio(relativeLuminance(mixed), background) >= minContrast) return mixed
  }
  // Only reachable when `against` itself is mid-grey and minContrast is unattainable.
  throw new RangeError(`no colour reaches contrast ${minContrast} against ${toCss(against)}`)
}
