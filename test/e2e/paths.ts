import { join } from 'node:path'

export const ROOT = join(__dirname, '../..')
/** The production renderer build, which the browser harness serves. */
export const RENDERER_DIR = join(ROOT, 'out/renderer')
/** A build with test hooks compiled in (`--mode e2e`), which the Electron project launches. */
export const E2E_BUILD_DIR = join(ROOT, 'out-e2e')
