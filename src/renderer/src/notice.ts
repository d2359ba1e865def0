import type { AppInfo } from '../../shared/ipc-contract'
import type { Messages } from './i18n'

/**
 * What main had to do at start that the person must know: a damaged accounts file moved aside and replaced
 * by an empty one. Says what happened, what it means for them, and where the old file is kept.
 */
export function renderNotice(element: HTMLElement, t: Messages, info: AppInfo | null): void {
  const reset = info?.databaseReset
  element.hidden = !reset
  if (!reset) {
    element.replaceChildren()
    return
  }
  const title = document.createElement('h2')
  title.className = 'h6 alert-heading'
  title.textContent = t.databaseResetTitle
  const body = document.createElement('p')
  body.className = 'mb-1'
  body.textContent = t.databaseResetBody
  const path = document.createElement('code')
  path.className = 'notice-path'
  path.textContent = reset.movedTo
  element.replaceChildren(title, body, path)
}
