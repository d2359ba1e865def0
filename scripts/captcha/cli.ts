// Dataset generator: `npm run --silent captcha -- --count N [--preset P] [--scale S] [--seed K] --format jsonl`
// prints one {"text","png"} object per line. A seed makes the output reproducible; it exists only here.
import { once } from 'node:events'
import type { CaptchaKind, CaptchaPreset } from '../../src/main/core/captcha/options'
import type { RandomSource } from '../../src/main/core/captcha/random'
import { COMPACT_PNG } from '../../src/main/core/captcha/png'
import { CaptchaGenerator } from '../../src/main/core/captcha/generator'
import { cryptoRandom, seededRandom } from '../../src/main/core/captcha/random'
import { resolveOptions } from '../../src/main/core/captcha/options'
import { LANGUAGES, type Language, type Theme } from '../../src/shared/ipc-contract'
import { writeAudioDataset } from '../audio/dataset'
import { choiceArg, intArg, numberArg, parseArgs } from './lib/args'
import { shippedFonts } from './lib/paths'

const USAGE = `usage: npm run --silent captcha -- --count N [--preset easy|normal|hard] [--kind text|arithmetic]
       [--theme light|dark] [--scale 1-3] [--seed K] [--length 4-8] --format jsonl
       npm run --silent captcha -- --kind audio --lang en|zh-CN --count N [--seed K] --format jsonl   ({"text","wav"})`

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['help', 'format', 'count', 'preset', 'kind', 'theme', 'scale', 'seed', 'length', 'lang'])
  if (args.has('help')) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  const format = args.get('format') ?? 'jsonl'
  if (format !== 'jsonl') throw new Error('--format must be jsonl')
  const count = intArg(args, 'count', 1, 1, 10_000_000)
  const preset = choiceArg<CaptchaPreset>(args, 'preset', ['easy', 'normal', 'hard'], 'normal')
  const kind = choiceArg<CaptchaKind | 'audio'>(args, 'kind', ['text', 'arithmetic', 'audio'], 'text')
  const theme = choiceArg<Theme>(args, 'theme', ['light', 'dark'], 'light')
  const scale = numberArg(args, 'scale', 1)
  if (scale < 1 || scale > 3) throw new Error('--scale must be 1–3')
  const random: RandomSource = args.has('seed') ? seededRandom(intArg(args, 'seed', 0, 0, 0xffff_ffff)) : cryptoRandom
  const overrides = args.has('length') ? { length: intArg(args, 'length', 5, 4, 8) } : {}
  if (kind === 'audio') return writeAudioDataset(count, choiceArg<Language>(args, 'lang', LANGUAGES, 'en'), random)

  // Datasets are stored as base64 lines, so compress: the pixels are the same as the app's stored PNGs.
  const generator = new CaptchaGenerator(resolveOptions(preset, { ...overrides, fontFiles: shippedFonts() }), kind, COMPACT_PNG)
  for (let i = 0; i < count; i++) {
    const captcha = await generator.generate({ theme, scale }, random)
    const line = `${JSON.stringify({ text: captcha.answer, png: Buffer.from(captcha.png).toString('base64') })}\n`
    if (!process.stdout.write(line)) await once(process.stdout, 'drain')
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`)
  process.exitCode = 1
})
