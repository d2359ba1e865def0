import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron, expect, test as base, type Browser, type Page } from '@playwright/test'
import { ELECTRON_E2E_REQUIRED, ELECTRON_REQUIRED_REASON, ELECTRON_SKIP_REASON, findElectronBinary } from './electron-binary'
import { launchChromium, openHarnessPage } from './harness/open-harness'
import { E2E_BUILD_DIR } from './paths'
import { captchaId } from './support/form'
import type { Channel, ResultOf } from '../../src/shared/ipc-contract'

export type Driver = 'browser' | 'electron'

/** What a spec sees: the login window, and a way to read the captcha on screen as a person would. */
export interface LoginApp {
  page: Page
  /** The answer of the captcha now on screen, through the test-only hook. */
  captchaAnswer(): Promise<string>
  /** The answer of the spoken captcha now loaded in the <audio> element, through the same hook. */
  audioAnswer(): Promise<string>
  /** How many times the page has called this IPC channel. */
  invocations(channel: Channel): Promise<number>
  /** Main answers the next call of `channel` with `result` (for results the core gives only after a long setup, e.g. LOCKED). */
  respondOnce<C extends Channel>(channel: C, result: ResultOf<C>): Promise<void>
}

const AUDIO = '#captcha-audio'

export const test = base.extend<
  { app: LoginApp; systemLocales: string[]; accountsFile: string | null },
  { driver: Driver; harnessBrowser: Browser | null }
>({
  driver: ['browser', { option: true, scope: 'worker' }],
  /** The operating system's preferred languages as main would read them; `test.use` to change. */
  systemLocales: [['zh-CN'], { option: true }],
  /** What the accounts database file holds when the app starts (e.g. garbage); null: no file, a fresh start. */
  accountsFile: [null, { option: true }],

  harnessBrowser: [
    async ({ driver }, use) => {
      if (driver !== 'browser') return use(null)
      const browser = await launchChromium()
      await use(browser)
      await browser.close()
    },
    { scope: 'worker' }
  ],

  app: async ({ driver, harnessBrowser, systemLocales, accountsFile }, use) => {
    if (driver === 'electron') {
      const binary = findElectronBinary()
      if (!binary && ELECTRON_E2E_REQUIRED) throw new Error(ELECTRON_REQUIRED_REASON)
      test.skip(!binary, ELECTRON_SKIP_REASON)
      const userData = mkdtempSync(join(tmpdir(), 'login-app-e2e-'))
      if (accountsFile !== null) writeFileSync(join(userData, 'accounts.sqlite'), accountsFile)
      const electronApp = await _electron.launch({
        executablePath: binary!,
        // Chromium refuses to start as root with its sandbox on; only then is it turned off.
        args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), join(E2E_BUILD_DIR, 'main/index.js')],
        env: {
          ...process.env,
          LOGIN_APP_TEST_HOOKS: '1',
          LOGIN_APP_USER_DATA: userData,
          // On Linux app.getPreferredSystemLanguages() follows LANGUAGE (a colon-separated list).
          LANGUAGE: systemLocales.map((locale) => locale.replace('-', '_')).join(':')
        }
      })
      const page = await electronApp.firstWindow()
      await use({
        page,
        captchaAnswer: async () => {
          const id = await captchaId(page)
          return electronApp.evaluate((_electron, captchaId) => globalThis.__loginAppTestHooks!.captchaAnswer(captchaId) ?? '', id)
        },
        audioAnswer: async () => {
          const id = await captchaId(page, AUDIO)
          return electronApp.evaluate((_electron, captchaId) => globalThis.__loginAppTestHooks!.captchaAnswer(captchaId) ?? '', id)
        },
        invocations: (channel) => electronApp.evaluate((_electron, name) => globalThis.__loginAppTestHooks!.invocations!(name), channel),
        respondOnce: (channel, result) =>
          electronApp.evaluate((_electron, [name, value]) => globalThis.__loginAppTestHooks!.respondOnce!(name, value), [
            channel,
            result
          ] as const)
      })
      await electronApp.close()
      rmSync(userData, { recursive: true, force: true })
      return
    }

    const harness = await openHarnessPage(harnessBrowser!, { systemLocales, accountsFile })
    await use({
      page: harness.page,
      captchaAnswer: async () => harness.core.answers.get(await captchaId(harness.page)) ?? '',
      audioAnswer: async () => harness.core.answers.get(await captchaId(harness.page, AUDIO)) ?? '',
      invocations: async (channel) => harness.invocations.get(channel) ?? 0,
      respondOnce: async (channel, result) => harness.respondOnce(channel, result)
    })
    await harness.close()
  }
})

export { expect }
