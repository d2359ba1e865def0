import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { captchaId, expectNewCaptcha, form, MESSAGES, ready, returningUser } from './support/form'

const t = MESSAGES['zh-CN']

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '')

/** The focused control shows a ring: an outline or a box shadow, not nothing. */
const focusVisible = (page: Page) =>
  page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!)
    return (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none'
  })

test('Tab walks the form in reading order with a visible focus ring on every stop', async ({ app }) => {
  const { page } = app
  await ready(page)
  expect(await focusedId(page)).toBe('username')
  const order = ['password', 'show-password', 'captchaText', 'captcha-refresh', 'captcha-listen', 'switch-mode', 'submit']
  for (const id of order) {
    await page.keyboard.press('Tab')
    expect(await focusedId(page)).toBe(id)
    expect(await focusVisible(page), `focus ring on #${id}`).toBe(true)
  }
  await page.keyboard.press('Shift+Tab')
  expect(await focusedId(page)).toBe('switch-mode')
  await page.locator('#username').focus()
  await page.keyboard.press('Shift+Tab')
  expect(await focusedId(page)).toBe('language')
  expect(await focusVisible(page), 'focus ring on the language switcher').toBe(true)
})

test('signs up and in from the keyboard alone: Space/Enter on buttons, Enter submits', async ({ app }) => {
  const { page } = app
  await ready(page)
  await page.locator('#switch-mode').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: t.signUpTitle })).toBeVisible()
  await expect(form(page, t).username).toBeFocused()
  await page.keyboard.type('kim')
  await page.keyboard.press('Tab')
  await page.keyboard.type('correct horse')
  await page.keyboard.press('Tab')
  await page.keyboard.type('correct horse')
  await page.keyboard.press('Tab') // show password
  await page.keyboard.press('Tab')
  await expect(form(page, t).captcha).toBeFocused()
  await page.keyboard.type(await app.captchaAnswer())
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: `${t.welcome}kim` })).toBeVisible()
  await expect(page.getByRole('button', { name: t.signOut })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: t.signInTitle, exact: true })).toBeVisible()
})

test('Space on the captcha button loads a new captcha', async ({ app }) => {
  const { page } = app
  await ready(page)
  const before = await captchaId(page)
  await form(page, t).refresh.focus()
  await page.keyboard.press('Space')
  await expectNewCaptcha(page, before)
})

test('focus moves to the first field in error, and Escape clears the errors', async ({ app }) => {
  const { page } = app
  await ready(page)
  const f = form(page, t)
  await f.username.fill('lee')
  await f.captcha.focus()
  await page.keyboard.press('Enter')
  await expect(f.password).toBeFocused()
  await expect(f.password).toHaveAttribute('aria-invalid', 'true')
  await expect(f.captcha).toHaveAttribute('aria-invalid', 'true')
  await page.keyboard.press('Escape')
  await expect(f.password).not.toHaveAttribute('aria-invalid')
  await expect(f.captcha).not.toHaveAttribute('aria-invalid')
  await expect(page.locator('#password-error')).toHaveText('')
})

test('a server error is cleared by Escape too', async ({ app }) => {
  const { page } = app
  const f = await returningUser(app, t, 'moe')
  await f.password.fill('wrong horse')
  await f.captcha.fill(await app.captchaAnswer())
  await page.keyboard.press('Enter')
  await expect(f.alert).toHaveText(t.errors.BAD_CREDENTIALS)
  await expect(f.captcha).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(f.alert).toBeHidden()
})
