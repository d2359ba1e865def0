// `npm run bench:solver`: the attack no text captcha stops. A small CNN with a CTC head (solver/ctc_solver.py)
// trains only on labelled samples from the generator's own CLI, on the CPU for a few minutes, then reads
// fresh captchas it has never seen. Needs Debian's python3-torch; installs it when run as root. Everything it
// starts runs under `nice -n 19`, so a shared machine stays usable.
import { spawn, spawnSync } from 'node:child_process'
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { intArg, parseArgs } from './lib/args'
import { aptInstall } from '../audio/lib/debian'
import { PYTHON, pillowMissing, seedDataset } from './lib/datasets'
import { repoRoot } from './lib/paths'
import { wilsonInterval } from './lib/stats'

const DATASETS = ['easy', 'normal', 'hard', 'seed'] as const
type DatasetKey = (typeof DATASETS)[number]

interface Checkpoint {
  minutes: number
  steps: number
  samples_seen: number
  solved: number
  total: number
  train_solved: number
  train_total: number
}

/** Below this on `easy` or the seed, the solver is too weak for its other rows to mean anything. */
const CALIBRATED = 0.9

/** Lowest priority for every process the bench starts: training takes all the CPU it is given. */
function niced(command: string, args: string[]): [string, string[]] {
  return ['nice', ['-n', '19', command, ...args]]
}

function torchMissing(): boolean {
  const r = spawnSync(PYTHON, ['-c', 'import torch, numpy'], { encoding: 'utf8' })
  return r.error !== undefined || r.status !== 0
}

/** The heavy optional dependency, installed only when this bench asks for it and only as root. */
function ensureDependencies(): boolean {
  const packages = [...(torchMissing() ? ['python3-torch', 'python3-numpy'] : []), ...(pillowMissing() ? ['python3-pil'] : [])]
  if (packages.length === 0) return true
  if (process.getuid?.() !== 0) {
    process.stderr.write(`bench:solver needs ${packages.join(', ')}: sudo apt-get install -y ${packages.join(' ')}\n`)
    return false
  }
  return aptInstall(packages) && !torchMissing()
}

/** Labelled samples from the captcha CLI, exactly as an attacker would draw them from the open-source generator. */
async function cliSamples(file: string, preset: string, count: number, seed: number): Promise<void> {
  const tsx = join(repoRoot(), 'node_modules', '.bin', 'tsx')
  const cli = join(repoRoot(), 'scripts', 'captcha', 'cli.ts')
  const child = spawn(...niced(tsx, [cli, '--count', String(count), '--preset', preset, '--seed', String(seed), '--format', 'jsonl']), {
    stdio: ['ignore', 'pipe', 'inherit']
  })
  child.stdout.pipe(createWriteStream(file))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  if (code !== 0) throw new Error(`captcha CLI exited with ${String(code)}`)
}

/** The seed peer writes PNG files; the solver reads the same jsonl as for ours. */
function seedSamples(dir: string, file: string, count: number, seed: number): void {
  const dataset = seedDataset(join(dir, `seed-${seed}`), count, seed)
  const lines = dataset.samples.map((s) => JSON.stringify({ text: s.text, png: readFileSync(s.file).toString('base64') }))
  writeFileSync(file, `${lines.join('\n')}\n`)
}

async function samples(dir: string, key: DatasetKey, count: number, seed: number): Promise<string> {
  const file = join(dir, `${key}-${seed}-${count}.jsonl`)
  if (key === 'seed') seedSamples(dir, file, count, seed)
  else await cliSamples(file, key, count, seed)
  return file
}

/** The first `count` lines of a training file: smaller training sets are prefixes of the largest. */
function prefix(file: string, count: number): string {
  const out = file.replace(/\.jsonl$/u, `-first${count}.jsonl`)
  const lines = readFileSync(file, 'utf8').split('\n').slice(0, count)
  writeFileSync(out, `${lines.join('\n')}\n`)
  return out
}

async function train(trainFile: string, testFile: string, minutes: string, threads: number, seed: number): Promise<Checkpoint[]> {
  const script = join(repoRoot(), 'scripts', 'captcha', 'solver', 'ctc_solver.py')
  const args = [
    script,
    '--train',
    trainFile,
    '--test',
    testFile,
    '--minutes',
    minutes,
    '--threads',
    String(threads),
    '--seed',
    String(seed)
  ]
  const child = spawn(...niced(PYTHON, args), {
    // Passive waits: spinning OpenMP threads on a busy machine burn more CPU than they compute.
    env: { ...process.env, OMP_NUM_THREADS: String(threads), MKL_NUM_THREADS: String(threads), OMP_WAIT_POLICY: 'PASSIVE' },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  if (code !== 0) throw new Error(`solver exited with ${String(code)}`)
  return out
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Checkpoint)
}

function percent(x: number): string {
  return `${(100 * x).toFixed(1)}%`
}

function cell(c: Checkpoint): string {
  const ci = wilsonInterval(c.solved, c.total)
  return `${percent(c.solved / c.total)} (${percent(ci.low)}–${percent(ci.high)})`
}

/** Whether the unobfuscated rows show the solver works; without that, a low rate elsewhere proves nothing. */
function calibration(reference: Map<string, number>): string {
  if (reference.size === 0) return 'Not calibrated in this run: add easy or seed to --only to show the solver reads the unobfuscated case.'
  const rates = [...reference].map(([name, rate]) => `${name} ${percent(rate)}`).join(', ')
  const weak = [...reference.values()].some((rate) => rate < CALIBRATED)
  return weak
    ? `NOT calibrated: best on the unobfuscated case ${rates}, below ${percent(CALIBRATED)}; train longer before reading the other rows as resistance.`
    : `Calibrated: the best rate on the unobfuscated case is ${rates} (≥ ${percent(CALIBRATED)}), so the other rows measure the captcha, not a weak solver.`
}

function numberList(raw: string, name: string): number[] {
  const values = raw.split(',').map(Number)
  if (values.some((v) => !Number.isFinite(v) || v <= 0)) throw new Error(`--${name} must be positive numbers, comma-separated`)
  return values.sort((a, b) => a - b)
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['only', 'sizes', 'minutes', 'test', 'threads', 'seed', 'keep'])
  const only = (args.get('only')?.split(',') ?? [...DATASETS]) as DatasetKey[]
  for (const d of only) if (!DATASETS.includes(d)) throw new Error(`--only: unknown ${d}; known: ${DATASETS.join(', ')}`)
  const sizes = numberList(args.get('sizes') ?? '2000,20000', 'sizes').map(Math.round)
  const minutes = numberList(args.get('minutes') ?? '1,2', 'minutes')
  const testCount = intArg(args, 'test', 600, 50, 100_000)
  // Two threads at most: the machine is shared and the bench must leave it usable.
  const threads = intArg(args, 'threads', 2, 1, 2)
  const seed = intArg(args, 'seed', 16, 0, 0xffff_ffff)
  if (!ensureDependencies()) {
    process.exitCode = 1
    return
  }
  const started = Date.now()
  const dir = mkdtempSync(join(tmpdir(), 'captcha-solver-'))
  // Rows go out as they finish: a long run interrupted still leaves its measurements.
  process.stdout.write(
    [
      `Learned solver (CNN + CTC, ${threads} CPU threads): solve rate on ${testCount} fresh captchas, exact match, 95% Wilson intervals`,
      '',
      `| captcha | training images | ${minutes.map((m) => `after ${m} min`).join(' | ')} | steps of 64 | training images read |`,
      `|---|---:|${minutes.map(() => '---:').join('|')}|---:|---:|`,
      ''
    ].join('\n')
  )
  const reference = new Map<string, number>()
  try {
    for (const [d, key] of only.entries()) {
      const trainFile = await samples(dir, key, sizes[sizes.length - 1]!, seed + 100 * d)
      // A different seed: the test captchas are fresh, never seen in training.
      const testFile = await samples(dir, key, testCount, seed + 100 * d + 50)
      for (const size of sizes) {
        const file = size === sizes[sizes.length - 1] ? trainFile : prefix(trainFile, size)
        const checkpoints = await train(file, testFile, minutes.join(','), threads, seed)
        const name = key === 'seed' ? 'seed (PIL)' : `ours ${key}`
        const last = checkpoints[checkpoints.length - 1]!
        // The training-set rate beside the fresh one shows when a small set is memorised rather than learnt.
        const read = percent(last.train_solved / last.train_total)
        process.stdout.write(`| ${name} | ${size} | ${checkpoints.map(cell).join(' | ')} | ${last.steps} | ${read} |\n`)
        if (key === 'easy' || key === 'seed') {
          const best = Math.max(...checkpoints.map((c) => c.solved / c.total))
          reference.set(name, Math.max(best, reference.get(name) ?? 0))
        }
        process.stderr.write(`done: ${name}, ${size} training images\n`)
      }
    }
  } finally {
    if (!args.has('keep')) rmSync(dir, { recursive: true, force: true })
    else process.stderr.write(`samples kept in ${dir}\n`)
  }
  const wall = ((Date.now() - started) / 60_000).toFixed(1)
  process.stdout.write(
    [
      '',
      calibration(reference),
      `Minutes are CPU time per training thread (${threads}), data loading and evaluation excluded; one training run per row,`,
      `checkpoints within it. ${wall} min wall-clock in all, under nice -n 19.`,
      ''
    ].join('\n')
  )
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})
