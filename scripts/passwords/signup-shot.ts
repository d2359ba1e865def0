import type { Page } from '@playwright/test'
import type { TestCore } from '../../test/support/core'

export type SignUpShot = 'strength' | 'refused'

/**
 * Puts the form where docs/passwords.md shows it: sign-up with a common password typed, the strength
 * meter rating it, and for 'refused' the form submitted with the right captcha so main refuses it.
 */
export async function showSignUp(page: Page, core: TestCore, shot: SignUpShot): Promise<void> {
  await page.locator('#switch-mode').click()
  await page.locator('#username').fill('alice')
  await page.locator('#password').fill('sunshine1')
  await page.locator('#confirm').fill('sunshine1')
  await page.locator('#strength-bar:not([hidden])').waitFor()
  if (shot === 'refused') {
    const id = await page.locator('#captcha-image').getAttribute('data-captcha-id')
    await page.locator('#captchaText').fill(core.answers.get(id ?? '') ?? '')
    await page.locator('#submit').click()
    await page.locator('#password[aria-invalid="true"]').waitFor()
    await page.locator('#submit:enabled').waitFor()
  }
}
