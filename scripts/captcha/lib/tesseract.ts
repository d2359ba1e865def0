import { spawn, spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

export function tesseractVersion(): string | undefined {
  const result = spawnSync('tesseract', ['--version'], { encoding: 'utf8' })
  if (result.error !== undefined || result.status !== 0) return undefined
  return `${result.stdout}${result.stderr}`.split('\n')[0]?.trim()
}

export interface OcrJob {
  images: string[]
  psm: 7 | 8 | 10
  whitelist: string
  /** Where list files go. */
  workDir: string
  name: string
}

/**
 * One tesseract process reads a whole list of images (the model loads once, not per image) and prints each
 * page's text followed by a form feed. Single-threaded, so parallelism is ours to choose. Tesseract 5.3
 * can die with SIGFPE on a few images when a whitelist is set; a failed batch is split in halves until
 * the culprit is alone, and an image tesseract cannot read at all counts as read wrongly ("").
 */
export async function runTesseract(job: OcrJob): Promise<string[]> {
  const crashed: string[] = []
  const texts = await readBatch(job, job.images, job.name, crashed)
  if (crashed.length > 0) process.stderr.write(`tesseract crashed on ${crashed.length} image(s) in ${job.name}; counted as unread\n`)
  return texts
}

async function readBatch(job: OcrJob, images: string[], name: string, crashed: string[]): Promise<string[]> {
  const listFile = join(job.workDir, `${name}.txt`)
  writeFileSync(listFile, `${images.join('\n')}\n`)
  try {
    return await tesseractOnce(listFile, images.length, job)
  } catch {
    if (images.length === 1) {
      crashed.push(images[0]!)
      return ['']
    }
    const half = images.length >> 1
    return [
      ...(await readBatch(job, images.slice(0, half), `${name}a`, crashed)),
      ...(await readBatch(job, images.slice(half), `${name}b`, crashed))
    ]
  }
}

function tesseractOnce(listFile: string, count: number, job: OcrJob): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'tesseract',
      [listFile, 'stdout', '--psm', String(job.psm), '-l', 'eng', '-c', `tessedit_char_whitelist=${job.whitelist}`],
      { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['ignore', 'pipe', 'pipe'] }
    )
    const out: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.resume()
    child.on('error', reject)
    child.on('close', (code, signal) => {
      if (code !== 0) return reject(new Error(`tesseract exited with ${signal ?? String(code)}`))
      const pages = Buffer.concat(out).toString('utf8').split('\f')
      // The text after the last form feed is empty.
      resolve(pages.slice(0, count).map((p) => p.replace(/\s+/gu, '')))
    })
  })
}

/** Runs jobs with at most `parallel` tesseract processes at once, results in job order. */
export async function runAll<T>(tasks: (() => Promise<T>)[], parallel: number): Promise<T[]> {
  const results = new Array<T>(tasks.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++
      results[i] = await tasks[i]!()
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, tasks.length) }, worker))
  return results
}
