// `npm run bench:login`: does a sign-in for an unknown username take as long as a wrong password for a
// known one (production scrypt)? The unit tests count the scrypt work exactly; this measures the time.
// Prints both medians (min–max), the difference of the paired tries with its distribution-free 95% interval,
// and the same for the first sign-in after each start. Options: --pairs N (default 40), --starts N (20).
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { DEFAULT_SCRYPT } from '../src/main/core/accounts/password'
import { CHANNELS } from '../src/shared/ipc-contract'
import { createTestCore, type TestCore } from '../test/support/core'
import { tempDir } from '../test/support/temp-dir'
import { intArg, parseArgs } from './captcha/lib/args'
import { formatSummary, median, medianInterval, summarise, verdict } from './captcha/lib/stats'

/** The difference a person could not tell from noise and an attacker could not use cheaply. */
const LIMIT_PERCENT = 20
const ctx = { sessionKey: 'bench' }

async function timedSignIn(core: TestCore, username: string): Promise<number> {
  const image = await core.invoke(CHANNELS.captchaNew, undefined, ctx)
  if (!image.ok || !('id' in image)) throw new Error('no captcha')
  const credentials = { captchaId: image.id, captchaText: core.answers.get(image.id)!, username, password: 'not the password' }
  const start = performance.now()
  const result = await core.invoke(CHANNELS.signIn, credentials, ctx)
  const elapsed = performance.now() - start
  if (result.ok || result.code !== 'BAD_CREDENTIALS') throw new Error(`unexpected answer ${JSON.stringify(result)}`)
  return elapsed
}

/** Known and unknown in one pair, in alternating order, so a slow moment of the machine hits both alike. */
async function pair(core: TestCore, i: number): Promise<{ known: number; unknown: number }> {
  if (i % 2 === 0) {
    const known = await timedSignIn(core, 'alice')
    return { known, unknown: await timedSignIn(core, `nobody-${i}`) }
  }
  const unknown = await timedSignIn(core, `nobody-${i}`)
  return { known: await timedSignIn(core, 'alice'), unknown }
}

function report(label: string, pairs: Array<{ known: number; unknown: number }>): boolean {
  const known = pairs.map((p) => p.known)
  const unknown = pairs.map((p) => p.unknown)
  const percent = pairs.map((p) => ((p.unknown - p.known) / p.known) * 100)
  const interval = medianInterval(percent)
  const ok = Math.abs(median(percent)) < LIMIT_PERCENT
  console.log(`\n${label} (${pairs.length} pairs)`)
  console.log(`  known user, wrong password: median ${formatSummary(summarise(known), 1)} ms`)
  console.log(`  unknown user:               median ${formatSummary(summarise(unknown), 1)} ms`)
  console.log(
    `  difference (unknown − known): ${(median(unknown) - median(known)).toFixed(1)} ms between medians; ` +
      `paired ${median(percent).toFixed(1)} %, 95% interval ${interval.low.toFixed(1)} … ${interval.high.toFixed(1)} %`
  )
  console.log(`  ${verdict(ok)}: the paired median lies within ±${LIMIT_PERCENT} %`)
  return ok
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['pairs', 'starts'])
  const pairs = intArg(args, 'pairs', 40, 6, 10_000)
  const starts = intArg(args, 'starts', 20, 6, 1_000)
  const dir = tempDir('bench-login-')
  const dbPath = join(dir.path, 'accounts.sqlite')
  // Production scrypt; the lockout raised so every wrong password still reaches the hash.
  const open = () => createTestCore({ dbPath, scrypt: DEFAULT_SCRYPT, lockout: { maxFailures: 1_000_000 } })
  try {
    const setup = open()
    const image = await setup.invoke(CHANNELS.captchaNew, undefined, ctx)
    if (!image.ok || !('id' in image)) throw new Error('no captcha')
    await setup.invoke(
      CHANNELS.signUp,
      { captchaId: image.id, captchaText: setup.answers.get(image.id)!, username: 'alice', password: 'correct horse' },
      ctx
    )
    setup.close()

    // The first sign-in after each start: a fresh core on the same file, nothing cached.
    const first: Array<{ known: number; unknown: number }> = []
    for (let i = 0; i < starts; i++) {
      const core = open()
      first.push(await pair(core, i))
      core.close()
    }
    const core = open()
    await pair(core, 0) // warm-up, not counted
    const steady: Array<{ known: number; unknown: number }> = []
    for (let i = 0; i < pairs; i++) steady.push(await pair(core, i))
    core.close()

    console.log(`sign-in timing, scrypt N=${DEFAULT_SCRYPT.N} r=${DEFAULT_SCRYPT.r} p=${DEFAULT_SCRYPT.p}`)
    const okFirst = report(`first sign-in after a start (${starts} starts)`, first)
    const okSteady = report('later sign-ins', steady)
    process.exitCode = okFirst && okSteady ? 0 : 1
  } finally {
    dir.remove()
  }
}

void main()
