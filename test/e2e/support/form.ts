import { expect, type Page } from '@playwright/test'
import { MESSAGES, type Messages } from '../../../src/renderer/src/i18n'
import type { Language } from '../../../src/shared/ipc-contract'
import type { LoginApp } from '../fixtures'

export { MESSAGES }
export type { Language, Messages }

/** The form's controls, found by their accessible names in one language, as a person would find them. */
export function form(page: Page, t: Messages) {
  return {
    username: page.getByLabel(t.username, { exact: true }),
    password: page.getByLabel(t.password, { exact: true }),
    confirm: page.getByLabel(t.confirm, { exact: true }),
    captcha: page.getByLabel(t.captcha, { exact: true }),
    refresh: page.getByRole('button', { name: t.captchaRefresh }),
    submitSignIn: page.getByRole('button', { name: t.submitSignIn, exact: true }),
    submitSignUp: page.getByRole('button', { name: t.submitSignUp, exact: true }),
    toSignUp: page.getByRole('button', { name: t.toSignUp }),
    language: page.getByLabel(t.language, { exact: true }),
    alert: page.getByRole('alert'),
    strength: page.getByRole('meter', { name: t.strength.label }),
    /** The strength sentence: a polite live region, and part of the password field's description. */
    strengthText: page.locator('#strength-text')
  }
}

export async function ready(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true')
}

/** Types into whichever form is showing (the confirmation only on sign-up); the captcha on screen unless one is given. */
export async function fillCredentials(app: LoginApp, t: Messages, username: string, password: string, captchaText?: string): Promise<void> {
  const f = form(app.page, t)
  await f.username.fill(username)
  await f.password.fill(password)
  if (await f.confirm.isVisible()) await f.confirm.fill(password)
  await f.captcha.fill(captchaText ?? (await app.captchaAnswer()))
}

/** Signs up through the form and waits for the signed-in view; a refusal fails at once, with main's reason. */
export async function signUpVia(app: LoginApp, t: Messages, username: string, password: string): Promise<void> {
  const f = form(app.page, t)
  await ready(app.page)
  await f.toSignUp.click()
  await fillCredentials(app, t, username, password)
  await f.submitSignUp.click()
  const welcome = app.page.getByRole('heading', { name: `${t.welcome}${username}` })
  const refusal = app.page.locator('#form-error')
  await expect(welcome.or(refusal).filter({ visible: true })).toBeVisible()
  if (await refusal.isVisible()) throw new Error(`sign-up as ${username} was refused: ${await refusal.textContent()}`)
}

export async function signOutVia(page: Page, t: Messages): Promise<void> {
  await page.getByRole('button', { name: t.signOut }).click()
  await expect(page.getByRole('heading', { name: t.signInTitle, exact: true })).toBeVisible()
}

/**
 * Waits until a captcha other than `previous` is on screen. Submitting removes the id at once (main
 * consumes the challenge), so "not `previous`" alone would also pass in the moment before the new one.
 */
export async function expectNewCaptcha(page: Page, previous: string): Promise<void> {
  const escaped = previous.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  await expect(page.locator('#captcha-image')).toHaveAttribute('data-captcha-id', new RegExp(`^(?!${escaped}$).+`))
}

/** The id of the challenge on screen: the image's by default, or the spoken one's (`#captcha-audio`). */
export async function captchaId(page: Page, selector = '#captcha-image'): Promise<string> {
  const element = page.locator(selector)
  await expect(element).toHaveAttribute('data-captcha-id', /.+/)
  return (await element.getAttribute('data-captcha-id'))!
}

/** A person who has an account and is back at the sign-in form (username prefilled by main). */
export async function returningUser(app: LoginApp, t: Messages, username: string) {
  await signUpVia(app, t, username, 'correct horse')
  await signOutVia(app.page, t)
  return form(app.page, t)
}

/** The captcha on screen as RGBA pixels, at its drawn size (the window's pixel density times 270×40). */
export async function captchaPixels(page: Page): Promise<{ width: number; height: number; data: number[] }> {
  return page.locator('#captcha-image').evaluate((canvas: HTMLCanvasElement) => {
    const { width, height } = canvas
    return { width, height, data: [...canvas.getContext('2d')!.getImageData(0, 0, width, height).data] }
  })
}

/** Alpha values of RGBA pixels. */
export const alphas = (data: number[]) => data.filter((_, index) => index % 4 === 3)
