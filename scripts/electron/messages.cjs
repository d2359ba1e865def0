// What `npm start`, `npm run dev` and `npm test` print when Electron's executable cannot be had.
const { ELECTRON_VERSION } = require('./binary.cjs')

const GUIDE = 'docs/getting-started.md'

/** For `npm start` / `npm run dev`: the reason, then the three ways out. */
exports.cannotLaunchMessage = function cannotLaunchMessage(headline) {
  return [
    `${headline}.`,
    'Any one of these provides it:',
    '  ELECTRON_MIRROR=https://your.mirror/electron/   download from a mirror you can reach',
    `  electron_config_cache=/path/to/cache           a cache holding electron-v${ELECTRON_VERSION}-<platform>-<arch>.zip (+ SHASUMS256.txt)`,
    `  ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron  an unpacked Electron ${ELECTRON_VERSION}, used as it is`,
    `See ${GUIDE}.`
  ].join('\n')
}

/** For `npm test`: one line when the Electron end-to-end project is skipped, or required and missing. */
exports.electronE2ELine = function electronE2ELine(headline, required) {
  const ways = `set ELECTRON_MIRROR, electron_config_cache or ELECTRON_OVERRIDE_DIST_PATH (${GUIDE})`
  return required
    ? `Electron end-to-end tests required (ELECTRON_E2E=require) but cannot run: ${headline}; ${ways}.`
    : `Electron end-to-end tests skipped: ${headline}; ${ways}, or ELECTRON_E2E=require to fail instead.`
}

/** Why each Electron end-to-end test is skipped or fails, in Playwright's report. */
exports.ELECTRON_E2E_MISSING = `no Electron ${ELECTRON_VERSION} executable (\`npm test\` fetches it first and says why it could not; see ${GUIDE})`
