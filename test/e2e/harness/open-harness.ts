import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from '@playwright/test'
import { serveRendererFile } from '../../../src/main/core/renderer-files'
import { createTestCore, type TestCore } from '../../support/core'
import { RENDERER_DIR } from '../paths'
import { PAGE_API_BUNDLE } from './build-page-api'
import { encodeBytes } from './wire'

const HARNESS_ORIGIN = 'http://login.test'

/** Chromium from CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own download. */
export function chromiumPath(): string | undefined {
  return [process.env['CHROMIUM_PATH'], '/usr/bin/chromium'].find((path): path is string => !!path && existsSync(path))
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // Root in a container needs --no-sandbox; the rest keep Chromium off this closed network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
  })
}

export interface HarnessPage {
  page: Page
  core: TestCore
  close(): Promise<void>
}

export interface HarnessOptions {
  viewport?: { width: number; height: number }
  deviceScaleFactor?: number
  colorScheme?: 'light' | 'dark'
  locale?: string
}

/**
 * The built renderer in Chromium, served exactly as app:// serves it (same function, same CSP header),
 * with the preload's createApi wired over a binding to the real main-process core.
 */
export async function openHarnessPage(browser: Browser, options: HarnessOptions = {}): Promise<HarnessPage> {
  const core = createTestCore()
  const context = await browser.newContext({ viewport: { width: 520, height: 640 }, ...options })
  const page = await context.newPage()
  await page.exposeBinding('__loginAppInvoke', async (_source, channel: unknown, request: unknown) =>
    encodeBytes(await core.invoke(channel, request, { sessionKey: 'harness-window' }), (bytes) =>
      Buffer.from(bytes).toString('base64')
    )
  )
  await page.addInitScript({ path: PAGE_API_BUNDLE })
  await page.route(`${HARNESS_ORIGIN}/**`, async (route) => {
    const file = await serveRendererFile(RENDERER_DIR, new URL(route.request().url()).pathname)
    await route.fulfill({ status: file.status, headers: file.headers, body: Buffer.from(file.body) })
  })
  await page.goto(`${HARNESS_ORIGIN}/index.html`)
  return {
    page,
    core,
    close: async () => {
      await context.close()
      core.dispose()
    }
  }
}
