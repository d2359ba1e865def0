import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { captchaId, captchaPixels, expectNewCaptcha, form, MESSAGES, ready, signUpVia } from './support/form'

const zh = MESSAGES['zh-CN']
const en = MESSAGES.en
const HAN = /\p{Script=Han}/u
const version = (JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version

/** Every text a person or a screen reader meets: visible text, the title, and naming attributes. */
async function allTexts(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate(() => {
    const attributes = Array.from(document.querySelectorAll('[aria-label], [title], [alt]')).flatMap((element) =>
      ['aria-label', 'title', 'alt'].map((name) => element.getAttribute(name) ?? '')
    )
    // The language switcher names each language in itself (中文 / English), by design.
    const visible = document.body.innerText.replace('中文', '')
    return [document.title, visible, ...attributes]
  })
}

test('Chinese by default: the seed language everywhere, <html lang> and <title> included', async ({ app }) => {
  const { page } = app
  await ready(page)
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(page).toHaveTitle(zh.title)
  await expect(form(page, zh).username).toBeVisible()
  await expect(page.getByRole('img', { name: zh.captchaAlt })).toBeVisible()
})

test.describe('with an English system locale', () => {
  test.use({ systemLocales: ['en-GB', 'zh-CN'] })

  test('follows the system: every string in English, none left in Chinese', async ({ app }) => {
    const { page } = app
    await ready(page)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page).toHaveTitle(en.title)
    const f = form(page, en)
    for (const control of [f.username, f.password, f.captcha, f.refresh, f.submitSignIn, f.toSignUp, f.language]) {
      await expect(control).toBeVisible()
    }
    for (const text of await allTexts(page)) expect(text).not.toMatch(HAN)
    await f.toSignUp.click()
    await f.submitSignUp.click()
    await expect(page.locator('#username-error')).toHaveText(en.required)
    for (const text of await allTexts(page)) expect(text).not.toMatch(HAN)
  })
})

test('the switcher changes the language at once, errors included, and main remembers it', async ({ app }) => {
  const { page } = app
  await ready(page)
  await form(page, zh).submitSignIn.click()
  await expect(page.locator('#username-error')).toHaveText(zh.required)
  await form(page, zh).language.selectOption('en')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page).toHaveTitle(en.title)
  await expect(page.locator('#username-error')).toHaveText(en.required)
  for (const text of await allTexts(page)) expect(text).not.toMatch(HAN)
  await page.reload()
  await ready(page)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(form(page, en).language).toHaveValue('en')
  await form(page, en).language.selectOption('zh-CN')
  await expect(form(page, zh).username).toBeVisible()
  await expect(page).toHaveTitle(zh.title)
})

test('the signed-in view speaks the chosen language too', async ({ app }) => {
  const { page } = app
  await ready(page)
  await form(page, zh).language.selectOption('en')
  await signUpVia(app, en, 'ellen', 'correct horse')
  await expect(page.getByText(en.signedIn)).toBeVisible()
  for (const text of await allTexts(page)) expect(text).not.toMatch(HAN)
})

test('light and dark follow the system, and the captcha is redrawn for the new theme', async ({ app }) => {
  const { page } = app
  await page.emulateMedia({ colorScheme: 'light' })
  await ready(page)
  await expect(page.locator('html')).toHaveAttribute('data-bs-theme', 'light')
  const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  const before = await captchaId(page)
  await form(page, zh).captcha.fill('abc')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveAttribute('data-bs-theme', 'dark')
  await expectNewCaptcha(page, before)
  await expect(form(page, zh).captcha).toHaveValue('')
  const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  expect(darkBackground).not.toBe(lightBackground)
  // The dark captcha is dark: its average brightness is well below the light one's.
  const brightness = async () => {
    const { data } = await captchaPixels(page)
    let sum = 0
    for (let i = 0; i < data.length; i += 4) sum += data[i]! + data[i + 1]! + data[i + 2]!
    return sum / (data.length / 4) / 3
  }
  const dark = await brightness()
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(page.locator('html')).toHaveAttribute('data-bs-theme', 'light')
  await expect.poll(brightness).toBeGreaterThan(dark + 60)
})

test('the About footer shows the app version and the Electron, Chromium and Node versions', async ({ app }) => {
  const { page } = app
  await ready(page)
  const about = page.getByRole('contentinfo')
  await expect(about).toContainText(`版本 ${version}`)
  await expect(about).toHaveText(/Electron \S+.* · Chromium \d+\.\d+.* · Node \d+\.\d+\.\d+/)
  await form(page, zh).language.selectOption('en')
  await expect(about).toContainText(`Version ${version}`)
})
