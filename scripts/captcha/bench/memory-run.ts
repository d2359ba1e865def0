// Child of `npm run bench`: memory growth of one variant over many create + verify cycles, printed as JSON.
import { CaptchaGenerator } from '../../../src/main/core/captcha/generator'
import { resolveOptions } from '../../../src/main/core/captcha/options'
import { CaptchaService, type CaptchaImageSource } from '../../../src/main/core/captcha/service'
import { CaptchaWorkerPool } from '../../../src/main/core/captcha/worker-pool'
import { choiceArg, intArg, parseArgs } from '../lib/args'
import { memoryGrowth } from '../lib/bench-system'
import { repoRoot, shippedFonts } from '../lib/paths'
import { tsxWorkerFactory } from '../lib/tsx-worker'
import { MEMORY_VARIANTS } from './settings'

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['variant', 'cycles'])
  const variant = choiceArg(args, 'variant', MEMORY_VARIANTS, 'app')
  const cycles = intArg(args, 'cycles', 10_000, 100, 1_000_000)
  const options = resolveOptions('normal', { fontFiles: shippedFonts() })
  // The app's way is a pool of workers with the main thread keeping only the store; the others show why.
  const pool =
    variant === 'in-thread'
      ? undefined
      : new CaptchaWorkerPool({
          createWorker: tsxWorkerFactory(repoRoot()),
          options,
          youngGenerationMb: variant === 'app' ? undefined : null
        })
  const source: CaptchaImageSource = pool ?? new CaptchaGenerator(options)
  const grown = await memoryGrowth((onIssued) => new CaptchaService({ source, onIssued }), cycles)
  await pool?.close()
  process.stdout.write(JSON.stringify(grown))
}

void main()
