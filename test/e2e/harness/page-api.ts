// Bundled for the page and injected before the renderer's scripts: the preload's very own createWindowApi,
// over a same-origin POST to the harness's loopback server instead of ipcRenderer. The server calls
// the real main-process core. A fetch costs about what an IPC round trip does; a Playwright binding
// goes through the test process's protocol connection and costs several times more.
import type { Invoke } from '../../../src/shared/ipc-contract'
import { createWindowApi } from '../../../src/preload/api'
import { decodeBytes } from './wire'

/** Which page's core answers: open-harness.ts wraps the bundle in a function that declares it. */
declare const HARNESS_INVOKE_PATH: string

// Chromium's native decoder where it has one (a 32 KB captcha costs a few ms through atob and a per-character map).
const native = (Uint8Array as { fromBase64?: (text: string) => Uint8Array }).fromBase64
const fromBase64 = (text: string) => native?.(text) ?? Uint8Array.from(atob(text), (char) => char.charCodeAt(0))

const invoke = (async (channel, request) => {
  const response = await fetch(HARNESS_INVOKE_PATH, { method: 'POST', body: JSON.stringify({ channel, request }) })
  return decodeBytes(await response.json(), fromBase64)
}) as Invoke

Object.defineProperty(window, 'api', { value: createWindowApi(invoke, window), enumerable: true })
