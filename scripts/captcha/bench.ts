// `npm run bench`: speed, responsiveness, memory and multi-core scaling of the captcha generator, with the
// seed's Python + Pillow method and svg-captcha measured in the same run. Every figure is the median of
// several runs, with min–max; ratios come from the same rounds. Ends with a table of targets, met or not.
// Child processes (scripts/captcha/bench/*.ts) take the one-core rounds, the memory runs and the pools.
import { availableParallelism, cpus } from 'node:os'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CaptchaGenerator } from '../../src/main/core/captcha/generator'
import { resolveOptions } from '../../src/main/core/captcha/options'
import { CaptchaService, type CaptchaImageSource } from '../../src/main/core/captcha/service'
import { CaptchaWorkerPool, defaultPoolSize } from '../../src/main/core/captcha/worker-pool'
import { aptInstall } from '../audio/lib/debian'
import { intArg, parseArgs } from './lib/args'
import { ResidentChild, inChild } from './lib/bench-children'
import type { RoundResult } from './lib/bench-round'
import { compareEncoders, measureStages } from './lib/bench-stages'
import { concurrentRun, eventLoopDelay, sequentialRun, type MemoryGrowth, type Throughput } from './lib/bench-system'
import { pillowMissing } from './lib/datasets'
import { repoRoot, shippedFonts } from './lib/paths'
import { seedPeerRun } from './lib/peers'
import { formatSummary, median, medianInterval, summarise, table, verdict, type Summary } from './lib/stats'
import { tsxWorkerFactory } from './lib/tsx-worker'
import { IN_FLIGHT, MEMORY_VARIANTS, PRESETS, SCALES, type MemoryVariant } from './bench/settings'

/** Each throughput measurement: a window of this many ms (~600 captchas on one core here). */
const WINDOW_MS = 300
/** Fresh sets of processes for the scaling turns: a process's speed depends on its memory layout (inChild). */
const SCALING_SETS = 5

interface Settings {
  runs: number
  memoryRuns: number
  count: number
  cycles: number
}

/** Measure, result, target ('' for a comparison row), met. */
type Check = [string, string, string, boolean]

function log(line = ''): void {
  process.stdout.write(`${line}\n`)
}

function progress(text: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text}`)
}

function machine(): string {
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU'
  const canvas = join(repoRoot(), 'node_modules', '@napi-rs', 'canvas', 'package.json')
  const canvasVersion = (JSON.parse(readFileSync(canvas, 'utf8')) as { version: string }).version
  return `${availableParallelism()} × ${model}, Node ${process.version}, @napi-rs/canvas ${canvasVersion}`
}

function settingsFrom(argv: readonly string[]): Settings {
  const args = parseArgs(argv, ['runs', 'count', 'cycles', 'memory-runs'])
  return {
    runs: intArg(args, 'runs', 7, 3, 101),
    memoryRuns: intArg(args, 'memory-runs', 3, 1, 25),
    count: intArg(args, 'count', 200, 10, 100_000),
    cycles: intArg(args, 'cycles', 10_000, 100, 1_000_000)
  }
}

interface OneCore {
  normal1: Summary
  seedRatio: Summary | undefined
  svgRatio: Summary
}

/**
 * Both sides of the one-core comparison run on this CPU: the two vCPUs of a shared VM can differ in speed
 * by half (measured here), so unpinned processes would compare the CPUs as much as the generators.
 */
const ONE_CORE_CPU = 0
const NO_PILLOW = '/usr/bin/python3 has no Pillow (sudo apt-get install python3-pil)'

/** Pillow for /usr/bin/python3, which the seed peer needs: installed here when running as root. */
function seedPeerReady(): boolean {
  if (pillowMissing() && process.getuid?.() === 0) aptInstall(['python3-pil'])
  return !pillowMissing()
}

/**
 * Requests one at a time, every round in a fresh process; the seed peer runs between rounds, so drift on
 * the machine hits every generator alike. Prints the table and returns what the targets need.
 */
async function oneCoreSection({ runs, count }: Settings): Promise<OneCore> {
  const withSeed = seedPeerReady()
  const series = new Map<string, { ms: number[]; cpu: number[]; bytes: number[] }>()
  const seedRuns: number[] = []
  const svgRuns: number[] = []
  for (let r = 0; r < runs; r++) {
    progress(`one-core round ${r + 1}/${runs}`)
    const round = await inChild<RoundResult>('one-core-round', ['--count', String(count)], ONE_CORE_CPU)
    for (const [key, m] of Object.entries(round.ours)) {
      const s = series.get(key) ?? { ms: [], cpu: [], bytes: [] }
      s.ms.push(m.ms)
      s.cpu.push(m.cpu)
      s.bytes.push(m.bytes)
      series.set(key, s)
    }
    svgRuns.push(round.svg)
    if (withSeed) seedRuns.push(seedPeerRun(count, r + 1, ONE_CORE_CPU))
  }
  const normalRuns = series.get('normal 1')!.ms
  const rows: string[][] = []
  for (const preset of PRESETS) {
    for (const scale of SCALES) {
      const s = series.get(`${preset} ${scale}`)!
      const ms = summarise(s.ms)
      rows.push([
        `ours ${preset}`,
        `${scale}×`,
        formatSummary(ms, 3),
        (1000 / ms.median).toFixed(0),
        median(s.cpu).toFixed(3),
        median(s.bytes).toFixed(0),
        ''
      ])
    }
  }
  const peerRow = (name: string, peerRuns: number[]): Summary => {
    const s = summarise(peerRuns)
    const ratios = summarise(peerRuns.map((v, i) => v / normalRuns[i]!))
    rows.push([
      name,
      '1×',
      formatSummary(s, 3),
      (1000 / s.median).toFixed(0),
      '',
      '',
      `ours normal 1× is ${formatSummary(ratios, 2)}× as fast`
    ])
    return ratios
  }
  const seedRatio = withSeed ? peerRow('seed: Python + Pillow (timed inside Python)', seedRuns) : undefined
  const svgRatio = peerRow('svg-captcha + resvg-js PNG', svgRuns)
  progress('')
  log('## One core (requests one at a time)')
  log()
  log(table(['generator', 'scale', 'ms / captcha (wall)', 'captchas / s', 'CPU ms / captcha', 'PNG bytes', 'comparison'], rows))
  log("\nCPU ms counts every thread of this process: the drawing thread and V8's garbage-collection helpers.")
  if (!withSeed) log(`\n(seed peer not run: ${NO_PILLOW})`)
  log()
  return { normal1: summarise(normalRuns), seedRatio, svgRatio }
}

/** Where one captcha's time goes, stage by stage and layer by layer, and what other PNG settings would cost. */
async function stagesSection(normal: CaptchaGenerator): Promise<void> {
  progress('stages')
  const stages = await measureStages(normal, 1, 1000)
  const total = stages.stages.reduce((sum, [, us]) => sum + us, 0)
  log('## Where the time goes (normal, 1×, µs per captcha, medians of 1000)')
  log()
  log(
    table(
      ['stage', 'µs', 'share'],
      stages.stages.map(([name, us]) => [name, us.toFixed(0), `${((100 * us) / total).toFixed(0)}%`])
    )
  )
  log()
  log('The drawing stage, one layer at a time on the same plans:')
  log()
  log(
    table(
      ['layer', 'µs'],
      stages.layers.map(([name, us]) => [name, us.toFixed(0)])
    )
  )
  log()
  progress('encoders')
  const encoders = compareEncoders(normal, 1, 300)
  log('## PNG encoder settings on the same images (normal, 1×, means of 300, garbage collection included)')
  log()
  log(
    table(
      ['encoder', 'µs / image', 'bytes'],
      encoders.map((e) => [e.name, e.microseconds.toFixed(0), e.bytes.toFixed(0)])
    )
  )
  log()
}

interface LoopDelay {
  p99: Summary
  /** The worst delay of all runs: with the pool a burst is ~30 samples, so its p99 already is its maximum. */
  max: number
}

async function loopDelayOf(source: CaptchaImageSource, runs: number): Promise<LoopDelay> {
  const service = new CaptchaService({ source })
  const delays: number[] = []
  const maxima: number[] = []
  for (let r = 0; r < runs; r++) {
    const d = await eventLoopDelay(service, 100)
    delays.push(d.p99)
    maxima.push(d.max)
  }
  return { p99: summarise(delays), max: Math.max(...maxima) }
}

interface EventLoop {
  pool: LoopDelay
  /** Linux only: the same pool with its workers left at the main thread's priority. */
  normalPriority: LoopDelay | undefined
  inThread: LoopDelay
}

/** The main thread's event-loop delay under a burst of 100 requests: the app's pool, the pool at normal priority, no pool. */
async function eventLoopSection(normal: CaptchaGenerator, { runs }: Settings): Promise<EventLoop> {
  const createWorker = tsxWorkerFactory(repoRoot())
  const size = defaultPoolSize()
  const pool = new CaptchaWorkerPool({ createWorker, options: normal.options, size })
  const normalPriority =
    process.platform === 'linux' ? new CaptchaWorkerPool({ createWorker, options: normal.options, size, nice: null }) : undefined
  // Warm-up: worker start-up, font registration and glyph tracing in every worker.
  for (const p of [pool, normalPriority]) if (p) await concurrentRun(p, 1, 300, IN_FLIGHT)
  progress('event loop')
  const result: EventLoop = {
    pool: await loopDelayOf(pool, runs),
    normalPriority: normalPriority && (await loopDelayOf(normalPriority, runs)),
    inThread: await loopDelayOf(normal, runs)
  }
  await Promise.all([pool.close(), normalPriority?.close()])
  return result
}

interface Scaling {
  ratios: number[]
  pool: Throughput[]
  pinned: Throughput[]
  free: Throughput[]
  poolOverFree: number[]
  ceiling: number[]
  floatingCeiling: number[]
}

/** Captchas per second of several children measured over the same window, added up. */
async function together(children: ResidentChild<Throughput>[]): Promise<number> {
  return (await Promise.all(children.map((c) => c.run(WINDOW_MS)))).reduce((sum, r) => sum + r.perSecond, 0)
}

/**
 * The app's pool against one worker pinned to one CPU (the app on a one-core machine), each side a fresh
 * resident child serving the same measurement. Each turn brackets the pool between two windows of the
 * reference and divides by their mean, so drift within a turn cancels; the pinned references take turns
 * across CPUs, so one slow CPU does not bias the ratio. Alternate turns also measure what two wholly
 * independent processes make together (pinned, or free like the pool's threads): the machine's ceiling.
 */
async function scalingSection({ runs }: Settings): Promise<Scaling> {
  const workers = String(defaultPoolSize())
  const cpusToPin = availableParallelism() > 1 ? [0, 1] : [0]
  // Single turns range over ±25% on a shared host; twice the runs narrow the median's interval by √2.
  const turnsPerSet = 2 * runs
  const s: Scaling = { ratios: [], pool: [], pinned: [], free: [], poolOverFree: [], ceiling: [], floatingCeiling: [] }
  for (let set = 0; set < SCALING_SETS; set++) {
    const pool = new ResidentChild<Throughput>('pool-server', ['--workers', workers])
    const pinned = cpusToPin.map((cpu) => new ResidentChild<Throughput>('pool-server', ['--workers', '1'], cpu))
    const free = [0, 1].map(() => new ResidentChild<Throughput>('pool-server', ['--workers', '1']))
    const all = [pool, ...pinned, ...free]
    // The first answer also waits for each child's start-up and warm-up.
    for (const child of all) await child.run(WINDOW_MS)
    for (let t = 0; t < turnsPerSet; t++) {
      progress(`cores ${set * turnsPerSet + t + 1}/${SCALING_SETS * turnsPerSet}`)
      const reference = pinned[t % pinned.length]!
      const before = await reference.run(WINDOW_MS)
      const both = await pool.run(WINDOW_MS)
      const after = await reference.run(WINDOW_MS)
      const one = (before.perSecond + after.perSecond) / 2
      s.ratios.push(both.perSecond / one)
      s.pool.push(both)
      s.pinned.push(before, after)
      if (pinned.length > 1 && t % 2 === 0) {
        s.ceiling.push((await together(pinned)) / one)
      } else {
        const alone = await free[0]!.run(WINDOW_MS)
        s.free.push(alone)
        s.poolOverFree.push(both.perSecond / alone.perSecond)
        s.floatingCeiling.push((await together(free)) / one)
      }
    }
    await Promise.all(all.map((child) => child.close()))
  }
  return s
}

/** Each variant in fresh processes, interleaved. */
async function memorySection({ memoryRuns, cycles }: Settings): Promise<Map<MemoryVariant, MemoryGrowth[]>> {
  const memory = new Map<MemoryVariant, MemoryGrowth[]>(MEMORY_VARIANTS.map((v) => [v, []]))
  for (let r = 0; r < memoryRuns; r++) {
    for (const variant of MEMORY_VARIANTS) {
      progress(`memory ${variant} ${r + 1}/${memoryRuns}`)
      memory.get(variant)!.push(await inChild<MemoryGrowth>('memory-run', ['--variant', variant, '--cycles', String(cycles)]))
    }
  }
  progress('')
  return memory
}

const rate = (list: Throughput[]): number => median(list.map((t) => t.perSecond))
const usedCores = (list: Throughput[]): string => median(list.map((t) => t.coresUsed)).toFixed(2)
const delayText = (d: LoopDelay): string => `${formatSummary(d.p99, 1)} ms (worst delay of all runs ${d.max.toFixed(1)} ms)`

/** The targets: one core's speed against the seed, the event loop, memory and scaling. */
function checks(
  oneCore: OneCore,
  loop: EventLoop,
  memory: Map<MemoryVariant, MemoryGrowth[]>,
  scaling: Scaling,
  { cycles }: Settings
): Check[] {
  const workers = defaultPoolSize()
  const app = memory.get('app')!
  const appRss = summarise(app.map((m) => m.rssMb))
  const ratio = summarise(scaling.ratios)
  const interval = medianInterval(scaling.ratios)
  const { normal1, seedRatio, svgRatio } = oneCore
  return [
    ['ms per captcha, one core (in-thread generator, one at a time)', formatSummary(normal1, 3), '≤ 0.25 ms', normal1.median <= 0.25],
    seedRatio === undefined
      ? ['faster than the seed (Python + Pillow)', `not measured: ${NO_PILLOW}`, '≥ 3×', false]
      : ['faster than the seed (Python + Pillow)', `${formatSummary(seedRatio, 2)}×`, '≥ 3×', seedRatio.median >= 3],
    ['faster than svg-captcha + resvg', `${formatSummary(svgRatio, 2)}×`, '> 1×', svgRatio.median > 1],
    [
      `event-loop delay p99, 100 concurrent requests, pool of ${workers} workers (the app)`,
      delayText(loop.pool),
      '≤ 10 ms',
      loop.pool.p99.median <= 10
    ],
    ...(loop.normalPriority === undefined
      ? []
      : [['event-loop delay p99, the same pool with its workers at normal priority', delayText(loop.normalPriority), '', true] as Check]),
    [
      'event-loop delay p99, 100 concurrent requests, drawn in-thread (no pool)',
      delayText(loop.inThread),
      '≤ 10 ms',
      loop.inThread.p99.median <= 10
    ],
    [
      `RSS growth over ${cycles.toLocaleString('en')} create + verify cycles, pool of ${workers} workers (the app)`,
      `${formatSummary(appRss, 1)} MB (main thread's JS heap ${median(app.map((m) => m.heapMb)).toFixed(1)} MB, buffers ${median(app.map((m) => m.externalMb)).toFixed(1)} MB; store ${app[0]!.storeSize})`,
      '≤ 10 MB',
      appRss.median <= 10
    ],
    [
      `throughput, pool of ${workers} workers vs one worker pinned to one core, ${IN_FLIGHT} in flight, ${scaling.ratios.length} turns in ${SCALING_SETS} sets of fresh processes`,
      `${formatSummary(ratio, 2)}× (median's 95% interval ${interval.low.toFixed(2)}–${interval.high.toFixed(2)}; ${rate(scaling.pool).toFixed(0)} /s on ${usedCores(scaling.pool)} cores vs ${rate(scaling.pinned).toFixed(0)} /s on ${usedCores(scaling.pinned)})`,
      '≥ 1.7×',
      ratio.median >= 1.7
    ]
  ]
}

function comparisons(memory: Map<MemoryVariant, MemoryGrowth[]>, scaling: Scaling, inThreadRate: number, { memoryRuns }: Settings): void {
  const grown = (variant: MemoryVariant): string => formatSummary(summarise(memory.get(variant)!.map((m) => m.rssMb)), 1)
  log(
    `Not targets, for comparison (RSS growth over the same cycles, median (min–max) of ${memoryRuns}): the pool with ` +
      `V8's own young-generation sizing ${grown('v8-young')} MB; the in-thread generator ${grown('in-thread')} MB.`
  )
  log()
  if (scaling.ceiling.length > 0) {
    log(
      `The machine's own ceiling, for comparison: two independent one-worker processes run together make ` +
        `${formatSummary(summarise(scaling.ceiling), 2)}× what one makes alone when each is pinned to its own CPU, and ` +
        `${formatSummary(summarise(scaling.floatingCeiling), 2)}× when both are free to use either CPU, as the pool's threads are.`
    )
    log()
  }
  log(
    `For comparison, not a target: one worker left free to use every CPU makes ${rate(scaling.free).toFixed(0)} /s on ` +
      `${usedCores(scaling.free)} cores (the pool is ${formatSummary(summarise(scaling.poolOverFree), 2)}× that), and the in-thread generator ` +
      `with 4 requests in flight ${inThreadRate.toFixed(0)} /s.`
  )
}

async function main(): Promise<void> {
  const settings = settingsFrom(process.argv.slice(2))
  const normal = new CaptchaGenerator(resolveOptions('normal', { fontFiles: shippedFonts() }))
  // Warm-up for the in-process measurements.
  for (const scale of SCALES) await sequentialRun(normal, scale, 300)
  log(`Captcha benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`)
  log(`Machine: ${machine()}`)
  log(`Each figure: median (min–max) of ${settings.runs} runs of ${settings.count} captchas, each run in a fresh process after a warm-up.`)
  log()
  const oneCore = await oneCoreSection(settings)
  await stagesSection(normal)
  const loop = await eventLoopSection(normal, settings)
  progress('cores')
  const scaling = await scalingSection(settings)
  const inThread: number[] = []
  for (let r = 0; r < settings.runs; r++) inThread.push(1000 / (await concurrentRun(normal, 1, settings.count, 4)))
  const memory = await memorySection(settings)
  log(`## Main process and workers (normal preset, 1×; ${availableParallelism()} cores)`)
  log()
  const results = checks(oneCore, loop, memory, scaling, settings)
  log(
    table(
      ['measure', 'result', 'target', ''],
      results.map(([a, b, c, ok]) => [a, b, c, c === '' ? '' : verdict(ok)])
    )
  )
  log()
  comparisons(memory, scaling, median(inThread), settings)
  if (results.some(([, , , ok]) => !ok)) process.exitCode = 2
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})
