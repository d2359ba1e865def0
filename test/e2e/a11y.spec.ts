import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { form, MESSAGES, ready, signUpVia, type Language } from './support/form'

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  // Rule id and the offending nodes: enough to find the problem from the test output alone.
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

for (const language of ['zh-CN', 'en'] as const satisfies Language[]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe finds no violation on sign-in, sign-up (with errors), signed-in views and an error alert: ${language}, ${colorScheme}`, async ({
      app
    }) => {
      const { page } = app
      const t = MESSAGES[language]
      await page.emulateMedia({ colorScheme })
      await ready(page)
      await form(page, MESSAGES['zh-CN']).language.selectOption(language)
      await expect(page.locator('html')).toHaveAttribute('data-bs-theme', colorScheme)
      await expect(page.locator('html')).toHaveAttribute('lang', language)

      expect(await violations(page), 'sign-in').toEqual([])
      await form(page, t).toSignUp.click()
      expect(await violations(page), 'sign-up').toEqual([])
      await form(page, t).submitSignUp.click()
      await expect(form(page, t).username).toHaveAttribute('aria-invalid', 'true')
      expect(await violations(page), 'sign-up with field errors').toEqual([])
      await page.getByRole('button', { name: t.toSignIn }).click()

      await signUpVia(app, t, `ally${colorScheme}`, 'correct horse')
      expect(await violations(page), 'signed in').toEqual([])

      await page.getByRole('button', { name: t.signOut }).click()
      await form(page, t).password.fill('wrong horse')
      await form(page, t).captcha.fill(await app.captchaAnswer())
      await form(page, t).submitSignIn.click()
      await expect(form(page, t).alert).toHaveText(t.errors.BAD_CREDENTIALS)
      expect(await violations(page), 'sign-in with an alert').toEqual([])
    })
  }
}

// Its own test rather than a step of the one above, which already runs four axe passes.
for (const language of ['zh-CN', 'en'] as const satisfies Language[]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe finds no violation with the password-strength meter shown: ${language}, ${colorScheme}`, async ({ app }) => {
      const { page } = app
      const t = MESSAGES[language]
      await page.emulateMedia({ colorScheme })
      await ready(page)
      await form(page, MESSAGES['zh-CN']).language.selectOption(language)
      await form(page, t).toSignUp.click()
      await form(page, t).password.fill('iloveyou')
      // The first rating waits for the estimator's worker to build its dictionaries.
      await expect(form(page, t).strength).toBeVisible({ timeout: 20_000 })
      expect(await violations(page), 'sign-up with the strength meter').toEqual([])
    })
  }
}

test('the captcha: a refresh button with a name, an image whose accessible name does not give the answer', async ({ app }) => {
  const { page } = app
  const t = MESSAGES['zh-CN']
  await ready(page)
  const button = form(page, t).refresh
  await expect(button).toHaveRole('button')
  await expect(button).toHaveAccessibleName(t.captchaRefresh)
  const answer = await app.captchaAnswer()
  const name = (await page.locator('#captcha-image').getAttribute('aria-label')) ?? ''
  expect(name).toBe(t.captchaAlt)
  expect(name.toLowerCase()).not.toContain(answer.toLowerCase())
  expect(await button.getAttribute('title')).not.toContain(answer)
})

test('errors are announced: the form message is a live alert and each field names its own error', async ({ app }) => {
  const { page } = app
  const t = MESSAGES['zh-CN']
  await ready(page)
  const f = form(page, t)
  await f.submitSignIn.click()
  await expect(f.username).toBeFocused()
  await expect(f.username).toHaveAccessibleDescription(t.required)
  await f.username.fill('nobody')
  await f.password.fill('correct horse')
  await f.captcha.fill(await app.captchaAnswer())
  await f.submitSignIn.click()
  await expect(f.alert).toHaveText(t.errors.BAD_CREDENTIALS)
  // role=alert is an assertive live region: screen readers read it out when it appears.
  await expect(f.alert).toHaveAttribute('role', 'alert')
})
