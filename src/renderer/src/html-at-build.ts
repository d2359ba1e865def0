// What the build does to index.html: the vite plugin in electron.vite.config.ts calls these.

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
      // data-i18n-aria-label="key" (title, alt) gets the attribute it names beside it.
      .replace(
        /\sdata-i18n-(aria-label|title|alt)="([^"]+)"/g,
        (match, attribute: string, key: string) => `${match} ${attribute}="${text(key)}"`
      )
  )
}

/**
 * Marks the entry script async. A deferred (plain module) script waits for the stylesheet, so the page
 * would ask main for nothing until the CSS had arrived and been parsed; async, the requests go out as soon
 * as the script arrives, and main answers while the page does its first layout. main.ts waits for the
 * document itself when it arrives first.
 */
export function runEntryOnArrival(html: string): string {
  const entries = html.match(/<script type="module" crossorigin src=/g)?.length ?? 0
  if (entries !== 1) throw new Error(`index.html has ${entries} module entry scripts where one was expected`)
  return html.replace('<script type="module" crossorigin src=', '<script type="module" async crossorigin src=')
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
