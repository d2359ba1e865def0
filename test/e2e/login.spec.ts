import { expect, test } from './fixtures'
import { captchaId, expectNewCaptcha, fillCredentials, form, MESSAGES, signOutVia, signUpVia } from './support/form'

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
  // Drawn at the window's pixel density, shown in a 270×40 box, and not blank.
  const drawn = await image.evaluate((canvas: HTMLCanvasElement) => {
    const copy = document.createElement('canvas')
    copy.width = canvas.width
    copy.height = canvas.height
    const context = copy.getContext('2d')!
    context.drawImage(canvas, 0, 0)
    const alpha = context.getImageData(0, 0, copy.width, copy.height).data.filter((_, index) => index % 4 === 3)
    return { scale: canvas.width / 270, box: [canvas.clientWidth, canvas.clientHeight], opaque: alpha.every((a) => a === 255) }
  })
  expect(drawn).toEqual({ scale: await page.evaluate(() => devicePixelRatio), box: [270, 40], opaque: true })
  const input = await f.captcha.boundingBox()
  const picture = await image.boundingBox()
  expect(Math.abs(input!.y - picture!.y)).toBeLessThan(10)
  expect(picture!.x).toBeGreaterThan(input!.x + input!.width)
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
