// `npm test`: builds, runs every test layer even when one fails, and ends with one line that totals
// them all (`tests: N passed, N failed, N skipped`) so CI and people read the same verdict.
import './require-node.mjs'
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureElectronBinary } from './electron/binary.cjs'
import { electronE2ELine } from './electron/messages.cjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const output = join(root, '.test-output')
const bin = (name) => join(root, 'node_modules', '.bin', name)

function run(label, command, args, env = {}) {
  console.log(`\n== ${label}`)
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status === 0
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

rmSync(output, { recursive: true, force: true })
mkdirSync(output, { recursive: true })

const totals = { passed: 0, failed: 0, skipped: 0 }
let ok = true

// 1. Production build (what users ship), then a build with test hooks for the Electron layer.
// Electron is fetched the way `npm start` fetches it; only when it cannot be had is its project skipped
// (or, with ELECTRON_E2E=require, failed by its fixture), and this says why in one line.
ok = run('build (production)', bin('electron-vite'), ['build']) && ok
console.log('\n== Electron for the end-to-end tests')
const electron = await ensureElectronBinary()
if (electron.ok) {
  console.log(`Electron: ${electron.path}`)
  ok = run('build (e2e hooks)', bin('electron-vite'), ['build', '--mode', 'e2e', '--outDir', 'out-e2e']) && ok
} else {
  const required = process.env.ELECTRON_E2E === 'require'
  console.log(electronE2ELine(electron.headline, required))
  if (required) ok = false
}

// 2. Unit tests.
const vitestJson = join(output, 'vitest.json')
ok = run('unit tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`]) && ok
const vitest = readJson(vitestJson)
if (vitest) {
  totals.passed += vitest.numPassedTests
  totals.failed += vitest.numFailedTests
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests
} else {
  console.log('vitest wrote no report: counting the layer as one failure')
  totals.failed += 1
}

// 3. End-to-end tests: browser harness and Electron, one set of specs.
ok = run('end-to-end tests (playwright)', bin('playwright'), ['test']) && ok
const playwright = readJson(join(output, 'playwright.json'))
if (playwright) {
  totals.passed += playwright.stats.expected + playwright.stats.flaky
  totals.failed += playwright.stats.unexpected
  totals.skipped += playwright.stats.skipped
} else {
  console.log('playwright wrote no report: counting the layer as one failure')
  totals.failed += 1
}

if (totals.failed > 0) ok = false
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(ok ? 0 : 1)
