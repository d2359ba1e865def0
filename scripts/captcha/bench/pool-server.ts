// Child of `npm run bench`: a warmed-up pool of N workers, kept alive, measuring throughput on request
// (one window in ms per stdin line, one JSON line back; see ResidentChild).
import { resolveOptions } from '../../../src/main/core/captcha/options'
import { CaptchaWorkerPool } from '../../../src/main/core/captcha/worker-pool'
import { intArg, parseArgs } from '../lib/args'
import { serveResident } from '../lib/bench-children'
import { throughputFor } from '../lib/bench-system'
import { repoRoot, shippedFonts } from '../lib/paths'
import { tsxWorkerFactory } from '../lib/tsx-worker'
import { IN_FLIGHT } from './settings'

async function main(): Promise<void> {
  const pool = new CaptchaWorkerPool({
    createWorker: tsxWorkerFactory(repoRoot()),
    options: resolveOptions('normal', { fontFiles: shippedFonts() }),
    size: intArg(parseArgs(process.argv.slice(2), ['workers']), 'workers', 1, 1, 256)
  })
  await throughputFor(pool, 1000, IN_FLIGHT)
  await serveResident((ms) => throughputFor(pool, ms, IN_FLIGHT))
  await pool.close()
}

void main()
