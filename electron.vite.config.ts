import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { IndexHtmlTransformContext } from 'vite'
import { contentSecurityPolicy, inlineStyleHashes } from './src/main/core/app-origin/renderer-files'
import { bakeTexts, inlineStylesheet, linkedStylesheet, setPolicy } from './src/renderer/src/html-at-build'
import { MESSAGES } from './src/renderer/src/i18n'

// Test hooks (learning the captcha answer in end-to-end tests) are compiled in only by
// `electron-vite build --mode e2e`; every other build replaces this with `false` and drops the code.
const testHooks = (mode: string): Record<string, string> => ({
  __E2E_HOOKS__: JSON.stringify(mode === 'e2e')
})

// Trusting the dev server's origin and allowing DevTools are decided here, when the bundle is made: only
// `electron-vite dev` compiles them in. Not app.isPackaged, which a packaged binary renamed `electron` flips.
const devTrust = (command: string): Record<string, string> => ({
  __DEV_BUILD__: JSON.stringify(command === 'serve')
})

const shared = resolve(__dirname, 'src/shared')

/**
 * The built stylesheet moves into index.html (html-at-build.ts says why) and leaves the output; the meta
 * policy gets its hash, the one app:// computes for its header from the same file (renderer-files.ts).
 */
function inlineCss(html: string, { bundle }: IndexHtmlTransformContext): string {
  const path = linkedStylesheet(html)
  const asset = bundle?.[path]
  if (asset?.type !== 'asset') throw new Error(`index.html links ${path}, which is not in the build`)
  delete bundle![path]
  const inlined = inlineStylesheet(html, path, String(asset.source))
  return setPolicy(inlined, contentSecurityPolicy(inlineStyleHashes(inlined), { meta: true }))
}

export default defineConfig(({ command, mode }) => ({
  main: {
    define: { ...testHooks(mode), ...devTrust(command) },
    resolve: { alias: { '@shared': shared } },
    build: {
      // node:sqlite is a prefix-only built-in; older build hosts do not list it in builtinModules,
      // so name it explicitly or the bundler would try to resolve it as a package.
      rolldownOptions: { external: ['node:sqlite'] }
    }
  },
  preload: {
    resolve: { alias: { '@shared': shared } },
    build: {
      // A sandboxed preload can require only a few built-ins, so it must be one self-contained CJS file.
      rolldownOptions: { output: { format: 'cjs', codeSplitting: false } }
    }
  },
  renderer: {
    resolve: { alias: { '@shared': shared } },
    // The default language's texts are in the HTML, so the form paints labelled before main.ts asks main;
    // once Vite has written its tags, the stylesheet goes inline (html-at-build.ts says why). The entry
    // stays a plain (deferred) module: Chromium paints the parsed form while it waits for the script,
    // where an async one could run first and hold the first paint back (bench:ui: FCP 1.45× → 1.28×).
    plugins: [
      { name: 'bake-texts', transformIndexHtml: (html: string) => bakeTexts(html, MESSAGES['zh-CN']) },
      { name: 'inline-css', apply: 'build', transformIndexHtml: { order: 'post', handler: inlineCss } }
    ],
    // Minified explicitly: what the page loads is what the 60 KB budget test measures.
    build: { assetsInlineLimit: 0, minify: true, cssMinify: true },
    css: {
      // Bootstrap 5.3's Sass still uses @import and global functions; those warnings are theirs, not ours.
      preprocessorOptions: {
        scss: { quietDeps: true, silenceDeprecations: ['import', 'global-builtin', 'color-functions', 'if-function'] }
      }
    }
  }
}))
