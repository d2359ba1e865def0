import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CaptchaKind, CaptchaOptions, CaptchaPreset } from '../../../src/main/core/captcha/options'
import { CaptchaGenerator } from '../../../src/main/core/captcha/generator'
import { DEFAULT_ALPHABET } from '../../../src/main/core/captcha/alphabet'
import { resolveOptions } from '../../../src/main/core/captcha/options'
import { seededRandom } from '../../../src/main/core/captcha/random'
import { SVG_CAPTCHA_CHARSET, SVG_CAPTCHA_OPTIONS, svgCaptchaPng } from '../peers/svg-captcha'
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
  /** How many glyphs every image holds, when that is fixed and public (glyph segmentation needs it). */
  glyphs?: number
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

/** Every obfuscation off: upright, spread-out glyphs on a flat background, for calibrating the attacks. */
export const PLAIN: Partial<CaptchaOptions> = {
  rotation: 0,
  offset: 0,
  charScale: [1, 1],
  spread: 1,
  maxOverlap: 0,
  noise: { lines: 0, curves: 0, dots: 0, strokeWidth: [1, 1] },
  warp: 0,
  texture: 0
}

export async function oursDataset(
  dir: string,
  preset: CaptchaPreset,
  count: number,
  seed: number,
  kind: CaptchaKind = 'text',
  plain = false
): Promise<Dataset> {
  const name = plain ? `ours ${preset} plain` : kind === 'arithmetic' ? `ours ${preset} arithmetic` : `ours ${preset}`
  const out = join(dir, name.replace(/\s+/gu, '-'))
  mkdirSync(out, { recursive: true })
  const options = resolveOptions(preset, { ...(plain ? PLAIN : {}), fontFiles: shippedFonts() })
  const generator = new CaptchaGenerator(options, kind)
  const random = seededRandom(seed)
  const samples: Sample[] = []
  for (let i = 0; i < count; i++) {
    const captcha = await generator.generate({}, random)
    const file = join(out, `${String(i).padStart(5, '0')}.png`)
    writeFileSync(file, captcha.png)
    samples.push({ file, text: captcha.answer })
  }
  if (kind === 'arithmetic') return { name, whitelist: '0123456789+-=?x', samples }
  return { name, whitelist: DEFAULT_ALPHABET, glyphs: options.length, samples }
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
    glyphs: 5,
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
  return { name: 'svg-captcha', whitelist: SVG_CAPTCHA_CHARSET, glyphs: SVG_CAPTCHA_OPTIONS.size, samples }
}
