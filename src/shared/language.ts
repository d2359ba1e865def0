import { LANGUAGES, type Language } from './ipc-contract'

/**
 * The window's language: the person's own choice first, else the first system locale we speak
 * (any zh-* counts as Chinese, any en-* as English), else Chinese, the default.
 */
export function pickLanguage(saved: Language | null, systemLocales: readonly string[]): Language {
  if (saved) return saved
  for (const locale of systemLocales) {
    const primary = locale.toLowerCase().split(/[-_]/)[0]
    const match = LANGUAGES.find((language) => language.toLowerCase().split('-')[0] === primary)
    if (match) return match
  }
  return 'zh-CN'
}
