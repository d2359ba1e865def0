import { locateElectronBinary } from '../../scripts/electron/binary.cjs'
import { ELECTRON_E2E_MISSING } from '../../scripts/electron/messages.cjs'

/**
 * Where the Electron executable is, or null. Only looks: `npm test` has already fetched it the way
 * `npm start` does (scripts/electron/binary.cjs), and said in one line why when it could not.
 */
export function findElectronBinary(): string | null {
  return locateElectronBinary()
}

/** ELECTRON_E2E=require: a machine that must run the Electron project fails instead of skipping it. */
export const ELECTRON_E2E_REQUIRED = process.env['ELECTRON_E2E'] === 'require'

export const ELECTRON_SKIP_REASON = `Electron end-to-end tests skipped: ${ELECTRON_E2E_MISSING}`
export const ELECTRON_REQUIRED_REASON = `Electron end-to-end tests required (ELECTRON_E2E=require) but ${ELECTRON_E2E_MISSING}`
