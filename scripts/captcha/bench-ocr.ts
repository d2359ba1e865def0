// `npm run bench:ocr`: how often an off-the-shelf OCR engine (Debian's tesseract) reads our captchas and the
// peers', raw and after a generic attacker's clean-up: thresholding, morphology, colour clustering and
// glyph segmentation. Installs nothing; says what is missing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { intArg, parseArgs } from './lib/args'
import type { Dataset } from './lib/datasets'
import { oursDataset, pillowMissing, seedDataset, svgDataset } from './lib/datasets'
import type { GlyphVariant, LineVariant, Variant } from './lib/preprocess'
import { VARIANTS, isGlyphVariant, preprocess, preprocessGlyphs } from './lib/preprocess'
import type { Score } from './lib/score'
import { score } from './lib/score'
import { wilsonInterval } from './lib/stats'
import { runAll, runTesseract, tesseractVersion } from './lib/tesseract'

const LINE_PSMS = [7, 8] as const
/** Solve-rate ceilings, per dataset name. */
const TARGETS: Record<string, number> = { 'ours normal': 0.02, 'ours hard': 0.005 }
const DATASETS = ['plain', 'easy', 'normal', 'hard', 'arithmetic', 'seed', 'svg'] as const

interface Cell {
  dataset: string
  column: string
  score: Score
}

function percent(x: number): string {
  return Number.isNaN(x) ? '–' : `${(100 * x).toFixed(1)}%`
}

function fileName(dir: string, dataset: Dataset, variant: Variant, i: number, glyph = ''): string {
  return join(dir, `${dataset.name.replace(/\W+/gu, '-')}-${variant}-${i}${glyph}.png`)
}

async function prepareLines(dataset: Dataset, variant: LineVariant, dir: string): Promise<string[]> {
  if (variant === 'raw') return dataset.samples.map((s) => s.file)
  return Promise.all(
    dataset.samples.map(async (s, i) => {
      const file = fileName(dir, dataset, variant, i)
      writeFileSync(file, await preprocess(readFileSync(s.file), variant))
      return file
    })
  )
}

/** Glyph files of every sample in one list (one tesseract run), and which sample each belongs to. */
async function prepareGlyphs(dataset: Dataset, variant: GlyphVariant, dir: string): Promise<{ files: string[]; owner: number[] }> {
  const files: string[] = []
  const owner: number[] = []
  for (const [i, s] of dataset.samples.entries()) {
    const glyphs = await preprocessGlyphs(readFileSync(s.file), variant, dataset.glyphs!)
    glyphs.forEach((png, g) => {
      const file = fileName(dir, dataset, variant, i, `-g${g}`)
      writeFileSync(file, png)
      files.push(file)
      owner.push(i)
    })
  }
  return { files, owner }
}

/** The glyphs read one by one, recombined per sample in order; a glyph read as several characters keeps the first. */
function recombine(texts: readonly string[], owner: readonly number[], samples: number): string[] {
  const out = new Array<string>(samples).fill('')
  texts.forEach((t, k) => (out[owner[k]!] += t.slice(0, 1)))
  return out
}

function columnsOf(dataset: Dataset, variants: readonly Variant[]): string[] {
  return variants.flatMap((v) => {
    if (!isGlyphVariant(v)) return LINE_PSMS.map((p) => `${v} psm${p}`)
    return dataset.glyphs === undefined ? [] : [`${v} psm10`]
  })
}

async function tasksFor(dataset: Dataset, variants: readonly Variant[], dir: string): Promise<(() => Promise<Cell>)[]> {
  const tasks: (() => Promise<Cell>)[] = []
  const answers = dataset.samples.map((s) => s.text)
  const arithmetic = dataset.name.includes('arithmetic')
  const cell = (column: string, texts: string[]): Cell => ({ dataset: dataset.name, column, score: score(texts, answers, arithmetic) })
  for (const variant of variants) {
    const name = (psm: number): string => `${dataset.name}-${variant}-${psm}`.replace(/\W+/gu, '-')
    if (isGlyphVariant(variant)) {
      if (dataset.glyphs === undefined) continue
      const { files, owner } = await prepareGlyphs(dataset, variant, dir)
      tasks.push(async () => {
        const texts = await runTesseract({ images: files, psm: 10, whitelist: dataset.whitelist, workDir: dir, name: name(10) })
        return cell(`${variant} psm10`, recombine(texts, owner, dataset.samples.length))
      })
      continue
    }
    const images = await prepareLines(dataset, variant, dir)
    for (const psm of LINE_PSMS) {
      tasks.push(async () =>
        cell(`${variant} psm${psm}`, await runTesseract({ images, psm, whitelist: dataset.whitelist, workDir: dir, name: name(psm) }))
      )
    }
  }
  return tasks
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['count', 'seed', 'parallel', 'keep', 'only', 'variants'])
  const count = intArg(args, 'count', 600, 1, 100_000)
  const seed = intArg(args, 'seed', 4, 0, 0xffff_ffff)
  // Tesseract is single-threaded here; two processes are what a shared two-core machine can spare.
  const parallel = intArg(args, 'parallel', 2, 1, 64)
  const only = args.get('only')?.split(',') ?? [...DATASETS]
  const variants = (args.get('variants')?.split(',') ?? [...VARIANTS]) as Variant[]
  for (const v of variants) if (!VARIANTS.includes(v)) throw new Error(`--variants: unknown ${v}; known: ${VARIANTS.join(', ')}`)
  for (const d of only)
    if (!(DATASETS as readonly string[]).includes(d)) throw new Error(`--only: unknown ${d}; known: ${DATASETS.join(', ')}`)
  const version = tesseractVersion()
  const missing: string[] = []
  if (version === undefined) missing.push('tesseract-ocr (the `tesseract` command)')
  if (only.includes('seed') && pillowMissing()) missing.push('python3-pil (Pillow for /usr/bin/python3, used by the seed peer)')
  if (missing.length > 0) {
    process.stderr.write(`bench:ocr needs: ${missing.join(', ')}.\nOn Debian/Ubuntu: sudo apt-get install tesseract-ocr python3-pil\n`)
    process.exitCode = 1
    return
  }
  const started = Date.now()
  const dir = mkdtempSync(join(tmpdir(), 'captcha-ocr-'))
  try {
    const builders: Record<(typeof DATASETS)[number], () => Promise<Dataset> | Dataset> = {
      plain: () => oursDataset(dir, 'normal', count, seed + 5, 'text', true),
      easy: () => oursDataset(dir, 'easy', count, seed),
      normal: () => oursDataset(dir, 'normal', count, seed + 1),
      hard: () => oursDataset(dir, 'hard', count, seed + 2),
      arithmetic: () => oursDataset(dir, 'normal', count, seed + 3, 'arithmetic'),
      seed: () => seedDataset(dir, count, seed + 4),
      svg: () => svgDataset(dir, count)
    }
    const datasets: Dataset[] = []
    for (const key of DATASETS) if (only.includes(key)) datasets.push(await builders[key]())
    const tasks: (() => Promise<Cell>)[] = []
    for (const dataset of datasets) tasks.push(...(await tasksFor(dataset, variants, dir)))
    const cells = await runAll(tasks, parallel)
    report(datasets, variants, cells, count, version!, Date.now() - started)
  } finally {
    if (!args.has('keep')) rmSync(dir, { recursive: true, force: true })
    else process.stdout.write(`images kept in ${dir}\n`)
  }
}

function report(datasets: Dataset[], variants: readonly Variant[], cells: Cell[], count: number, version: string, elapsedMs: number): void {
  const lines: string[] = []
  lines.push(`OCR solve rate (exact match, case-insensitive), ${count} images per dataset, ${version}, ${(elapsedMs / 1000).toFixed(0)} s`)
  lines.push('')
  lines.push('| captcha | best attack | 95% interval | best column | chars read (best) | target |')
  lines.push('|---|---:|---:|---|---:|---|')
  let failed = false
  for (const dataset of datasets) {
    const row = cells.filter((c) => c.dataset === dataset.name)
    const best = row.reduce((a, b) => (b.score.solved > a.score.solved ? b : a))
    const rate = best.score.solved / best.score.total
    const ci = wilsonInterval(best.score.solved, best.score.total)
    const chars = Math.max(...row.map((c) => c.score.charAccuracy))
    const target = TARGETS[dataset.name]
    let verdict = ''
    if (target !== undefined) {
      const ok = rate <= target
      failed ||= !ok
      verdict = `${ok ? 'PASS' : 'FAIL'} ≤ ${percent(target)}`
    }
    const interval = `${percent(ci.low)}–${percent(ci.high)}`
    lines.push(
      `| ${dataset.name} | ${percent(rate)} (${best.score.solved}/${best.score.total}) | ${interval} | ${best.column} | ${percent(chars)} | ${verdict} |`
    )
  }
  lines.push('')
  lines.push('Every attack (solve rate):')
  lines.push('')
  for (const dataset of datasets) {
    const row = cells.filter((c) => c.dataset === dataset.name)
    const parts = columnsOf(dataset, variants).map((col) => {
      const c = row.find((x) => x.column === col)
      return `${col} ${c === undefined ? '–' : percent(c.score.solved / c.score.total)}`
    })
    lines.push(`- ${dataset.name}: ${parts.join(', ')}`)
  }
  lines.push('')
  lines.push('raw = the PNG as served; every other variant is upscaled 2× first. gray; binary = Otsu; binary-median = Otsu + 3×3 median;')
  lines.push(
    'open1/open2 = Otsu + morphological opening with a 3×3/5×5 square (removes thin strokes and dots); close-open = 3×3 closing then 5×5 opening;'
  )
  lines.push(
    "cluster = k-means (k=4) in RGB, clusters contrasting ≥ 2:1 with the border's cluster are ink; cluster-open = that + 5×5 opening;"
  )
  lines.push(
    'glyphs-* = that mask cut into the known number of glyphs (connected components, pieces recombined, column-projection splits),'
  )
  lines.push(
    'each glyph read alone (psm 10). Tesseract gets each generator\'s alphabet as a whitelist; "best attack" is the best of all columns;'
  )
  lines.push(
    'the interval is Wilson\'s 95% score interval. "ours normal plain" is the normal preset with every obfuscation off: the calibration.'
  )
  process.stdout.write(`${lines.join('\n')}\n`)
  if (failed) process.exitCode = 2
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})
