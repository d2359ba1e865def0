import { join } from 'node:path'
import { build } from 'vite'

export const PAGE_API_BUNDLE = join(__dirname, '../../../.test-output/page-api.js')

/** Bundles page-api.ts (and the real createApi it imports) into one classic script for addInitScript. */
export async function buildPageApi(): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      lib: { entry: join(__dirname, 'page-api.ts'), formats: ['iife'], name: 'loginAppHarness', fileName: () => 'page-api.js' },
      outDir: join(PAGE_API_BUNDLE, '..'),
      emptyOutDir: false,
      minify: false
    }
  })
}
