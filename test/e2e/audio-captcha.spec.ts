import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { CHANNELS } from '../../src/shared/ipc-contract'
import { expect, test } from './fixtures'
import { form, MESSAGES, ready } from './support/form'

// The spoken captcha as a person who cannot see the image uses it: from the keyboard, by ear.

const zh = MESSAGES['zh-CN']
const en = MESSAGES.en

/** What the <audio> element holds once loaded: a decodable clip with a length, no media error. */
async function audioState(page: Page) {
  const audio = page.locator('#captcha-audio')
  await expect(audio).toHaveAttribute('data-captcha-id', /.+/)
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.readyState)).toBeGreaterThanOrEqual(1)
  return audio.evaluate((element: HTMLAudioElement) => ({
    duration: element.duration,
    error: element.error?.code ?? null,
    blob: element.currentSrc.startsWith('blob:')
  }))
}

/** Tab from the captcha field to the listen button (past the image's refresh button), then Enter. */
async function listenByKeyboard(page: Page): Promise<void> {
  await page.locator('#captchaText').focus()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(page.locator('#captcha-listen')).toBeFocused()
  await page.keyboard.press('Enter')
}

test('the listen button has a name in both languages and the captcha field says how to use it', async ({ app }) => {
  const { page } = app
  await ready(page)
  const listen = page.getByRole('button', { name: zh.captchaListen })
  await expect(listen).toBeVisible()
  await expect(form(page, zh).captcha).toHaveAccessibleDescription(zh.captchaAudioHint)
  await form(page, zh).language.selectOption('en')
  await expect(page.getByRole('button', { name: en.captchaListen })).toBeVisible()
  await expect(form(page, en).captcha).toHaveAccessibleDescription(en.captchaAudioHint)
  // Nothing is fetched, and there is no player (which would cost the first paint its stylesheet), until the button is pressed.
  expect(await app.invocations(CHANNELS.captchaAudio)).toBe(0)
  await expect(page.locator('audio')).toHaveCount(0)
})

test('from the keyboard: Enter on the listen button loads a playable clip; pressing again replays it', async ({ app }) => {
  // Several clip loads and decodes: on a busy two-core machine this outlasts the default timeout.
  test.slow()
  const { page } = app
  await ready(page)
  await listenByKeyboard(page)
  const state = await audioState(page)
  expect(state.error).toBeNull()
  expect(state.blob).toBe(true)
  expect(state.duration).toBeGreaterThan(2)
  expect(state.duration).toBeLessThanOrEqual(8)
  await expect(page.locator('#captcha-listen')).toHaveAttribute('aria-busy', 'false')
  await expect(form(page, zh).alert).toBeHidden()
  const first = await page.locator('#captcha-audio').getAttribute('data-captcha-id')
  await page.keyboard.press('Space')
  await expect(page.locator('#captcha-listen')).toBeFocused()
  expect(await app.invocations(CHANNELS.captchaAudio)).toBe(1)
  await expect(page.locator('#captcha-audio')).toHaveAttribute('data-captcha-id', first!)
})

test('signs up and in with the spoken answer; a wrong spoken answer is refused', async ({ app }) => {
  test.slow()
  const { page } = app
  await ready(page)
  await form(page, zh).language.selectOption('en')
  const f = form(page, en)
  await f.toSignUp.click()
  await f.username.fill('blind')
  await f.password.fill('correct horse')
  await f.confirm.fill('correct horse')
  await listenByKeyboard(page)
  await audioState(page)
  await f.captcha.fill(await app.audioAnswer())
  await f.captcha.press('Enter')
  await expect(page.getByRole('heading', { name: `${en.welcome}blind` })).toBeVisible()
  await page.getByRole('button', { name: en.signOut }).click()

  // Wrong: refused as a captcha error, and the clip heard is gone (main consumed it).
  await f.password.fill('correct horse')
  await listenByKeyboard(page)
  await audioState(page)
  const answer = await app.audioAnswer()
  await f.captcha.fill(answer.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10)))
  await f.submitSignIn.click()
  await expect(page.locator('#captchaText-error')).toHaveText(en.errors.CAPTCHA_INVALID)
  await expect(page.locator('#captcha-audio')).not.toHaveAttribute('data-captcha-id', /.+/)

  // Right, with a fresh clip.
  await f.password.fill('correct horse')
  await listenByKeyboard(page)
  await audioState(page)
  await f.captcha.fill(await app.audioAnswer())
  await f.submitSignIn.click()
  await expect(page.getByRole('heading', { name: `${en.welcome}blind` })).toBeVisible()
})

test('switching the language switches the next clip; the old one is dropped', async ({ app }) => {
  const { page } = app
  await ready(page)
  await page.locator('#captcha-listen').click()
  await audioState(page)
  const chinese = await page.locator('#captcha-audio').getAttribute('data-captcha-id')
  await form(page, zh).language.selectOption('en')
  await expect(page.locator('#captcha-audio')).not.toHaveAttribute('data-captcha-id', /.+/)
  await page.getByRole('button', { name: en.captchaListen }).click()
  await audioState(page)
  expect(await page.locator('#captcha-audio').getAttribute('data-captcha-id')).not.toBe(chinese)
  expect(await app.invocations(CHANNELS.captchaAudio)).toBe(2)
})

test('a failed load shows an error and leaves the button usable', async ({ app }) => {
  const { page } = app
  await ready(page)
  await app.respondOnce(CHANNELS.captchaAudio, { ok: false, code: 'INTERNAL', message: 'x' })
  await page.locator('#captcha-listen').click()
  await expect(form(page, zh).alert).toHaveText(zh.audioLoadFailed)
  await expect(page.locator('#captcha-listen')).toHaveAttribute('aria-busy', 'false')
  await page.locator('#captcha-listen').click()
  expect((await audioState(page)).error).toBeNull()
})

// a11y.spec.ts checks every view with the listen button idle; this is the button after a clip loaded.
for (const language of ['zh-CN', 'en'] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe finds nothing with a clip loaded: ${language}, ${colorScheme}`, async ({ app }) => {
      // axe waits for media elements to load before its audio rules: slow on a busy two-core machine.
      test.slow()
      const { page } = app
      await page.emulateMedia({ colorScheme })
      await ready(page)
      await form(page, zh).language.selectOption(language)
      await expect(page.locator('html')).toHaveAttribute('lang', language)
      await page.locator('#captcha-listen').click()
      await audioState(page)
      const results = await new AxeBuilder({ page }).analyze()
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    })
  }
}
