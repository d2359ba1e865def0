// The one place that finds Electron's executable, or fetches it on first use, for `npm start`,
// `npm run dev` and `npm test`. Fetching runs Electron's own installer (the `install-electron` bin of the
// electron package), so ELECTRON_MIRROR, ELECTRON_CUSTOM_DIR, electron_config_cache and
// electron_use_remote_checksums mean what Electron documents. Never imports `electron`: from Electron 42 on
// that downloads by itself, with no way to report why it failed. CommonJS, so Playwright's loader can require it.
const { spawn } = require('node:child_process')
const { existsSync, mkdtempSync, readFileSync, rmSync } = require('node:fs')
const { tmpdir } = require('node:os')
const { dirname, join } = require('node:path')

const root = join(__dirname, '../..')
const packageDir = dirname(require.resolve('electron/package.json', { paths: [root] }))
const electronPackage = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'))

const ELECTRON_VERSION = electronPackage.version
exports.ELECTRON_VERSION = ELECTRON_VERSION

/** The executable's path inside an unpacked Electron: what the installer wrote to path.txt, else its default. */
function executableName() {
  const pathFile = join(packageDir, 'path.txt')
  if (existsSync(pathFile)) return readFileSync(pathFile, 'utf8').trim()
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron'
  return process.platform === 'win32' ? 'electron.exe' : 'electron'
}

/** Electron's executable if it is there (ELECTRON_OVERRIDE_DIST_PATH first, as Electron itself does), else null. */
function locateElectronBinary(env = process.env) {
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist')
  const binary = join(dist, executableName())
  return existsSync(binary) ? binary : null
}

function firstLine(text) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .find(Boolean)
}

/** Runs the installer; resolves to null on success, else `{ url?, reason }`. */
function runInstaller(env) {
  const reportDir = mkdtempSync(join(tmpdir(), 'electron-install-'))
  const reportFile = join(reportDir, 'failure.json')
  const installer = join(packageDir, electronPackage.bin['install-electron'])
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', join(__dirname, 'installer-report.cjs'), installer], {
      env: { ...env, LOGIN_APP_INSTALL_REPORT: reportFile },
      // Its stderr is a stack trace on failure; the reason is reported in one line instead.
      stdio: ['ignore', 'inherit', 'pipe']
    })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk))
    const finish = (failure) => {
      rmSync(reportDir, { recursive: true, force: true })
      resolve(failure)
    }
    child.on('error', (error) => finish({ reason: `its installer did not start (${error.message})` }))
    child.on('close', (code, signal) => {
      if (code === 0) return finish(null)
      const report = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) : {}
      finish({ url: report.url, reason: report.reason ?? firstLine(stderr) ?? `its installer exited with ${signal ?? `code ${code}`}` })
    })
  })
}

/**
 * Electron's executable, fetched first when missing: `{ ok: true, path, fetched }`, or
 * `{ ok: false, headline }` saying in one sentence why it cannot be had.
 */
async function ensureElectronBinary(env = process.env, log = (line) => console.log(line)) {
  const found = locateElectronBinary(env)
  if (found) return { ok: true, path: found, fetched: false }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH
  if (override) {
    return {
      ok: false,
      headline: `ELECTRON_OVERRIDE_DIST_PATH=${override} has no Electron executable (looked for ${join(override, executableName())})`
    }
  }
  log(`Electron ${ELECTRON_VERSION} is not installed yet: fetching it once (about 100 MB) with its installer.`)
  const failure = await runInstaller(env)
  if (failure) {
    const from = failure.url ? ` from ${failure.url}` : ''
    return { ok: false, headline: `Electron ${ELECTRON_VERSION} could not be fetched${from}: ${failure.reason}` }
  }
  const fetched = locateElectronBinary(env)
  if (!fetched)
    return { ok: false, headline: `Electron's installer finished but left no ${executableName()} in ${join(packageDir, 'dist')}` }
  return { ok: true, path: fetched, fetched: true }
}

exports.locateElectronBinary = locateElectronBinary
exports.ensureElectronBinary = ensureElectronBinary
