import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '../../shared/ipc-contract'
import type { Core } from '../core/app-core'
import type { Logger } from '../core/log'
import { refuseUntrustedSender } from '../core/app-origin/trusted-sender'

/**
 * Registers every channel of the contract with one guard: the message must come from the app's own
 * top-level frame (core/app-origin/trusted-sender.ts decides and logs). The event object itself never reaches a
 * handler, only a session key derived from it.
 */
export function registerIpc(core: Core, log: Logger, devServerUrl?: string): void {
  for (const channel of Object.values(CHANNELS)) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      const frame = event.senderFrame
      const sender = frame ? { url: frame.url, isMainFrame: frame.parent === null } : null
      const refused = refuseUntrustedSender(channel, sender, log, devServerUrl)
      if (refused) return refused
      return core.invoke(channel, payload, { sessionKey: String(event.sender.id) })
    })
  }
}
