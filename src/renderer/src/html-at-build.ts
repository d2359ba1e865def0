// What the build does to index.html: the vite plugin in electron.vite.config.ts calls these.
import { TEXT_ATTRIBUTES } from './i18n'

/**
 * The build-time twin of applyTexts: writes one language's texts into index.html's data-i18n elements
 * and data-i18n-<attr> attributes, so the form paints labelled before any script runs or main answers.
 * The source HTML stays wordless; the dictionary stays the one place texts live.
 */
export function bakeTexts(html: string, texts: Readonly<Record<string, unknown>>): string {
  const text = (key: string): string => {
    const value = texts[key]
    if (typeof value !== 'string') throw new Error(`index.html names data-i18n key "${key}", which has no text`)
    return escapeHtml(value)
  }
  return (
    html
      // An empty element carrying data-i18n gets its text: <tag … data-i18n="key" …></tag>.
      .replace(/(<([a-z][a-z0-9]*)\b[^>]*\sdata-i18n="([^"]+)"[^>]*>)(<\/\2>)/g, (_, open: string, _tag, key: string, close: string) => {
        return `${open}${text(key)}${close}`
      })
      // data-i18n-aria-label="key" (or another of TEXT_ATTRIBUTES) gets the attribute it names beside it.
      .replace(
        new RegExp(`\\sdata-i18n-(${TEXT_ATTRIBUTES.join('|')})="([^"]+)"`, 'g'),
        (match, attribute: string, key: string) => `${match} ${attribute}="${text(key)}"`
      )
  )
}

const STYLESHEET_LINK = /<link rel="stylesheet" crossorigin href="\.\/(assets\/[^"]+\.css)">/g

/** The one stylesheet Vite linked from index.html, as the path inside the build ('assets/index-….css'). */
export function linkedStylesheet(html: string): string {
  const links = [...html.matchAll(STYLESHEET_LINK)]
  if (links.length !== 1) throw new Error(`index.html links ${links.length} stylesheets where one was expected`)
  return links[0]![1]!
}

/**
 * Puts the stylesheet inside index.html as a <style>, in place of its <link>. Linked, it was a second
 * request that Chromium starts only once the parser reaches it, and the first layout (which Chromium
 * forces at DOMContentLoaded) ran without it and was thrown away when it arrived; inline, the first layout
 * is the final one. Its url(./x) are relative to assets/, so they are rewritten against the document.
 * The CSP admits this exact text by its hash (setPolicy).
 */
export function inlineStylesheet(html: string, path: string, css: string): string {
  if (/<\/style/i.test(css)) throw new Error(`${path} contains "</style", which would end the inline <style> early`)
  const folder = path.slice(0, path.lastIndexOf('/') + 1)
  const rebased = css.replace(/url\((?:"([^"]*)"|'([^']*)'|([^)"']*))\)/g, (match, ...targets: Array<string | undefined>) => {
    const target = targets.slice(0, 3).find((value) => value !== undefined)!
    if (target.startsWith('data:')) return match
    if (!target.startsWith('./')) throw new Error(`${path} has url(${target}), which inlining cannot rebase (only ./file and data:)`)
    return `url(./${folder}${target.slice(2)})`
  })
  return html.replace(`<link rel="stylesheet" crossorigin href="./${path}">`, () => `<style>${rebased}</style>`)
}

/** Writes `policy` into index.html's CSP meta tag (the one the source holds). */
export function setPolicy(html: string, policy: string): string {
  const meta = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/
  if (!meta.test(html)) throw new Error('index.html has no Content-Security-Policy meta tag')
  return html.replace(meta, (_, before: string, after: string) => `${before}${policy}${after}`)
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
