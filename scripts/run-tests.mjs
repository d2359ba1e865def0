// `npm test`: builds, runs every test layer even when one fails, and ends with one line that totals
// them all (`tests: N passed, N failed, N skipped`) so CI and people read the same verdict.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const output = join(root, '.test-output')
const bin = (name) => join(root, 'node_modules', '.bin', name)

function run(label, command, args, env = {}) {
  console.log(`\n== ${label}`)
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status === 0
}

function electronBinaryPresent() {
  const pkg = join(root, 'node_modules/electron')
  const pathFile = join(pkg, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron'
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(pkg, 'dist')
  return existsSync(join(base, relative))
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
ok = run('build (production)', bin('electron-vite'), ['build']) && ok
if (electronBinaryPresent()) {
  ok = run('build (e2e hooks)', bin('electron-vite'), ['build', '--mode', 'e2e', '--outDir', 'out-e2e']) && ok
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
