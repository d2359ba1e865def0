import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { buildPageApi } from './harness/build-page-api'
import { findElectronBinary } from './electron-binary'
import { E2E_BUILD_DIR, RENDERER_DIR } from './paths'

export default async function globalSetup(): Promise<void> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`No built renderer in ${RENDERER_DIR}: run \`npm run build\` (npm test does it for you).`)
  }
  await buildPageApi()
  // Without Electron, `npm test` has printed why; each Electron test then skips (or fails) with the reason.
  if (findElectronBinary() && !existsSync(join(E2E_BUILD_DIR, 'main/index.js'))) {
    throw new Error(`No e2e build in ${E2E_BUILD_DIR}: run \`npx electron-vite build --mode e2e --outDir out-e2e\`.`)
  }
}
