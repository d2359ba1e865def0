// Child of `npm run bench`: one round of the one-core table in a fresh process, printed as JSON.
import { CaptchaGenerator } from '../../../src/main/core/captcha/generator'
import { resolveOptions } from '../../../src/main/core/captcha/options'
import { intArg, parseArgs } from '../lib/args'
import { oneCoreRound } from '../lib/bench-round'
import { shippedFonts } from '../lib/paths'
import { PRESETS, SCALES } from './settings'

async function main(): Promise<void> {
  const count = intArg(parseArgs(process.argv.slice(2), ['count']), 'count', 200, 10, 100_000)
  const fonts = shippedFonts()
  const generators = new Map(PRESETS.map((p) => [p, new CaptchaGenerator(resolveOptions(p, { fontFiles: fonts }))]))
  process.stdout.write(JSON.stringify(await oneCoreRound(generators, SCALES, count)))
}

void main()
