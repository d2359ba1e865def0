import type { Messages, TextKey } from './i18n'
import { TEXT_ATTRIBUTES } from './i18n'

/**
 * Fills every static text of the page from the dictionary: data-i18n sets the text, data-i18n-<attr>
 * sets that attribute (one of TEXT_ATTRIBUTES). The source index.html holds no words of its own; the
 * build writes in the default language's (html-at-build.ts).
 */
export function applyTexts(root: ParentNode, t: Messages): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    setText(element, t[element.dataset['i18n'] as TextKey])
  }
  for (const attribute of TEXT_ATTRIBUTES) {
    for (const element of root.querySelectorAll<HTMLElement>(`[data-i18n-${attribute}]`)) {
      const value = t[element.getAttribute(`data-i18n-${attribute}`) as TextKey]
      if (element.getAttribute(attribute) !== value) element.setAttribute(attribute, value)
    }
  }
}

/**
 * Writes only a text that changed: the same words written again are new text nodes, which the browser
 * lays out and shapes again (on a cold start, as long as the first layout took).
 */
export function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text
}
