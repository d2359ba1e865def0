/** The custom scheme and host the packaged renderer is served from (see the shell's protocol.ts). */
export const APP_SCHEME = 'app'
export const APP_HOST = 'renderer'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/**
 * Only the app's own page may talk to main: its custom origin, or in development the Vite dev
 * server's origin. Anything else (an iframe, a page navigated elsewhere) is refused.
 */
export function isTrustedSenderUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true
  if (devServerUrl) {
    try {
      return parsed.origin === new URL(devServerUrl).origin
    } catch {
      return false
    }
  }
  return false
}
