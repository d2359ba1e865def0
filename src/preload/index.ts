import { contextBridge, ipcRenderer } from 'electron'
import type { ScreenView } from '../shared/captcha-request'
import type { Invoke } from '../shared/ipc-contract'
import { createWindowApi } from './api'

/** The window the preload shares with the page (typed as far as it is used: main's tsconfig has no DOM). */
declare const window: ScreenView

// Only the result crosses back: the IpcRendererEvent and ipcRenderer itself never reach the page.
const invoke: Invoke = (channel, request) => ipcRenderer.invoke(channel, request)

contextBridge.exposeInMainWorld('api', createWindowApi(invoke, window))
