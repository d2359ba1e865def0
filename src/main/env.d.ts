/** Replaced at build time: true only in `--mode e2e` builds. */
declare const __E2E_HOOKS__: boolean
