import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { chromium, type Browser, type Page } from '@playwright/test'
import { serveRendererFile } from '../../../src/main/core/app-origin/renderer-files'
import { createTestCore, TEST_INFO, type TestCore } from '../../support/core'
import { tempDir } from '../../support/temp-dir'
import { CHANNELS } from '../../../src/shared/ipc-contract'
import { RENDERER_DIR } from '../paths'
import { PAGE_API_BUNDLE } from './build-page-api'
import { encodeBytes } from './wire'

let origin: Promise<string> | undefined

/** Each open page's IPC endpoint, by path: one server, many pages, each wired to its own core. */
const endpoints = new Map<string, (channel: unknown, request: unknown) => Promise<unknown>>()
/** Extra documents (bench:ui's reference page), served with index.html's own headers. */
const documents = new Map<string, string>()

const INVOKE_PREFIX = '/__harness/invoke/'

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

async function answerInvoke(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
  const endpoint = endpoints.get(pathname)
  if (!endpoint || request.method !== 'POST') return void response.writeHead(404).end()
  const { channel, request: payload } = JSON.parse(await readBody(request)) as { channel: unknown; request: unknown }
  const result = encodeBytes(await endpoint(channel, payload), (bytes) => Buffer.from(bytes).toString('base64'))
  response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(result))
}

async function answerFile(response: ServerResponse, pathname: string): Promise<void> {
  const extra = documents.get(pathname)
  const file = await serveRendererFile(RENDERER_DIR, extra === undefined ? pathname : '/index.html')
  response.writeHead(file.status, file.headers).end(extra ?? Buffer.from(file.body))
}

/**
 * One loopback HTTP server per process serving the build with serveRendererFile, and each page's IPC
 * endpoint. A real server rather than Playwright request interception, whose per-request round trips
 * through the test process cost more than the page itself on a busy machine (and would distort bench:ui);
 * IPC rides the same server rather than a Playwright binding, off the connection that carries every
 * event of the page's load to the test process.
 */
function rendererOrigin(): Promise<string> {
  origin ??= new Promise((resolve, reject) => {
    const server = createServer((request, response) => {
      const pathname = new URL(request.url ?? '/', 'http://localhost').pathname
      const answer = pathname.startsWith(INVOKE_PREFIX) ? answerInvoke(request, response, pathname) : answerFile(response, pathname)
      answer.catch(() => response.headersSent || response.writeHead(500).end())
    })
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))
    // Never the reason a test run or a script stays alive.
    server.unref()
  })
  return origin
}

/** Serves `html` at `pathname` from the harness's origin, with the headers app:// gives index.html. */
export function addHarnessDocument(pathname: string, html: string): void {
  documents.set(pathname, html)
}

/** Chromium from CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own download. */
export function chromiumPath(): string | undefined {
  return [process.env['CHROMIUM_PATH'], '/usr/bin/chromium'].find((path): path is string => !!path && existsSync(path))
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // Root in a container needs --no-sandbox; the next three keep Chromium off this closed network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      // Headless Chromium gives every new window (each context) the address bar's WebUI popups, each loaded in
      // a renderer of its own: ~0.5 s of CPU beside every page, taken from the page on a busy machine (a
      // trace of one bench:ui load showed it on the CPU as long as the page). Electron has no browser UI.
      '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup'
    ]
  })
}

let bundle: string | undefined
const pageApiBundle = () => (bundle ??= readFileSync(PAGE_API_BUNDLE, 'utf8'))

export interface HarnessPage {
  page: Page
  core: TestCore
  /** How many times the page called each channel. */
  invocations: Map<string, number>
  /** How long the core took to answer each call, by channel: the rest of a round trip is the transport. */
  coreMs: Map<string, number[]>
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
  /** The document to open; default the login window, /index.html. */
  path?: string
  /**
   * Draw one captcha before the page opens. Electron builds the core when the app starts, long before
   * the window asks; a core made just before the page would otherwise pay its first draw in the page's time.
   */
  warmCore?: boolean
  /** Called with the new page before it navigates (bench:ui starts Chromium's performance counters here). */
  beforeNavigation?: (page: Page) => Promise<void>
}

/**
 * The built renderer in Chromium, served exactly as app:// serves it (same function, same CSP header),
 * with the preload's createApi wired over a same-origin POST to the real main-process core.
 */
export async function openHarnessPage(browser: Browser, options: HarnessOptions = {}): Promise<HarnessPage> {
  const {
    systemLocales = TEST_INFO.systemLocales,
    accountsFile = null,
    path = '/index.html',
    warmCore = false,
    beforeNavigation,
    ...contextOptions
  } = options
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
  const coreMs = new Map<string, number[]>()
  const canned = new Map<string, unknown>()
  const invokePath = `${INVOKE_PREFIX}${randomUUID()}`
  endpoints.set(invokePath, async (channel, request) => {
    const name = String(channel)
    invocations.set(name, (invocations.get(name) ?? 0) + 1)
    const started = performance.now()
    const result = canned.has(name) ? canned.get(name) : await core.invoke(channel, request, { sessionKey: 'harness-window' })
    canned.delete(name)
    coreMs.set(name, [...(coreMs.get(name) ?? []), performance.now() - started])
    return result
  })
  // The bundle runs inside a function that names this page's endpoint: nothing new on window but `api`.
  await page.addInitScript({ content: `(() => {\nconst HARNESS_INVOKE_PATH = ${JSON.stringify(invokePath)};\n${pageApiBundle()}\n})()` })
  if (warmCore) await core.invoke(CHANNELS.captchaNew, { scale: 1 }, { sessionKey: 'harness-warm-up' })
  await beforeNavigation?.(page)
  await page.goto(`${await rendererOrigin()}${path}`)
  return {
    page,
    core,
    invocations,
    coreMs,
    respondOnce: (channel, result) => canned.set(channel, result),
    close: async () => {
      await context.close()
      endpoints.delete(invokePath)
      core.dispose()
      seeded?.remove()
    }
  }
}
