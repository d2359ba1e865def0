import { GlobalFonts } from '@napi-rs/canvas'
import { basename, extname, resolve } from 'node:path'

/** Absolute font path → the family alias it was registered under. GlobalFonts is process-wide. */
const registered = new Map<string, string>()

/**
 * Registers each file once per process under its own family alias and returns the aliases in order.
 * An alias per file (rather than the font's own family name) lets two faces of one family, say Sans Bold
 * and Sans Mono Bold, be picked independently, and keeps system fonts with the same name out of the way.
 */
export function registerFonts(paths: readonly string[]): string[] {
  if (paths.length === 0) throw new RangeError('captcha needs at least one font file')
  return paths.map((path) => {
    const absolute = resolve(path)
    const known = registered.get(absolute)
    if (known !== undefined) return known
    const family = `captcha-${registered.size}-${basename(absolute, extname(absolute))}`
    if (GlobalFonts.registerFromPath(absolute, family) === null) {
      throw new Error(`captcha cannot load font file ${absolute}`)
    }
    registered.set(absolute, family)
    return family
  })
}

/** CSS font shorthand for a registered alias; quoted because aliases contain digits and dashes. */
export function cssFont(family: string, sizePx: number): string {
  return `${sizePx.toFixed(2)}px "${family}"`
}
