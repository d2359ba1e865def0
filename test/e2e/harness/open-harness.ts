import { existsSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { chromium, type Browser, type Page } from '@playwright/test'
import { serveRendererFile } from '../../../src/main/core/app-origin/renderer-files'
import { createTestCore, TEST_INFO, type TestCore } from '../../support/core'
import { tempDir } from '../../support/temp-dir'
import { RENDERER_DIR } from '../paths'
import { PAGE_API_BUNDLE } from './build-page-api'
import { encodeBytes } from './wire'

let origin: Promise<string> | undefined

/**
 * One loopback HTTP server per process serving the build with serveRendererFile. A real server
 * rather than Playwright request interception, whose per-request round trips through the test
 * process cost more than the page itself on a busy machine (and would distort bench:ui).
 */
function rendererOrigin(): Promise<string> {
  origin ??= new Promise((resolve, reject) => {
    const server = createServer((request, response) => {
      void serveRendererFile(RENDERER_DIR, new URL(request.url ?? '/', 'http://localhost').pathname).then(
        (file) => response.writeHead(file.status, file.headers).end(Buffer.from(file.body)),
        () => response.writeHead(500).end()
      )
    })
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))
    // Never the reason a test run or a script stays alive.
    server.unref()
  })
  return origin
}

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
  /** How many times the page called each channel. */
  invocations: Map<string, number>
  /** Answers the next call of `channel` with `result` instead of the core (for results main cannot yet produce on demand). */
  respondOnce(channel: string, result: unknown): void
  close(): Promise<void>
}

export interface HarnessOptions {
  viewport?: { width: number; height: number }
  deviceScaleFactor?: number
  colorScheme?: 'light' | 'dark'
  locale?: string
  /** What the shell would read from app.getPreferredSystemLanguages(); default zh-CN. */
  systemLocales?: string[]
  /** Contents of the accounts database file before the core opens it; default none (a fresh database). */
  accountsFile?: string | null
}

/**
 * The built renderer in Chromium, served exactly as app:// serves it (same function, same CSP header),
 * with the preload's createApi wired over a binding to the real main-process core.
 */
export async function openHarnessPage(browser: Browser, options: HarnessOptions = {}): Promise<HarnessPage> {
  const { systemLocales = TEST_INFO.systemLocales, accountsFile = null, ...contextOptions } = options
  // The harness's own versions, labelled so the About footer can never pass for a real Electron's.
  const versions = { electron: 'none (browser harness)', chrome: browser.version(), node: process.versions.node }
  const seeded = accountsFile === null ? null : tempDir()
  if (seeded) writeFileSync(join(seeded.path, 'accounts.sqlite'), accountsFile!)
  const core = createTestCore({
    info: { ...TEST_INFO, versions, systemLocales },
    ...(seeded ? { dbPath: join(seeded.path, 'accounts.sqlite') } : {})
  })
  const context = await browser.newContext({ viewport: { width: 520, height: 640 }, ...contextOptions })
  const page = await context.newPage()
  const invocations = new Map<string, number>()
  const canned = new Map<string, unknown>()
  await page.exposeBinding('__loginAppInvoke', async (_source, channel: unknown, request: unknown) => {
    const name = String(channel)
    invocations.set(name, (invocations.get(name) ?? 0) + 1)
    const result = canned.has(name) ? canned.get(name) : await core.invoke(channel, request, { sessionKey: 'harness-window' })
    canned.delete(name)
    return encodeBytes(result, (bytes) => Buffer.from(bytes).toString('base64'))
  })
  await page.addInitScript({ path: PAGE_API_BUNDLE })
  await page.goto(`${await rendererOrigin()}/index.html`)
  return {
    page,
    core,
    invocations,
    respondOnce: (channel, result) => canned.set(channel, result),
    close: async () => {
      await context.close()
      core.dispose()
      seeded?.remove()
    }
  }
}
