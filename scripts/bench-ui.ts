// `npm run bench:ui`: how fast the login window paints and is usable, as a ratio to a reference page (one
// heading, one input) loaded the same way in the same run. Both run in the browser harness: the built
// renderer in headless Chromium, served as app:// serves it, wired to the real core over a same-origin
// POST. Each load is cold (fresh browser context: empty cache); reference and login loads alternate.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test'
import { summarise } from './captcha/lib/stats'
import { formatMs, formatSummary, interleave, stageSummaries, verdict, type PageKind, type Stages } from './ui/bench-ui-lib'
import { buildPageApi } from '../test/e2e/harness/build-page-api'
import { addHarnessDocument, chromiumPath, launchChromium, openHarnessPage } from '../test/e2e/harness/open-harness'
import { RENDERER_DIR } from '../test/e2e/paths'
import { inlineStyles } from '../src/main/core/app-origin/renderer-files'

const RUNS = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length) ?? 10)
const BOUND = 1.5
/**
 * How long a load is left alone before the bench reads it. Any Playwright call into the page (a
 * waitForSelector) injects and compiles its helper scripts on the page's main thread, which would compete
 * with the very work being timed; the marks are timestamps, so reading them late changes nothing.
 */
const SETTLE_MS = 1_500
const REFERENCE_PATH = '/bench-reference.html'
/** The yardstick: what any page costs this browser on this machine, with no CSS, script or IPC of its own. */
const REFERENCE_HTML =
  '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8" /><title>登录</title></head>' +
  '<body><h1>登录</h1><input type="text" aria-label="用户名" /></body></html>'

/** Points of a cold load, in ms from navigation start, in the order the table prints them. */
const LOGIN_STAGES: Array<[key: string, label: string]> = [
  // No CSS row: the stylesheet is inside the HTML (html-at-build.ts).
  ['html', 'HTML received'],
  ['js', 'script received'],
  ['script-start', 'script ran'],
  ['fcp', 'first contentful paint'],
  ['requests-sent', 'app:info, session, captcha asked'],
  ['app-info-received', 'app:info + session answered'],
  ['captcha-received', 'captcha PNG received'],
  ['captcha-decoded', 'captcha image decoded'],
  ['form-usable', 'usable (focus in the first field)']
]

/** Exits with what to install when no Chromium can be found: the bench needs nothing else beyond `npm ci`. */
function requireChromium(): string {
  const path = chromiumPath() ?? chromium.executablePath()
  if (existsSync(path)) return path
  console.error(
    'bench:ui needs a Chromium. Install one of:\n' +
      '  Debian/Ubuntu: sudo apt-get install chromium   (used from /usr/bin/chromium)\n' +
      "  Playwright's build: npx playwright install chromium\n" +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.'
  )
  process.exit(2)
}

/**
 * Reads the paint entry and the stage marks inside the page, once the login window says it is ready (the
 * reference page has nothing to wait for); waits for FCP, which is queued after the frame is presented.
 */
async function readStages(waitForReady: boolean): Promise<Stages> {
  while (waitForReady && !document.documentElement.dataset['ready']) await new Promise((resolve) => setTimeout(resolve, 50))
  const fcp = await new Promise<number>((resolve) => {
    const timeout = setTimeout(() => resolve(Number.NaN), 5_000)
    new PerformanceObserver((list, observer) => {
      const entry = list.getEntriesByName('first-contentful-paint')[0]
      if (!entry) return
      clearTimeout(timeout)
      observer.disconnect()
      resolve(entry.startTime)
    }).observe({ type: 'paint', buffered: true })
  })
  const stages: Stages = { fcp, html: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd }
  for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
    const kind = /\/assets\/[^/]+\.(css|js)$/.exec(entry.name)?.[1]
    if (kind) stages[kind] = entry.responseEnd
  }
  for (const mark of performance.getEntriesByType('mark')) stages[mark.name] ??= mark.startTime
  return stages
}

/** Chromium's own counters for the page's main thread (CDP Performance.getMetrics), in ms. */
const THREAD_METRICS: Array<[key: string, label: string]> = [
  ['ScriptDuration', 'script'],
  ['RecalcStyleDuration', 'style'],
  ['LayoutDuration', 'layout'],
  ['TaskDuration', 'all main-thread tasks']
]

interface Load {
  kind: PageKind
  stages: Stages
  /** Main-thread time by kind of work over the whole load (THREAD_METRICS). */
  thread: Stages
  /** Per channel, the core's own time for its one call: the rest of the page's round trip is the harness. */
  coreMs: Record<string, number>
}

async function loadOnce(browser: Browser, kind: PageKind): Promise<Load> {
  let cdp: CDPSession | undefined
  const beforeNavigation = async (page: Page) => {
    cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' })
  }
  const path = kind === 'login' ? '/index.html' : REFERENCE_PATH
  const harness = await openHarnessPage(browser, { path, warmCore: true, beforeNavigation })
  try {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
    const stages = await harness.page.evaluate(readStages, kind === 'login')
    const { metrics } = await cdp!.send('Performance.getMetrics')
    const thread = Object.fromEntries(metrics.map(({ name, value }) => [name, value * 1000]))
    const coreMs = Object.fromEntries([...harness.coreMs].map(([channel, times]) => [channel, times[0] ?? Number.NaN]))
    return { kind, stages, thread, coreMs }
  } finally {
    await harness.close()
  }
}

/** One unmeasured load of each page first (the browser process's own first-use costs), then the interleaved runs. */
async function measure(browser: Browser): Promise<Load[]> {
  for (const kind of ['reference', 'login'] as const) await loadOnce(browser, kind)
  const loads: Load[] = []
  for (const kind of interleave(RUNS)) loads.push(await loadOnce(browser, kind))
  return loads
}

/** The CSS and JS index.html loads up front, its inline stylesheet included (not the strength worker, which starts on sign-up only). */
function loadedAssetBytes(): number {
  const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8')
  return [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:css|js))"/g)].reduce(
    (sum, [, path]) => sum + statSync(join(RENDERER_DIR, path!)).size,
    inlineStyles(html).reduce((sum, css) => sum + Buffer.byteLength(css), 0)
  )
}

const row = (label: string, text: string) => console.log(`  ${label.padEnd(40)}${text}`)
const medianOf = (values: number[]) => summarise(values.filter(Number.isFinite)).median

function report(browser: Browser, executable: string, loads: Load[]): boolean {
  const reference = loads.filter((load) => load.kind === 'reference').map((load) => load.stages)
  const login = loads.filter((load) => load.kind === 'login')
  const loginStages = login.map((load) => load.stages)
  const pick = (samples: Stages[], key: string) => samples.map((sample) => sample[key] ?? Number.NaN)
  console.log(`bench:ui — ${RUNS} cold loads each, reference and login window interleaved`)
  console.log(`headless Chromium ${browser.version()} (${executable}), ${cpus().length}× ${cpus()[0]?.model.trim()}`)
  console.log(`  ${''.padEnd(40)}  median   min–max`)
  row('reference page: first contentful paint', formatSummary(summarise(pick(reference, 'fcp'))))
  row('login window: first contentful paint', formatSummary(summarise(pick(loginStages, 'fcp'))))
  row('login window: usable (captcha decoded)', formatSummary(summarise(pick(loginStages, 'form-usable'))))
  console.log('\nWhere the login window’s time goes (ms from navigation start)')
  const labels = new Map(LOGIN_STAGES)
  for (const { name, summary } of stageSummaries(loginStages, [...labels.keys()])) row(labels.get(name)!, formatSummary(summary))
  console.log('\nRound trips, page to core and back (median; the core’s own share in brackets, the rest is the harness transport)')
  const span = (from: string, to: string) => medianOf(loginStages.map((sample) => sample[to]! - sample[from]!))
  const core = (channel: string) => formatMs(medianOf(login.map((load) => load.coreMs[channel] ?? Number.NaN)))
  row('app:info + auth:session', `${formatMs(span('requests-sent', 'app-info-received'))} (core ${core('app:info')})`)
  row('captcha:new (drawn in the core)', `${formatMs(span('requests-sent', 'captcha-received'))} (core ${core('captcha:new')})`)
  row('captcha image decode', formatMs(span('captcha-received', 'captcha-decoded')))
  console.log('\nMain-thread time over the whole load (Chromium’s counters, thread time; median ms)')
  console.log(`  ${''.padEnd(40)}${'reference'.padStart(9)}${'login'.padStart(9)}`)
  const referenceThread = loads.filter((load) => load.kind === 'reference').map((load) => load.thread)
  const loginThread = login.map((load) => load.thread)
  for (const [key, label] of THREAD_METRICS) {
    const cell = (samples: Stages[]) => medianOf(pick(samples, key)).toFixed(0).padStart(9)
    console.log(`  ${label.padEnd(40)}${cell(referenceThread)}${cell(loginThread)}`)
  }
  console.log('')
  row('renderer CSS + JS loaded up front', `${(loadedAssetBytes() / 1024).toFixed(1)} KB (budget 60 KB)`)
  const result = verdict(pick(reference, 'fcp'), pick(loginStages, 'fcp'), pick(loginStages, 'form-usable'), BOUND)
  console.log(`\nlogin FCP / reference FCP ${result.fcpRatio.toFixed(2)}×, usable / reference FCP ${result.usableRatio.toFixed(2)}×`)
  console.log(
    `target: first contentful paint and usable ≤ ${BOUND}× the reference's first contentful paint (medians) — ${result.met ? 'met' : 'NOT met'}`
  )
  return result.met
}

async function main(): Promise<void> {
  const executable = requireChromium()
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error(`No build in ${RENDERER_DIR}: run \`npm run build\` first.`)
  await buildPageApi()
  addHarnessDocument(REFERENCE_PATH, REFERENCE_HTML)
  const browser = await launchChromium()
  try {
    const loads = await measure(browser)
    process.exitCode = report(browser, executable, loads) ? 0 : 1
  } finally {
    await browser.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
