import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { CaptchaService } from '../../../src/main/core/captcha/service'
import {
  CaptchaWorkerPool,
  DEFAULT_MAX_WORKERS,
  WORKER_YOUNG_GENERATION_MB,
  defaultPoolSize,
  type CaptchaWorkerInit,
  type CaptchaWorkerPoolOptions
} from '../../../src/main/core/captcha/worker-pool'
import { DEFAULT_ALPHABET } from '../../../src/main/core/captcha/alphabet'
import { resolveOptions } from '../../../src/main/core/captcha/options'
import { tsxWorkerFactory } from '../../../scripts/captcha/lib/tsx-worker'
import { FONT_FILES } from '../../support/captcha'
import { readPng } from './helpers'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const NORMAL = resolveOptions('normal', { fontFiles: FONT_FILES })
const pools: CaptchaWorkerPool[] = []

function pool(options: Partial<CaptchaWorkerPoolOptions> = {}): CaptchaWorkerPool {
  const created = new CaptchaWorkerPool({ createWorker: tsxWorkerFactory(ROOT), options: NORMAL, size: 2, ...options })
  pools.push(created)
  return created
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()))
})

/**
 * The pool's workers, seen from its factory as the app's shell would: each with what it was started
 * with, the requests posted to it and the replies it sent back.
 */
function observedWorkers() {
  const seen: Array<{ worker: Worker; init: CaptchaWorkerInit; posted: number; replied: number }> = []
  const createWorker = (init: CaptchaWorkerInit) => {
    const worker = tsxWorkerFactory(ROOT)(init)
    const entry = { worker, init, posted: 0, replied: 0 }
    const post = worker.postMessage.bind(worker)
    worker.postMessage = (value, transfer) => {
      entry.posted++
      post(value, transfer)
    }
    worker.on('message', () => entry.replied++)
    seen.push(entry)
    return worker
  }
  return { seen, createWorker }
}

/** How many threads of this process run at each nice value (Linux: /proc/self/task/<tid>/stat, field 19). */
function threadsByNice(): Map<number, number> {
  const counts = new Map<number, number>()
  for (const tid of readdirSync('/proc/self/task')) {
    let stat: string
    try {
      stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
    } catch {
      continue // the thread ended between the listing and the read
    }
    const nice = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])
    counts.set(nice, (counts.get(nice) ?? 0) + 1)
  }
  return counts
}

const answerPattern = new RegExp(`^[${DEFAULT_ALPHABET}]{5}$`)

describe('CaptchaWorkerPool', () => {
  it('returns valid PNGs and answers drawn at the requested scale', async () => {
    const workers = pool()
    const [one, two] = await Promise.all([workers.generate({ scale: 1 }), workers.generate({ scale: 2, theme: 'dark' })])
    expect(one!.answer).toMatch(answerPattern)
    expect(two!.answer).toMatch(answerPattern)
    expect([one!.width, one!.height, one!.scale]).toEqual([270, 40, 1])
    const png = readPng(two!.png)
    expect([png.width, png.height, png.colourType]).toEqual([540, 80, 2])
    expect(two!.scale).toBe(2)
  })

  it('passes the kind and options to the workers', async () => {
    const captcha = await pool({ kind: 'arithmetic' }).generate()
    expect(captcha.answer).toMatch(/^\d{1,3}$/)
    const longer = await pool({ options: resolveOptions('normal', { length: 7, fontFiles: FONT_FILES }) }).generate()
    expect(longer.answer).toMatch(new RegExp(`^[${DEFAULT_ALPHABET}]{7}$`))
  })

  it('starts every worker with a bounded young generation, and the worker runs with it', async () => {
    const spawned: Worker[] = []
    const workers = pool({ createWorker: tsxWorkerFactory(ROOT, (w) => spawned.push(w)) })
    await workers.generate()
    expect(spawned).toHaveLength(2)
    for (const worker of spawned) expect(worker.resourceLimits?.maxYoungGenerationSizeMb).toBe(WORKER_YOUNG_GENERATION_MB)
    const tuned: Worker[] = []
    await pool({ size: 1, youngGenerationMb: 12, createWorker: tsxWorkerFactory(ROOT, (w) => tuned.push(w)) }).generate()
    expect(tuned[0]!.resourceLimits?.maxYoungGenerationSizeMb).toBe(12)
    expect(() => pool({ youngGenerationMb: 0 })).toThrow(RangeError)
  })

  it('lowers only the worker threads below normal priority, where priorities are per thread (Linux)', async () => {
    const { seen, createWorker } = observedWorkers()
    await pool({ size: 1, createWorker }).generate()
    if (process.platform !== 'linux') {
      // macOS and Windows would lower the whole process: the pool leaves priorities alone there.
      expect(seen[0]!.init.workerData.nice).toBeNull()
      return
    }
    expect(seen[0]!.init.workerData.nice).toBe(10)
    const before = threadsByNice().get(10) ?? 0
    const workers = pool()
    await Promise.all([workers.generate(), workers.generate()])
    expect((threadsByNice().get(10) ?? 0) - before).toBe(2)
    const unchanged = pool({ size: 1, nice: null })
    await unchanged.generate()
    expect((threadsByNice().get(10) ?? 0) - before).toBe(2)
    expect(() => pool({ nice: 20 })).toThrow(RangeError)
  })

  it('rejects a bad size on the calling thread, before any worker starts', () => {
    let spawned = 0
    expect(() => new CaptchaWorkerPool({ createWorker: tsxWorkerFactory(ROOT, () => spawned++), options: NORMAL, size: 0 })).toThrow(
      RangeError
    )
    expect(spawned).toBe(0)
  })

  it('starts one worker per core by default, but never more than DEFAULT_MAX_WORKERS', async () => {
    expect(DEFAULT_MAX_WORKERS).toBe(2)
    expect([1, 2, 3, 16, 128].map((cores) => defaultPoolSize(cores))).toEqual([1, 2, 2, 2, 2])
    let spawned = 0
    const sized = pool({ size: undefined, createWorker: tsxWorkerFactory(ROOT, () => spawned++) })
    expect(sized.size).toBe(defaultPoolSize())
    expect(spawned).toBe(defaultPoolSize())
    await sized.generate()
  })

  it('spreads concurrent requests over every worker, least busy first', async () => {
    const { seen, createWorker } = observedWorkers()
    const workers = pool({ createWorker })
    const dispatched = Array.from({ length: 10 }, () => workers.generate())
    // Dispatch is synchronous, so the split is visible before any answer arrives.
    expect(seen.map((w) => w.posted)).toEqual([5, 5])
    const captchas = await Promise.all(dispatched)
    expect(new Set(captchas.map((c) => c.answer)).size).toBeGreaterThan(1)
    expect(seen.map((w) => w.replied)).toEqual([5, 5])
    expect(new Set(seen.map((w) => w.worker.threadId)).size).toBe(2)
  })

  it('rejects the requests of a worker that dies, replaces it and keeps serving', async () => {
    const { seen, createWorker } = observedWorkers()
    const workers = pool({ createWorker })
    await workers.generate()
    const [first, second] = seen
    const inFlight = Array.from({ length: 4 }, () => workers.generate())
    await first!.worker.terminate()
    const settled = await Promise.allSettled(inFlight)
    const rejected = settled.filter((s) => s.status === 'rejected')
    // Slot 0 got requests 0 and 2: those fail with an Error, slot 1's succeed.
    expect(rejected.map((s) => (s as PromiseRejectedResult).reason)).toEqual([expect.any(Error), expect.any(Error)])
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(2)
    // One replacement started, in the dead worker's place; both it and the survivor serve.
    expect(seen).toHaveLength(3)
    const replacement = seen[2]!
    const servedBefore = second!.replied
    const again = await Promise.all([workers.generate(), workers.generate()])
    for (const captcha of again) expect(readPng(captcha.png).width).toBe(270)
    expect(replacement.replied).toBe(1)
    expect(second!.replied).toBe(servedBefore + 1)
  })

  it('gives up on workers that die before their first captcha instead of respawning forever', async () => {
    let spawned = 0
    const workers = pool({
      createWorker: () => {
        spawned++
        return new Worker('throw new Error("no fonts here")', { eval: true })
      }
    })
    await expect(workers.generate()).rejects.toThrow(/captcha worker failed: no fonts here/)
    await expect.poll(() => workers.size, { timeout: 10_000 }).toBe(0)
    // Two initial workers, then replacements until the stillborn count passes twice the pool size.
    expect(spawned).toBe(6)
    await expect(workers.generate()).rejects.toThrow(/closed/)
  })

  it('close() terminates every worker and fails later requests', async () => {
    const exits: Promise<number>[] = []
    const workers = pool({ createWorker: tsxWorkerFactory(ROOT, (w) => exits.push(new Promise((r) => w.once('exit', r)))) })
    // The expectation is attached first: close() rejects the request before it returns.
    const pending = expect(workers.generate()).rejects.toThrow(/closed/)
    await workers.close()
    await pending
    await expect(Promise.all(exits)).resolves.toHaveLength(2)
    await expect(workers.generate()).rejects.toThrow(/closed/)
    expect(workers.size).toBe(0)
  })
})

describe('CaptchaService with a worker pool', () => {
  it('issues worker-drawn images whose answers verify once, in the main thread store', async () => {
    const answers = new Map<string, string>()
    const { seen, createWorker } = observedWorkers()
    const workers = pool({ createWorker })
    // Six at once from one owner: allowed here, this is about the pool, not the per-window bounds.
    const service = new CaptchaService({
      source: workers,
      maxInFlightPerOwner: 6,
      onIssued: (id, answer) => answers.set(id, answer)
    })
    const images = await Promise.all(Array.from({ length: 6 }, () => service.create({ scale: 2 })))
    expect(service.size).toBe(6)
    expect(seen.map((w) => w.replied)).toEqual([3, 3])
    for (const image of images) {
      expect(readPng(image.png).width).toBe(540)
      expect(image.id).toMatch(/^[0-9a-f-]{36}$/)
    }
    const [first, second] = images
    expect(service.verify(first!.id, answers.get(first!.id)!.toLowerCase())).toBe(true)
    expect(service.verify(first!.id, answers.get(first!.id)!)).toBe(false)
    expect(service.verify(second!.id, 'WRONG')).toBe(false)
    expect(service.size).toBe(4)
  })

  it('stores nothing when the pool fails', async () => {
    const workers = pool()
    const service = new CaptchaService({ source: workers })
    await workers.close()
    await expect(service.create()).rejects.toThrow(/closed/)
    expect(service.size).toBe(0)
  })
})
