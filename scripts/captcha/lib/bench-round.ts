import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import type { CaptchaGenerator } from '../../../src/main/core/captcha'
import { svgPeerRun } from './peers'

export interface Measured {
  /** Wall ms per captcha. */
  ms: number
  /** CPU ms per captcha, all threads of the process. */
  cpu: number
  bytes: number
}

export interface RoundResult {
  ours: Record<string, Measured>
  svg: number
}

/** One round of the one-core measurements: each configuration, then svg-captcha, requests one at a time. */
export async function oneCoreRound(
  generators: Map<string, CaptchaGenerator>,
  scales: readonly number[],
  count: number
): Promise<RoundResult> {
  // Warm-up: JIT, font caches, canvas surfaces, the allocator.
  for (const generator of generators.values()) for (const scale of scales) for (let i = 0; i < 100; i++) await generator.generate({ scale })
  svgPeerRun(30)
  const ours: Record<string, Measured> = {}
  for (const [preset, generator] of generators) {
    for (const scale of scales) {
      const cpuStart = process.cpuUsage()
      const start = performance.now()
      let bytes = 0
      for (let i = 0; i < count; i++) bytes += (await generator.generate({ scale })).png.length
      const ms = (performance.now() - start) / count
      const used = process.cpuUsage(cpuStart)
      ours[`${preset} ${scale}`] = { ms, cpu: (used.user + used.system) / 1000 / count, bytes: bytes / count }
    }
  }
  return { ours, svg: svgPeerRun(count) }
}

/** Node's arguments to run this script again with the same loader flags. */
function thisScript(args: readonly string[]): string[] {
  return [...process.execArgv, process.argv[1]!, ...args]
}

/**
 * Runs this script again in a fresh Node process, with the same loader flags, and parses what it prints.
 * Each one-core round (and the memory test) gets its own process because a process's speed here depends on its memory layout: in some processes the
 * allocator keeps returning and re-faulting a transparent huge page, which `perf` shows as 2 MB page
 * clears adding ~0.15 ms to every captcha and RSS jumps of 2 MB. The median over processes is what a user
 * would typically see.
 */
export function inChild<T>(args: readonly string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, thisScript(args), { stdio: ['ignore', 'pipe', 'inherit'] })
    const out: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`bench round exited with ${String(code)}`))
      resolve(JSON.parse(Buffer.concat(out).toString('utf8')) as T)
    })
  })
}

/**
 * This script again in a child process kept alive between measurements, confined to one CPU by
 * `taskset -c N` when `cpu` is given (the child and every thread it starts: workers, V8 and libuv
 * helpers). The parent asks for a measurement by writing a window in ms to its stdin and reads one JSON
 * line back. Staying alive lets the processes being compared take many short turns, so a noisy moment on
 * the machine lands on all of them.
 */
export class ResidentChild<T> {
  readonly #child
  readonly #lines: AsyncIterator<string>

  constructor(args: readonly string[], cpu?: number) {
    const node = [process.execPath, ...thisScript(args)]
    const [command, ...rest] = cpu === undefined ? node : ['taskset', '-c', String(cpu), ...node]
    this.#child = spawn(command!, rest, { stdio: ['pipe', 'pipe', 'inherit'] })
    this.#lines = createInterface({ input: this.#child.stdout })[Symbol.asyncIterator]()
  }

  async run(windowMs: number): Promise<T> {
    this.#child.stdin.write(`${windowMs}\n`)
    const line = await this.#lines.next()
    if (line.done === true) throw new Error('resident bench child exited')
    return JSON.parse(line.value) as T
  }

  /** Ends its stdin and resolves once it has exited, so the next processes start on an idle machine. */
  close(): Promise<void> {
    const child = this.#child
    const exited = new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve()
      else child.once('close', () => resolve())
    })
    child.stdin.end()
    return exited
  }
}

/** The child's side of ResidentChild: one measurement per window read from stdin, until stdin closes. */
export async function serveResident(measure: (windowMs: number) => Promise<unknown>): Promise<void> {
  for await (const line of createInterface({ input: process.stdin })) {
    process.stdout.write(`${JSON.stringify(await measure(Number(line)))}\n`)
  }
}
