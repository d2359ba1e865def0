import { app, session, type Session, type WebContents } from 'electron'
import type { Logger } from '../core/log'
import { isTrustedSenderUrl, originOf } from '../core/app-origin/trusted-sender'

/**
 * Denies every permission in every session, and keeps every web contents on the app's own pages.
 * Call before the first window exists: listeners added later would miss it.
 */
export function hardenSessions(log: Logger, devServerUrl?: string): void {
  denyPermissions(session.defaultSession, log)
  // Any session created later (a partition someone adds) gets the same handlers, not Electron's "allow".
  app.on('session-created', (created) => denyPermissions(created, log))

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
    // will-navigate sees only the top frame; this one also sees iframes navigating.
    contents.on('will-frame-navigate', (event) => keepInside(event, event.url))
    contents.on('will-redirect', keepInside)
    contents.on('will-attach-webview', (event) => {
      event.preventDefault()
      log.warn('webview.denied')
    })
  })
}

function denyPermissions(target: Session, log: Logger): void {
  target.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('permission.denied', { permission })
    callback(false)
  })
  target.setPermissionCheckHandler(() => false)
  target.setDevicePermissionHandler(() => false)
  target.setDisplayMediaRequestHandler((_request, callback) => {
    log.warn('permission.denied', { permission: 'display-capture' })
    callback(null)
  })
}
