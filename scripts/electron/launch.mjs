// `npm start` and `npm run dev`: makes sure Electron's executable is there (fetching it on first use),
// then runs electron-vite with it. electron-vite only reads node_modules/electron/path.txt or
// ELECTRON_EXEC_PATH, so the executable found here (ELECTRON_OVERRIDE_DIST_PATH included) is passed on
// through ELECTRON_EXEC_PATH. Usage: node scripts/electron/launch.mjs <dev|preview> [electron-vite options]
import '../require-node.mjs'
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureElectronBinary } from './binary.cjs'
import { cannotLaunchMessage } from './messages.cjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')

async function electronExecutable() {
  // electron-vite's own variable, set by the user: theirs to decide.
  if (process.env.ELECTRON_EXEC_PATH) return process.env.ELECTRON_EXEC_PATH
  const electron = await ensureElectronBinary()
  if (electron.ok) return electron.path
  console.error(cannotLaunchMessage(electron.headline))
  process.exit(1)
}

const executable = await electronExecutable()
const electronVite = join(dirname(createRequire(join(root, 'package.json')).resolve('electron-vite/package.json')), 'bin/electron-vite.js')
const child = spawn(process.execPath, [electronVite, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: executable }
})
// Ctrl+C reaches electron-vite from the terminal; a signal sent to this process alone is passed on.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal))
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
