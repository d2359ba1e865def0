import { monitorEventLoopDelay } from 'node:perf_hooks'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { CaptchaGenerator } from '../../../src/main/core/captcha/generator'
import type { CaptchaService } from '../../../src/main/core/captcha/service'
import { median } from './stats'

/** Event-loop delay while `count` captchas are requested at once, as the p99 and max in ms. */
export async function eventLoopDelay(service: CaptchaService, count: number): Promise<{ p99: number; max: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 })
  histogram.enable()
  // One owner per request: a single window may only have a few captchas drawn at once (maxInFlightPerOwner).
  await Promise.all(Array.from({ length: count }, (_, i) => service.create(undefined, `burst-${i}`)))
  histogram.disable()
  return { p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6 }
}

let collect: (() => void) | undefined

/**
 * Full GCs with a pause between them, so readings are not garbage waiting to be collected: Node frees
 * the memory behind native Buffers in callbacks it runs after the GC, not during it.
 */
export async function fullGc(): Promise<void> {
  if (collect === undefined) {
    setFlagsFromString('--expose-gc')
    collect = runInNewContext('gc') as () => void
  }
  for (let i = 0; i < 3; i++) {
    collect()
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

export interface MemoryGrowth {
  /** RSS growth over the measured cycles: the Theil–Sen slope through 11 checkpoints, times the cycles. */
  rssMb: number
  heapMb: number
  /** Buffers outside the JS heap (pixels, PNGs): where a leak of images would show. */
  externalMb: number
  storeSize: number
}

/**
 * Theil–Sen slope: the median of the slopes between every pair of points. One checkpoint caught just
 * before a collection returns its garbage moves it very little, where a least-squares line follows it.
 */
function slope(xs: readonly number[], ys: readonly number[]): number {
  const slopes: number[] = []
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) slopes.push((ys[j]! - ys[i]!) / (xs[j]! - xs[i]!))
  }
  return median(slopes)
}

/**
 * Growth across `cycles` create-and-verify rounds on one service (default store bounds). Every
 * other challenge is abandoned unanswered, so the store fills up and must evict to stay bounded. The
 * first 5000 cycles are not counted: the glyph outlines, pixel buffers and the allocators grow to their
 * working size there. The growth is read from a robust line through a checkpoint every tenth of the
 * run, each after full GCs: a leak is a slope, a single step (a page, garbage not yet returned) is not.
 */
export async function memoryGrowth(
  makeService: (onIssued: (id: string, answer: string) => void) => CaptchaService,
  cycles: number
): Promise<MemoryGrowth> {
  const answers = new Map<string, string>()
  const service = makeService((id, answer) => answers.set(id, answer))
  // 125 windows of at most 8 live challenges each fill the default store of 1000 exactly; each then
  // evicts its own oldest. With one window the store would never hold more than 8.
  const cycle = async (i: number): Promise<void> => {
    const owner = `window-${i % 125}`
    const image = await service.create(undefined, owner)
    if (i % 2 === 0) service.verify(image.id, answers.get(image.id) ?? '', owner)
    answers.delete(image.id)
  }
  for (let i = 0; i < 5000; i++) await cycle(i)
  const at: number[] = []
  const rss: number[] = []
  let first: NodeJS.MemoryUsage | undefined
  let last: NodeJS.MemoryUsage | undefined
  const step = Math.max(1, Math.floor(cycles / 10))
  for (let i = 0; i <= cycles; i++) {
    if (i % step === 0 || i === cycles) {
      await fullGc()
      last = process.memoryUsage()
      first ??= last
      at.push(i)
      rss.push(last.rss)
    }
    if (i < cycles) await cycle(i)
  }
  const mb = (bytes: number): number => bytes / 2 ** 20
  return {
    rssMb: mb(slope(at, rss) * cycles),
    heapMb: mb(last!.heapUsed - first!.heapUsed),
    externalMb: mb(last!.external - first!.external),
    storeSize: service.size
  }
}

/** ms per captcha with one request at a time: one core busy at any moment. */
export async function sequentialRun(generator: CaptchaGenerator, scale: number, count: number): Promise<number> {
  const start = performance.now()
  for (let i = 0; i < count; i++) await generator.generate({ scale })
  return (performance.now() - start) / count
}

type Generates = { generate(request: { scale?: number }): Promise<unknown> }

/** `inflight` lanes, each asking for the next captcha once its last one arrived, while `more()` agrees; how many arrived. */
async function lanes(generator: Generates, scale: number, inflight: number, more: () => boolean): Promise<number> {
  let done = 0
  const lane = async (): Promise<void> => {
    while (more()) {
      await generator.generate({ scale })
      done++
    }
  }
  await Promise.all(Array.from({ length: inflight }, lane))
  return done
}

/**
 * ms per captcha with `inflight` requests kept open. With the in-thread generator the main thread draws
 * the next captcha while threadpool threads deflate earlier ones; with a worker pool each worker draws.
 */
export async function concurrentRun(generator: Generates, scale: number, count: number, inflight: number): Promise<number> {
  let started = 0
  const start = performance.now()
  await lanes(generator, scale, inflight, () => started++ < count)
  return (performance.now() - start) / count
}

export interface Throughput {
  perSecond: number
  /** CPU time of every thread of the process divided by wall time: how many cores the run really used. */
  coresUsed: number
}

/**
 * Captchas per second with `inflight` requests kept open for a fixed window of `ms`, and the cores the
 * whole process kept busy meanwhile. A window, not a count, so two processes asked at once are measured
 * over the same stretch of time: with counts, the one that finishes first leaves the other a machine to
 * itself for the rest of its run. No request starts after the window closes; the ones still open finish
 * and are counted, over the time they took. `now` is the clock (tests pass a fake one).
 */
export async function throughputFor(
  generator: Generates,
  ms: number,
  inflight: number,
  now: () => number = () => performance.now()
): Promise<Throughput> {
  const cpu = process.cpuUsage()
  const start = now()
  const done = await lanes(generator, 1, inflight, () => now() < start + ms)
  const wall = now() - start
  const used = process.cpuUsage(cpu)
  return { perSecond: (1000 * done) / wall, coresUsed: (used.user + used.system) / 1000 / wall }
}
