import { Resvg } from '@resvg/resvg-js'
import svgCaptcha from 'svg-captcha'

/**
 * svg-captcha as people deploy it, sized like ours (270×40, 5 characters) with two noise lines. Its
 * colour mode picks pale colours that are hard for people to read, so the default grey mode is used,
 * rasterised onto white so the PNG is opaque. The SVG draws glyphs as paths, so resvg needs no fonts;
 * system font loading is off because it only costs time.
 */
export const SVG_CAPTCHA_OPTIONS = { size: 5, width: 270, height: 40, fontSize: 40, noise: 2 } as const

export const SVG_CAPTCHA_CHARSET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'

export function svgCaptchaPng(): { text: string; png: Buffer } {
  const captcha = svgCaptcha.create({ ...SVG_CAPTCHA_OPTIONS })
  const png = new Resvg(captcha.data, { background: '#ffffff', font: { loadSystemFonts: false } }).render().asPng()
  return { text: captcha.text, png }
}
