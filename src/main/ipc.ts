import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS, failure } from '../shared/ipc'
import type { Core } from './core/app-core'
import type { Logger } from './core/log'
import { isTrustedSenderUrl } from './core/trusted-sender'

/**
 * Registers every channel of the contract with one guard: the message must come from the app's own
 * top-level frame. The event object itself never reaches a handler, only a session key derived from it.
 */
export function registerIpc(core: Core, log: Logger, devServerUrl?: string): void {
  for (const channel of Object.values(CHANNELS)) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      const frame = event.senderFrame
      const url = frame?.url ?? ''
      if (!frame || frame.parent !== null || !isTrustedSenderUrl(url, devServerUrl)) {
        log.warn('ipc.forbidden', { channel, origin: safeOrigin(url) })
        return failure('FORBIDDEN', 'This page may not use the app API.')
      }
      return core.invoke(channel, payload, { sessionKey: String(event.sender.id) })
    })
  }
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return '(invalid)'
  }
}
