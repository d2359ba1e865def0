// `npm run bench:ocr`: how often an off-the-shelf OCR engine (Debian's tesseract) reads our captchas and the
// peers', raw and after an attacker's usual clean-up. Installs nothing; says what is missing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { intArg, parseArgs } from './lib/args'
import type { Dataset } from './lib/datasets'
import { oursDataset, pillowMissing, seedDataset, svgDataset } from './lib/datasets'
import type { Variant } from './lib/preprocess'
import { VARIANTS, preprocess } from './lib/preprocess'
import type { Score } from './lib/score'
import { score } from './lib/score'
import { runAll, runTesseract, tesseractVersion } from './lib/tesseract'

const PSMS = [7, 8] as const
/** Solve-rate ceilings from issue 4, per dataset name. */
const TARGETS: Record<string, number> = { 'ours normal': 0.02, 'ours hard': 0.005 }

interface Cell {
  dataset: string
  variant: Variant
  psm: number
  score: Score
}

function percent(x: number): string {
  return Number.isNaN(x) ? '–' : `${(100 * x).toFixed(1)}%`
}

async function prepare(dataset: Dataset, variant: Variant, dir: string): Promise<string[]> {
  if (variant === 'raw') return dataset.samples.map((s) => s.file)
  const { readFileSync } = await import('node:fs')
  return Promise.all(
    dataset.samples.map(async (s, i) => {
      const file = join(dir, `${dataset.name.replace(/\W+/gu, '-')}-${variant}-${i}.png`)
      writeFileSync(file, await preprocess(readFileSync(s.file), variant))
      return file
    })
  )
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['count', 'seed', 'parallel', 'keep', 'only'])
  const count = intArg(args, 'count', 300, 1, 100_000)
  const seed = intArg(args, 'seed', 4, 0, 0xffff_ffff)
  const parallel = intArg(args, 'parallel', availableParallelism(), 1, 64)
  const version = tesseractVersion()
  const missing: string[] = []
  if (version === undefined) missing.push('tesseract-ocr (the `tesseract` command)')
  if (pillowMissing()) missing.push('python3-pil (Pillow for /usr/bin/python3, used by the seed peer)')
  if (missing.length > 0) {
    process.stderr.write(
      `bench:ocr needs: ${missing.join(', ')}.\nOn Debian/Ubuntu: sudo apt-get install tesseract-ocr python3-pil\n`
    )
    process.exitCode = 1
    return
  }
  const started = Date.now()
  const dir = mkdtempSync(join(tmpdir(), 'captcha-ocr-'))
  try {
    const only = args.get('only')?.split(',')
    const builders: [string, () => Promise<Dataset> | Dataset][] = [
      ['easy', () => oursDataset(dir, 'easy', count, seed)],
      ['normal', () => oursDataset(dir, 'normal', count, seed + 1)],
      ['hard', () => oursDataset(dir, 'hard', count, seed + 2)],
      ['arithmetic', () => oursDataset(dir, 'normal', count, seed + 3, 'arithmetic')],
      ['seed', () => seedDataset(dir, count, seed + 4)],
      ['svg', () => svgDataset(dir, count)]
    ]
    const datasets: Dataset[] = []
    for (const [key, build] of builders) if (only === undefined || only.includes(key)) datasets.push(await build())

    const tasks: (() => Promise<Cell>)[] = []
    for (const dataset of datasets) {
      for (const variant of VARIANTS) {
        const images = await prepare(dataset, variant, dir)
        for (const psm of PSMS) {
          tasks.push(async () => {
            const name = `${dataset.name}-${variant}-${psm}`.replace(/\W+/gu, '-')
            const texts = await runTesseract({ images, psm, whitelist: dataset.whitelist, workDir: dir, name })
            const answers = dataset.samples.map((s) => s.text)
            return { dataset: dataset.name, variant, psm, score: score(texts, answers, dataset.name.includes('arithmetic')) }
          })
        }
      }
    }
    const cells = await runAll(tasks, parallel)
    report(datasets, cells, count, version!, Date.now() - started)
  } finally {
    if (!args.has('keep')) rmSync(dir, { recursive: true, force: true })
    else process.stdout.write(`images kept in ${dir}\n`)
  }
}

function report(datasets: Dataset[], cells: Cell[], count: number, version: string, elapsedMs: number): void {
  const columns = VARIANTS.flatMap((v) => PSMS.map((p) => `${v} psm${p}`))
  const lines: string[] = []
  lines.push(`OCR solve rate (exact match, case-insensitive), ${count} images per row, ${version}, ${(elapsedMs / 1000).toFixed(0)} s`)
  lines.push('')
  lines.push(`| captcha | ${columns.join(' | ')} | best attack | chars read (best) | target |`)
  lines.push(`|---|${columns.map(() => '---:').join('|')}|---:|---:|---|`)
  let failed = false
  for (const dataset of datasets) {
    const row = cells.filter((c) => c.dataset === dataset.name)
    const rates = row.map((c) => c.score.solved / c.score.total)
    const best = Math.max(...rates)
    const chars = Math.max(...row.map((c) => c.score.charAccuracy))
    const target = TARGETS[dataset.name]
    let verdict = ''
    if (target !== undefined) {
      const ok = best <= target
      failed ||= !ok
      verdict = `${ok ? 'PASS' : 'FAIL'} ≤ ${percent(target)}`
    }
    lines.push(`| ${dataset.name} | ${rates.map(percent).join(' | ')} | ${percent(best)} | ${percent(chars)} | ${verdict} |`)
  }
  lines.push('')
  lines.push('raw = the PNG as served; gray, binary (Otsu), binary-median (Otsu + 3×3 median) are upscaled 2× first.')
  lines.push('tesseract gets a whitelist of each generator\'s alphabet; "best attack" is the highest solve rate of any column.')
  process.stdout.write(`${lines.join('\n')}\n`)
  if (failed) process.exitCode = 2
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})
