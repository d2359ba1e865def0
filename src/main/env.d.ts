/** Replaced at build time: true only in `--mode e2e` builds. */
declare const __E2E_HOOKS__: boolean
/** Replaced at build time: true only in `electron-vite dev`, the one build that may trust a dev server and open DevTools. */
declare const __DEV_BUILD__: boolean
