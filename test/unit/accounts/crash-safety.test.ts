import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AccountStore } from '../../../src/main/core/accounts/account-store'
import { openDatabase } from '../../../src/main/core/accounts/database'
import { FAST_SCRYPT } from '../../support/scrypt'
import { tempDir } from '../../support/temp-dir'

const ROOT = join(__dirname, '../../..')
const ROUNDS = 24
const dir = tempDir()
afterAll(dir.remove)
const dbPath = join(dir.path, 'accounts.sqlite')
const loopScript = join(dir.path, 'signup-loop.cjs')

// Bundled once into plain CommonJS: a child started with tsx spends ~1 s compiling before its first
// sign-up, which would make the kills land mostly during start-up and the test slow.
beforeAll(async () => {
  await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    // Packages bundled in too: the script runs from a temp folder, where no node_modules can be found.
    ssr: { noExternal: true },
    build: {
      ssr: join(ROOT, 'test/support/signup-loop.ts'),
      outDir: dir.path,
      emptyOutDir: false,
      minify: false,
      rolldownOptions: { external: [/^node:/], output: { format: 'cjs', entryFileNames: 'signup-loop.cjs' } }
    }
  })
}, 60_000)

/**
 * Runs the sign-up loop and SIGKILLs it at a random moment: sometimes before its first sign-up (while
 * it opens or migrates the database), usually a few acknowledged sign-ups in, at a random delay.
 */
function killedRun(round: number): Promise<Array<[string, string]>> {
  const acks: Array<[string, string]> = []
  const waitFor = Math.floor(Math.random() * 6)
  const child = spawn(process.execPath, [loopScript, dbPath, `r${round}`], { stdio: ['ignore', 'pipe', 'pipe'] })
  let buffered = ''
  let stderr = ''
  const kill = () => setTimeout(() => child.kill('SIGKILL'), Math.random() * 25)
  if (waitFor === 0) setTimeout(() => child.kill('SIGKILL'), Math.random() * 80)
  // Only against a hung child: generous, so a busy machine's slow start-up is never cut short.
  const safety = setTimeout(() => child.kill('SIGKILL'), 60_000)
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString()
    const lines = buffered.split('\n')
    buffered = lines.pop()!
    for (const line of lines) {
      const [tag, username, password] = line.split(' ')
      if (tag !== 'ack' || !username || !password) continue
      acks.push([username, password])
      if (acks.length === waitFor) kill()
    }
  })
  return new Promise((resolve, reject) =>
    child.on('exit', (_code, signal) => {
      clearTimeout(safety)
      // Anything but our SIGKILL (an exception in the loop, a refused sign-up) is a failure of its own.
      if (signal !== 'SIGKILL') reject(new Error(`signup loop exited by itself (${signal ?? _code}): ${stderr}`))
      else resolve(acks)
    })
  )
}

describe('crash safety of sign-up', () => {
  it(`every acknowledged account survives ${ROUNDS} SIGKILLs at random moments`, { timeout: 600_000 }, async () => {
    const acknowledged: Array<[string, string]> = []
    let killedBeforeFirst = 0
    for (let round = 0; round < ROUNDS; round++) {
      const acks = await killedRun(round)
      if (acks.length === 0) killedBeforeFirst += 1
      acknowledged.push(...acks)
    }
    console.log(`crash safety: ${ROUNDS} kills, ${killedBeforeFirst} before any sign-up, ${acknowledged.length} acknowledged accounts`)
    expect(acknowledged.length).toBeGreaterThan(ROUNDS)

    const db = openDatabase(dbPath)
    try {
      expect(db.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }])
      const store = new AccountStore(db, { scrypt: FAST_SCRYPT })
      const lost = []
      for (const [username, password] of acknowledged) {
        if ((await store.verify(username, password))?.username !== username) lost.push(username)
      }
      expect(lost).toEqual([])
    } finally {
      db.close()
    }
  })
})
