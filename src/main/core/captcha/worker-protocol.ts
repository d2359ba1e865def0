import type { CaptchaRequest } from '../../../shared/ipc-contract'
import type { CaptchaKind, CaptchaOptions } from './options'

/** What a captcha worker is started with: plain, cloneable data, already validated by resolveOptions. */
export interface CaptchaWorkerData {
  options: CaptchaOptions
  kind: CaptchaKind
  /** Nice value the worker gives its own thread on Linux; null leaves it alone. */
  nice: number | null
}

export interface WorkerRequest {
  id: number
  request: CaptchaRequest
}

export type WorkerReply =
  | { id: number; ok: true; answer: string; png: Uint8Array; width: number; height: number; scale: number }
  | { id: number; ok: false; message: string }
