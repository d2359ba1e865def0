// `npm run screenshots:passwords`: the sign-up form with the strength meter, for docs/passwords.md, in
// both languages and themes: a weak password with its warning, and a common one refused on submit.
// Taken from the real built renderer and core (the browser end-to-end harness); run `npm run build` first.
import { join } from 'node:path'
import type { Browser } from '@playwright/test'
import type { Language } from '../../src/shared/ipc'
import { buildPageApi } from '../../test/e2e/harness/build-page-api'
import { launchChromium, openHarnessPage } from '../../test/e2e/harness/open-harness'

const outDir = join(__dirname, '../../docs/images')
const SHOTS: Array<{ language: Language; colorScheme: 'light' | 'dark'; refused: boolean }> = [
  { language: 'zh-CN', colorScheme: 'light', refused: false },
  { language: 'en', colorScheme: 'dark', refused: false },
  { language: 'en', colorScheme: 'light', refused: true },
  { language: 'zh-CN', colorScheme: 'dark', refused: true }
]

async function shoot(browser: Browser, { language, colorScheme, refused }: (typeof SHOTS)[number]): Promise<string> {
  const harness = await openHarnessPage(browser, {
    viewport: { width: 480, height: 700 },
    deviceScaleFactor: 2,
    colorScheme,
    systemLocales: [language]
  })
  const { page } = harness
  await page.waitForSelector('html[data-ready="true"]')
  await page.locator('#switch-mode').click()
  await page.locator('#username').fill('alice')
  await page.locator('#password').fill('sunshine1')
  await page.locator('#confirm').fill('sunshine1')
  await page.locator('#strength-bar:not([hidden])').waitFor()
  if (refused) {
    const id = await page.locator('#captcha-image').getAttribute('data-captcha-id')
    await page.locator('#captchaText').fill(harness.core.answers.get(id ?? '') ?? '')
    await page.locator('#submit').click()
    await page.locator('#password[aria-invalid="true"]').waitFor()
    await page.locator('#submit:enabled').waitFor()
  }
  const name = `signup-${refused ? 'refused' : 'strength'}-${language}-${colorScheme}.png`
  await page.screenshot({ path: join(outDir, name), fullPage: true })
  await harness.close()
  return name
}

async function main(): Promise<void> {
  await buildPageApi()
  const browser = await launchChromium()
  try {
    for (const shot of SHOTS) console.log(`docs/images/${await shoot(browser, shot)}`)
  } finally {
    await browser.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
