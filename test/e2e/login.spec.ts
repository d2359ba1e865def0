import { expect, test } from './fixtures'
import {
  alphas,
  captchaId,
  captchaPixels,
  expectNewCaptcha,
  fillCredentials,
  form,
  MESSAGES,
  ready,
  signOutVia,
  signUpVia
} from './support/form'

// The language the window speaks by default.
const t = MESSAGES['zh-CN']

test('shows the seed form: labelled fields, captcha beside its input', async ({ app }) => {
  const { page } = app
  const f = form(page, t)
  await expect(page.getByRole('heading', { name: t.signInTitle })).toBeVisible()
  for (const field of [f.username, f.captcha]) await expect(field).toBeVisible()
  await expect(f.password).toHaveAttribute('type', 'password')
  const image = page.getByRole('img', { name: t.captchaAlt })
  await expect(image).toBeVisible()
  await ready(page)
  // Drawn at the window's pixel density, shown in a 270×40 box, and opaque (not blank).
  const { width, data } = await captchaPixels(page)
  expect(width / 270).toBe(await page.evaluate(() => devicePixelRatio))
  expect(await image.evaluate((canvas: HTMLCanvasElement) => [canvas.clientWidth, canvas.clientHeight])).toEqual([270, 40])
  expect(alphas(data).every((alpha) => alpha === 255)).toBe(true)
  const input = await f.captcha.boundingBox()
  const picture = await image.boundingBox()
  expect(Math.abs(input!.y - picture!.y)).toBeLessThan(10)
  expect(picture!.x).toBeGreaterThan(input!.x + input!.width)
})

test('a captcha that will not decode leaves a blank, never the old picture, and a click brings a new one', async ({ app }) => {
  const { page } = app
  await ready(page)
  const painted = async () => alphas((await captchaPixels(page)).data).some((alpha) => alpha > 0)
  expect(await painted()).toBe(true)
  await app.respondOnce('captcha:new', {
    ok: true,
    id: 'broken',
    png: new Uint8Array([1, 2, 3]),
    width: 270,
    height: 40,
    expiresInMs: 120_000
  })
  await form(page, t).refresh.click()
  await expect(page.locator('#captcha-image')).toHaveAttribute('data-captcha-id', 'broken')
  expect(await painted()).toBe(false)
  await form(page, t).refresh.click()
  await expectNewCaptcha(page, 'broken')
  expect(await painted()).toBe(true)
})

test('signs up, signs out and signs back in', async ({ app }) => {
  const { page } = app
  await signUpVia(app, t, 'alice', 'correct horse')
  await signOutVia(page, t)
  await fillCredentials(app, t, 'ALICE', 'correct horse')
  await form(page, t).submitSignIn.click()
  await expect(page.getByRole('heading', { name: `${t.welcome}alice` })).toBeVisible()
})

test('a wrong captcha is refused and replaced by a fresh one', async ({ app }) => {
  const { page } = app
  const f = form(page, t)
  await signUpVia(app, t, 'bob', 'correct horse')
  await signOutVia(page, t)
  const before = await captchaId(page)
  await fillCredentials(app, t, 'bob', 'correct horse', 'WRONG')
  await f.submitSignIn.click()
  await expect(page.getByText(t.errors.CAPTCHA_INVALID)).toBeVisible()
  await expect(f.captcha).toHaveValue('')
  await expect(f.captcha).toBeFocused()
  await expectNewCaptcha(page, before)
})

test('a wrong password is refused with the same message as an unknown user', async ({ app }) => {
  const { page } = app
  await signUpVia(app, t, 'carol', 'correct horse')
  await signOutVia(page, t)
  for (const [user, password] of [
    ['carol', 'wrong horse'],
    ['nobody', 'correct horse']
  ] as const) {
    const before = await captchaId(page)
    await fillCredentials(app, t, user, password)
    await form(page, t).submitSignIn.click()
    await expect(form(page, t).alert).toHaveText(t.errors.BAD_CREDENTIALS)
    await expectNewCaptcha(page, before)
  }
})

test('refuses a taken username at sign-up', async ({ app }) => {
  const { page } = app
  const f = form(page, t)
  await signUpVia(app, t, 'dave', 'correct horse')
  await signOutVia(page, t)
  await f.toSignUp.click()
  await fillCredentials(app, t, 'DAVE', 'another password')
  await f.submitSignUp.click()
  await expect(page.getByText(t.errors.USERNAME_TAKEN)).toBeVisible()
  await expect(f.username).toHaveAttribute('aria-invalid', 'true')
})

test('clicking the captcha loads a new one and the old one stops working', async ({ app }) => {
  const { page } = app
  const f = form(page, t)
  await signUpVia(app, t, 'erin', 'correct horse')
  await signOutVia(page, t)
  const oldAnswer = await app.captchaAnswer()
  const oldId = await captchaId(page)
  await f.refresh.click()
  await expectNewCaptcha(page, oldId)
  await fillCredentials(app, t, 'erin', 'correct horse')
  await f.submitSignIn.click()
  await expect(page.getByRole('heading', { name: `${t.welcome}erin` })).toBeVisible()
  expect(oldAnswer).not.toBe('')
})

test('empty fields are flagged without a round trip', async ({ app }) => {
  const { page } = app
  const f = form(page, t)
  await f.submitSignIn.click()
  await expect(f.username).toBeFocused()
  await expect(f.username).toHaveAttribute('aria-invalid', 'true')
})
