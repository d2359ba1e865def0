// Bundled for the page and injected before the renderer's scripts: the preload's very own createApi,
// over a Playwright binding instead of ipcRenderer. The binding calls the real main-process core.
import type { Invoke } from '../../../src/shared/ipc-contract'
import { createApi } from '../../../src/preload/api'
import { decodeBytes } from './wire'

declare global {
  interface Window {
    __loginAppInvoke(channel: string, request: unknown): Promise<unknown>
  }
}

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0))

const invoke = (async (channel, request) => decodeBytes(await window.__loginAppInvoke(channel, request), fromBase64)) as Invoke

Object.defineProperty(window, 'api', { value: createApi(invoke), enumerable: true })
