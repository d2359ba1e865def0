import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CaptchaKind, CaptchaPreset } from '../../../src/main/core/captcha'
import { CaptchaGenerator, DEFAULT_ALPHABET, resolveOptions, seededRandom } from '../../../src/main/core/captcha'
import { SVG_CAPTCHA_CHARSET, svgCaptchaPng } from '../peers/svg-captcha'
import { repoRoot, shippedFonts } from './paths'

export const PYTHON = '/usr/bin/python3'

export interface Sample {
  file: string
  text: string
}

export interface Dataset {
  name: string
  /** What a strong attacker tells tesseract to expect. */
  whitelist: string
  samples: Sample[]
}

export function seedScript(): string {
  return join(repoRoot(), 'scripts', 'captcha', 'peers', 'seed_pil.py')
}

/** The seed peer draws with the first shipped face, so it needs nothing beyond Pillow. */
export function seedFont(): string {
  return shippedFonts()[0]!
}

export function pillowMissing(): boolean {
  const result = spawnSync(PYTHON, ['-c', 'import PIL'], { encoding: 'utf8' })
  return result.error !== undefined || result.status !== 0
}

export async function oursDataset(
  dir: string,
  preset: CaptchaPreset,
  count: number,
  seed: number,
  kind: CaptchaKind = 'text'
): Promise<Dataset> {
  const name = kind === 'arithmetic' ? `ours ${preset} arithmetic` : `ours ${preset}`
  const out = join(dir, name.replace(/\s+/gu, '-'))
  mkdirSync(out, { recursive: true })
  const generator = new CaptchaGenerator(resolveOptions(preset, { fontFiles: shippedFonts() }), kind)
  const random = seededRandom(seed)
  const samples: Sample[] = []
  for (let i = 0; i < count; i++) {
    const captcha = await generator.generate({ random })
    const file = join(out, `${String(i).padStart(5, '0')}.png`)
    writeFileSync(file, captcha.png)
    samples.push({ file, text: captcha.answer })
  }
  const whitelist = kind === 'arithmetic' ? '0123456789+-=?x' : DEFAULT_ALPHABET
  return { name, whitelist, samples }
}

export function seedDataset(dir: string, count: number, seed: number): Dataset {
  const out = join(dir, 'seed-pil')
  const result = spawnSync(
    PYTHON,
    [seedScript(), 'dataset', '--count', String(count), '--seed', String(seed), '--out', out, '--font', seedFont()],
    { encoding: 'utf8' }
  )
  if (result.status !== 0) throw new Error(`seed peer failed: ${result.stderr}`)
  const answers = JSON.parse(readFileSync(join(out, 'answers.json'), 'utf8')) as Sample[]
  return {
    name: 'seed (PIL)',
    whitelist: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
    samples: answers.map((a) => ({ file: join(out, a.file), text: a.text }))
  }
}

export function svgDataset(dir: string, count: number): Dataset {
  const out = join(dir, 'svg-captcha')
  mkdirSync(out, { recursive: true })
  const samples: Sample[] = []
  for (let i = 0; i < count; i++) {
    const captcha = svgCaptchaPng()
    const file = join(out, `${String(i).padStart(5, '0')}.png`)
    writeFileSync(file, captcha.png)
    samples.push({ file, text: captcha.text })
  }
  return { name: 'svg-captcha', whitelist: SVG_CAPTCHA_CHARSET, samples }
}
