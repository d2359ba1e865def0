import { contextBridge, ipcRenderer } from 'electron'
import type { Invoke } from '../shared/ipc-contract'
import { createApi } from './api'

// Only the result crosses back: the IpcRendererEvent and ipcRenderer itself never reach the page.
const invoke: Invoke = (channel, request) => ipcRenderer.invoke(channel, request)

contextBridge.exposeInMainWorld('api', createApi(invoke))
