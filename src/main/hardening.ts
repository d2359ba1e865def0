import { app, session, type WebContents } from 'electron'
import type { Logger } from './core/log'
import { isTrustedSenderUrl } from './core/trusted-sender'

/** Denies every permission, and keeps every web contents on the app's own pages. */
export function hardenSessions(log: Logger, devServerUrl?: string): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('permission.denied', { permission })
    callback(false)
  })
  session.defaultSession.setPermissionCheckHandler(() => false)

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      log.warn('window-open.denied', { origin: originOf(url) })
      return { action: 'deny' }
    })
    const keepInside = (event: Electron.Event, url: string) => {
      if (isTrustedSenderUrl(url, devServerUrl)) return
      event.preventDefault()
      log.warn('navigation.denied', { origin: originOf(url) })
    }
    contents.on('will-navigate', keepInside)
    contents.on('will-redirect', keepInside)
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
}

function originOf(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return '(invalid)'
  }
}
