import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { CaptchaWorkerFactory } from '../../../src/main/core/captcha/worker-pool'

/**
 * Outside the electron-vite build there is no `?nodeWorker` bundle, so tests and the bench start the
 * TypeScript worker entry through tsx's loader (Node 24: `--import tsx` in the worker's execArgv).
 */
export function tsxWorkerFactory(root: string, onSpawn?: (worker: Worker) => void): CaptchaWorkerFactory {
  const entry = join(root, 'src/main/core/captcha/worker-entry.ts')
  return (init) => {
    const worker = new Worker(entry, { ...init, execArgv: ['--import', 'tsx'] })
    onSpawn?.(worker)
    return worker
  }
}
