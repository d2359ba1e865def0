import { failure, type Failure } from '../../../shared/ipc-contract'
import type { Logger } from '../log'

/** The custom scheme and host the packaged renderer is served from (see the shell's app-protocol.ts). */
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

/** What the shell reads off an IPC event's sender frame (`senderFrame.url`, `senderFrame.parent === null`). */
export interface SenderFrame {
  url: string
  isMainFrame: boolean
}

export type SenderVerdict = { ok: true } | { ok: false; reason: 'no-frame' | 'subframe' | 'untrusted-origin'; origin: string }

/**
 * The door check for every IPC message. A frame that is gone (navigated away or destroyed while the
 * message was in flight) is refused too: there is nothing left to vouch for it.
 */
export function checkSender(frame: SenderFrame | null | undefined, devServerUrl?: string): SenderVerdict {
  if (!frame) return { ok: false, reason: 'no-frame', origin: '(none)' }
  const origin = originOf(frame.url)
  if (!frame.isMainFrame) return { ok: false, reason: 'subframe', origin }
  if (!isTrustedSenderUrl(frame.url, devServerUrl)) return { ok: false, reason: 'untrusted-origin', origin }
  return { ok: true }
}

/** The answer for a refused sender, logged with the channel and origin only (never the payload). */
export function refuseUntrustedSender(
  channel: string,
  frame: SenderFrame | null | undefined,
  log: Logger,
  devServerUrl?: string
): Failure | null {
  const verdict = checkSender(frame, devServerUrl)
  if (verdict.ok) return null
  log.warn('ipc.forbidden', { channel, reason: verdict.reason, origin: verdict.origin })
  return failure('FORBIDDEN', 'This page may not use the app API.')
}

/** Only the origin of a URL goes into logs: paths and queries can carry anything. */
export function originOf(url: string): string {
  try {
    const origin = new URL(url).origin
    // Custom schemes have an opaque origin ("null"); keep scheme and host, still without path or query.
    if (origin !== 'null') return origin
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}`
  } catch {
    return '(invalid)'
  }
}
