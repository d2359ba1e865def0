/// <reference types="vite/client" />
import type { LoginApi } from '../shared/ipc-contract'

declare global {
  interface Window {
    /** Exposed by the preload (or the browser test harness); the page's only way to reach main. */
    readonly api: LoginApi
  }
}
