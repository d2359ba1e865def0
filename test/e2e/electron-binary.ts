import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * Where the Electron binary is, or null. Found by reading electron's path.txt, never by importing
 * `electron`: from Electron 42 on, importing it downloads the binary when it is missing.
 */
export function findElectronBinary(): string | null {
  let packageDir: string
  try {
    packageDir = dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
  const pathFile = join(packageDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron'
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH']
  const binary = override ? join(override, relative) : join(packageDir, 'dist', relative)
  return existsSync(binary) ? binary : null
}

export const ELECTRON_SKIP_REASON =
  'Electron end-to-end tests skipped: no Electron binary (node_modules/electron/dist is empty and ' +
  'ELECTRON_OVERRIDE_DIST_PATH is unset). Enable them by running `npx install-electron` where the ' +
  'download host is reachable, or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45 folder.'
