import { availableParallelism, constants } from 'node:os'
import type { ResourceLimits, Worker } from 'node:worker_threads'
import type { CaptchaRequest } from '../../../shared/ipc-contract'
import type { GeneratedCaptcha } from './generator'
import type { CaptchaKind, CaptchaOptions } from './options'
import type { CaptchaWorkerData, WorkerReply, WorkerRequest } from './worker-protocol'

export type { CaptchaWorkerData } from './worker-protocol'

/** Worker options for one captcha worker; a factory passes them to `new Worker` unchanged. */
export interface CaptchaWorkerInit {
  workerData: CaptchaWorkerData
  resourceLimits: ResourceLimits
}

/** Starts one worker on worker-entry: the shell passes electron-vite's `?nodeWorker` import, tests a tsx one. */
export type CaptchaWorkerFactory = (init: CaptchaWorkerInit) => Worker

/**
 * The young generation of each worker's heap, in MB. Left alone, V8 sizes it from the machine's memory
 * (128 MB of new space on a 24 GB machine), and a worker's resident size then grows under a steady stream
 * of captchas; `npm run bench` prints the two side by side. A captcha leaves ~50 KB of short-lived
 * objects, so 6 MB means one cheap young collection per ~40 captchas.
 */
export const WORKER_YOUNG_GENERATION_MB = 6

/**
 * Workers draw below normal priority on Linux, so a main thread woken for IPC or a timer runs at once
 * instead of waiting for a core the workers hold (`npm run bench` measures the event-loop delay both
 * ways). Only Linux can set it per thread: on macOS and Windows the same call would lower the whole app.
 */
const WORKER_NICE: number | null = process.platform === 'linux' ? constants.priority.PRIORITY_BELOW_NORMAL : null

/**
 * Workers a pool starts by default, however many cores the machine has. Each one is a V8 isolate with its
 * own fonts, outlines and canvases: ~27 MB of resident memory (bundled entry, measured with 1, 2, 4 and
 * 8 workers), so one per core would cost a 16-thread laptop ~430 MB for a login window, which asks for
 * one captcha at a time. Two keep a refresh that arrives while one is drawing off the main thread.
 */
export const DEFAULT_MAX_WORKERS = 2

/** One worker per core, at most DEFAULT_MAX_WORKERS. */
export function defaultPoolSize(parallelism: number = availableParallelism()): number {
  return Math.max(1, Math.min(parallelism, DEFAULT_MAX_WORKERS))
}

export interface CaptchaWorkerPoolOptions {
  createWorker: CaptchaWorkerFactory
  /** Already resolved (resolveOptions), so a bad option fails on the main thread at start-up, not in a worker. */
  options: CaptchaOptions
  /** Default 'text'. */
  kind?: CaptchaKind
  /** Default defaultPoolSize(): one per core, at most DEFAULT_MAX_WORKERS. */
  size?: number
  /** Default WORKER_YOUNG_GENERATION_MB; null leaves V8's own sizing (the bench compares both). */
  youngGenerationMb?: number | null
  /** Default WORKER_NICE; null keeps the workers at the main thread's priority. */
  nice?: number | null
}

interface Pending {
  resolve: (captcha: GeneratedCaptcha) => void
  reject: (error: Error) => void
}

interface Slot {
  worker: Worker
  pending: Map<number, Pending>
  served: number
}

/** Draws captchas on worker threads so concurrent requests use every core; the main thread only waits. */
export class CaptchaWorkerPool {
  readonly #create: CaptchaWorkerFactory
  readonly #init: CaptchaWorkerInit
  readonly #slots: Slot[] = []
  #nextId = 1
  #closed = false
  /** Workers that died before delivering anything, in a row: a broken setup must not respawn forever. */
  #stillborn = 0

  constructor(options: CaptchaWorkerPoolOptions) {
    const size = options.size ?? defaultPoolSize()
    if (!Number.isInteger(size) || size <= 0) throw new RangeError('size must be a positive integer')
    const young = options.youngGenerationMb === undefined ? WORKER_YOUNG_GENERATION_MB : options.youngGenerationMb
    if (young !== null && !(young > 0)) throw new RangeError('youngGenerationMb must be positive or null')
    this.#create = options.createWorker
    const nice = options.nice === undefined ? WORKER_NICE : options.nice
    if (nice !== null && !(Number.isInteger(nice) && nice >= -20 && nice <= 19))
      throw new RangeError('nice must be an integer -20–19 or null')
    this.#init = {
      workerData: { options: options.options, kind: options.kind ?? 'text', nice },
      resourceLimits: young === null ? {} : { maxYoungGenerationSizeMb: young }
    }
    for (let i = 0; i < size; i++) this.#slots.push(this.#spawn())
  }

  get size(): number {
    return this.#slots.length
  }

  generate(request: CaptchaRequest = {}): Promise<GeneratedCaptcha> {
    if (this.#closed) return Promise.reject(new Error('captcha worker pool is closed'))
    // Least busy first; ties go to the lowest slot, which keeps an idle pool's work on one warm thread.
    const slot = this.#slots.reduce((best, candidate) => (candidate.pending.size < best.pending.size ? candidate : best))
    const id = this.#nextId++
    return new Promise<GeneratedCaptcha>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject })
      if (slot.pending.size === 1) slot.worker.ref()
      const message: WorkerRequest = { id, request: { scale: request.scale, theme: request.theme } }
      slot.worker.postMessage(message)
    })
  }

  /** Terminates every worker; requests still in flight reject. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    const slots = this.#slots.splice(0)
    for (const slot of slots) this.#fail(slot, new Error('captcha worker pool closed'))
    await Promise.all(slots.map((slot) => slot.worker.terminate()))
  }

  #spawn(): Slot {
    const slot: Slot = { worker: this.#create(this.#init), pending: new Map(), served: 0 }
    slot.worker.on('message', (reply: WorkerReply) => this.#settle(slot, reply))
    slot.worker.on('error', (error: Error) => this.#replace(slot, new Error(`captcha worker failed: ${error.message}`)))
    slot.worker.on('exit', (code: number) => this.#replace(slot, new Error(`captcha worker exited with code ${code}`)))
    // An idle worker must not keep the process alive on its own; a busy one must, or a script awaiting
    // its answer would exit with the promise unsettled.
    slot.worker.unref()
    return slot
  }

  #settle(slot: Slot, reply: WorkerReply): void {
    const pending = slot.pending.get(reply.id)
    if (pending === undefined) return
    slot.pending.delete(reply.id)
    if (slot.pending.size === 0) slot.worker.unref()
    if (!reply.ok) {
      pending.reject(new Error(`captcha worker: ${reply.message}`))
      return
    }
    slot.served++
    this.#stillborn = 0
    const { answer, png, width, height, scale } = reply
    pending.resolve({ answer, png, width, height, scale })
  }

  #fail(slot: Slot, error: Error): void {
    const pending = [...slot.pending.values()]
    slot.pending.clear()
    for (const p of pending) p.reject(error)
  }

  /** 'error' is followed by 'exit', so the second call finds the slot already replaced and does nothing. */
  #replace(slot: Slot, error: Error): void {
    this.#fail(slot, error)
    const index = this.#slots.indexOf(slot)
    if (this.#closed || index === -1) return
    // Every worker keeps failing before its first captcha (a missing font, a bad bundle): stop trying.
    if (slot.served === 0 && ++this.#stillborn > 2 * this.#slots.length) return this.#drop(index)
    try {
      this.#slots[index] = this.#spawn()
    } catch {
      // Called from a worker event: a factory that throws here would crash the main process.
      this.#drop(index)
    }
  }

  /** Fewer workers rather than none; with none left, requests reject at once instead of waiting forever. */
  #drop(index: number): void {
    this.#slots.splice(index, 1)
    if (this.#slots.length === 0) this.#closed = true
  }
}
