import { join } from 'node:path'

/** The faces shipped in resources/fonts (DejaVu, Bitstream Vera licence; see the LICENSE file there). */
export const BUNDLED_FONT_NAMES = ['DejaVuSansMono-Bold.ttf', 'DejaVuSerif-Bold.ttf'] as const

/** Paths of the shipped fonts, given the folder that holds `resources/` contents (see resolveResourcesDir). */
export function bundledFontFiles(resourcesDir: string): string[] {
  return BUNDLED_FONT_NAMES.map((name) => join(resourcesDir, 'fonts', name))
}
