import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

/** Node's arguments to run one of the bench's child scripts with this process's loader flags (tsx). */
function nodeArgs(script: string, args: readonly string[]): string[] {
  return [...process.execArgv, join(__dirname, '..', 'bench', `${script}.ts`), ...args]
}

/** A command line confined to one CPU with `taskset -c N` (util-linux), or left as it is without a CPU. */
export function pinned(cpu: number | undefined, command: readonly string[]): string[] {
  return cpu === undefined ? [...command] : ['taskset', '-c', String(cpu), ...command]
}

/**
 * Runs a child script (scripts/captcha/bench/<script>.ts) in a fresh Node process and parses what it prints.
 * Each one-core round (and the memory test) gets its own process because a process's speed here depends on its memory layout: in some processes the
 * allocator keeps returning and re-faulting a transparent huge page, which `perf` shows as 2 MB page
 * clears adding ~0.15 ms to every captcha and RSS jumps of 2 MB. The median over processes is what a user
 * would typically see. With `cpu`, it runs confined to that CPU (see ResidentChild).
 */
export function inChild<T>(script: string, args: readonly string[] = [], cpu?: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const [command, ...rest] = pinned(cpu, [process.execPath, ...nodeArgs(script, args)])
    const child = spawn(command!, rest, { stdio: ['ignore', 'pipe', 'inherit'] })
    const out: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`bench child ${script} exited with ${String(code)}`))
      resolve(JSON.parse(Buffer.concat(out).toString('utf8')) as T)
    })
  })
}

/**
 * A child script in a process kept alive between measurements, confined to one CPU by
 * `taskset -c N` when `cpu` is given (the child and every thread it starts: workers, V8 and libuv
 * helpers). The parent asks for a measurement by writing a window in ms to its stdin and reads one JSON
 * line back. Staying alive lets the processes being compared take many short turns, so a noisy moment on
 * the machine lands on all of them.
 */
export class ResidentChild<T> {
  readonly #child
  readonly #lines: AsyncIterator<string>

  constructor(script: string, args: readonly string[], cpu?: number) {
    const [command, ...rest] = pinned(cpu, [process.execPath, ...nodeArgs(script, args)])
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
