// `npm run samples:captcha`: the README's sample images, docs/images/captcha-<preset>[-dark][-arithmetic].png,
// drawn at 2× so they stay sharp on HiDPI screens. Seeded, so re-running only changes them when the
// generator changes.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CaptchaKind, CaptchaPreset } from '../../src/main/core/captcha/options'
import { COMPACT_PNG } from '../../src/main/core/captcha/png'
import { CaptchaGenerator } from '../../src/main/core/captcha/generator'
import { resolveOptions } from '../../src/main/core/captcha/options'
import { seededRandom } from '../../src/main/core/captcha/random'
import type { Theme } from '../../src/shared/ipc-contract'
import { repoRoot, shippedFonts } from './lib/paths'

const PRESETS: CaptchaPreset[] = ['easy', 'normal', 'hard']
const THEMES: Theme[] = ['light', 'dark']

async function main(): Promise<void> {
  const out = join(repoRoot(), 'docs', 'images')
  mkdirSync(out, { recursive: true })
  const jobs: { preset: CaptchaPreset; theme: Theme; kind: CaptchaKind }[] = []
  for (const preset of PRESETS) for (const theme of THEMES) jobs.push({ preset, theme, kind: 'text' })
  jobs.push({ preset: 'normal', theme: 'light', kind: 'arithmetic' })
  for (const [i, job] of jobs.entries()) {
    // Compressed: these files are committed and served by the README, unlike the app's stored PNGs.
    const generator = new CaptchaGenerator(resolveOptions(job.preset, { fontFiles: shippedFonts() }), job.kind, COMPACT_PNG)
    const captcha = await generator.generate({ theme: job.theme, scale: 2 }, seededRandom(2024 + i))
    const name = `captcha-${job.preset}${job.theme === 'dark' ? '-dark' : ''}${job.kind === 'arithmetic' ? '-arithmetic' : ''}.png`
    writeFileSync(join(out, name), captcha.png)
    process.stdout.write(`docs/images/${name}  (${captcha.answer})\n`)
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})
