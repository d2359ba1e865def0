import type { Messages, TextKey } from './i18n'

/**
 * Fills every static text of the page from the dictionary: data-i18n sets the text, data-i18n-<attr>
 * sets that attribute (aria-label, title, alt). index.html holds no words of its own.
 */
export function applyTexts(root: ParentNode, t: Messages): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    element.textContent = t[element.dataset['i18n'] as TextKey]
  }
  for (const attribute of ['aria-label', 'title', 'alt']) {
    for (const element of root.querySelectorAll<HTMLElement>(`[data-i18n-${attribute}]`)) {
      element.setAttribute(attribute, t[element.getAttribute(`data-i18n-${attribute}`) as TextKey])
    }
  }
}
