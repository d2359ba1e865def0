// `npm run screenshots`: the README's pictures, taken from the real built renderer in Chromium wired
// to the real main-process core (the browser end-to-end harness): both languages, both themes, and an
// error state. Run `npm run build` first.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from '@playwright/test'
import type { Language } from '../src/shared/ipc-contract'
import { buildPageApi } from '../test/e2e/harness/build-page-api'
import { launchChromium, openHarnessPage } from '../test/e2e/harness/open-harness'
import { showSignUp, type SignUpShot } from './passwords/signup-shot'

const outDir = join(__dirname, '../docs/images')
const SHOTS: Array<{ language: Language; colorScheme: 'light' | 'dark'; error: boolean; signUp?: SignUpShot }> = [
  { language: 'zh-CN', colorScheme: 'light', error: false },
  { language: 'en', colorScheme: 'dark', error: false },
  { language: 'en', colorScheme: 'light', error: false },
  { language: 'zh-CN', colorScheme: 'dark', error: false },
  { language: 'zh-CN', colorScheme: 'light', error: true },
  { language: 'en', colorScheme: 'dark', error: true },
  // docs/passwords.md: the strength meter, and a common password refused.
  { language: 'zh-CN', colorScheme: 'light', error: false, signUp: 'strength' },
  { language: 'en', colorScheme: 'dark', error: false, signUp: 'strength' },
  { language: 'en', colorScheme: 'light', error: false, signUp: 'refused' },
  { language: 'zh-CN', colorScheme: 'dark', error: false, signUp: 'refused' }
]

async function shoot(browser: Browser, { language, colorScheme, error, signUp }: (typeof SHOTS)[number]): Promise<string> {
  // The system locale picks the language, as it would on a person's machine.
  const harness = await openHarnessPage(browser, {
    viewport: { width: 480, height: 600 },
    deviceScaleFactor: 2,
    colorScheme,
    systemLocales: [language]
  })
  const { page } = harness
  // Bootstrap eases a field's border and focus ring in over 0.15 s; a picture taken mid-way shows half a ring.
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.waitForSelector('html[data-ready="true"]')
  if (signUp) {
    await showSignUp(page, harness.core, signUp)
    const name = `signup-${signUp}-${language}-${colorScheme}.png`
    await page.screenshot({ path: join(outDir, name), fullPage: true })
    await harness.close()
    return name
  }
  await page.locator('#username').fill('alice')
  await page.locator('#password').fill('correct horse')
  // Where the person types next: the same focus ring in every picture.
  await page.locator('#captchaText').focus()
  if (error) {
    await page.locator('#captchaText').fill('WRONG')
    await page.locator('#submit').click()
    await page.locator('#captchaText[aria-invalid="true"]').waitFor()
    await page.locator('#submit:enabled').waitFor()
  }
  const name = `${error ? 'error' : 'login'}-${language}-${colorScheme}.png`
  await page.screenshot({ path: join(outDir, name), fullPage: true })
  await harness.close()
  return name
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true })
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
