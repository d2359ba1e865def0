import type { Page } from '@playwright/test'
import { expect, test, type LoginApp } from './fixtures'
import { captchaId, expectNewCaptcha } from './support/form'

async function fill(app: LoginApp, username: string, password: string, captcha?: string): Promise<void> {
  const { page } = app
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码', { exact: true }).fill(password)
  if (await page.getByLabel('确认密码').isVisible()) await page.getByLabel('确认密码').fill(password)
  await page.getByLabel('验证码', { exact: true }).fill(captcha ?? (await app.captchaAnswer()))
}

async function signUp(app: LoginApp, username: string, password: string): Promise<void> {
  await app.page.getByRole('button', { name: '没有账号？注册' }).click()
  await fill(app, username, password)
  await app.page.getByRole('button', { name: '注册', exact: true }).click()
  await expect(app.page.getByRole('heading', { name: `欢迎，${username}` })).toBeVisible()
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click()
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible()
}

test('shows the seed form: labelled fields, captcha beside its input', async ({ app }) => {
  const { page } = app
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible()
  for (const label of ['用户名', '验证码']) await expect(page.getByLabel(label, { exact: true })).toBeVisible()
  await expect(page.getByLabel('密码', { exact: true })).toHaveAttribute('type', 'password')
  const image = page.getByRole('img', { name: '验证码图片' })
  await expect(image).toBeVisible()
  expect(await image.evaluate((img: HTMLImageElement) => [img.naturalWidth > 0, img.width, img.height])).toEqual([true, 270, 40])
  const input = await page.getByLabel('验证码', { exact: true }).boundingBox()
  const picture = await image.boundingBox()
  expect(Math.abs(input!.y - picture!.y)).toBeLessThan(10)
  expect(picture!.x).toBeGreaterThan(input!.x + input!.width)
})

test('signs up, signs out and signs back in', async ({ app }) => {
  const { page } = app
  await signUp(app, 'alice', 'correct horse')
  await signOut(page)
  await fill(app, 'ALICE', 'correct horse')
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page.getByRole('heading', { name: '欢迎，alice' })).toBeVisible()
})

test('a wrong captcha is refused and replaced by a fresh one', async ({ app }) => {
  const { page } = app
  await signUp(app, 'bob', 'correct horse')
  await signOut(page)
  const before = await captchaId(page)
  await fill(app, 'bob', 'correct horse', 'WRONG')
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page.getByText('验证码错误或已过期，请重新输入。')).toBeVisible()
  await expect(page.getByLabel('验证码', { exact: true })).toHaveValue('')
  await expect(page.getByLabel('验证码', { exact: true })).toBeFocused()
  await expectNewCaptcha(page, before)
})

test('a wrong password is refused with the same message as an unknown user', async ({ app }) => {
  const { page } = app
  await signUp(app, 'carol', 'correct horse')
  await signOut(page)
  for (const [user, password] of [['carol', 'wrong horse'], ['nobody', 'correct horse']]) {
    const before = await captchaId(page)
    await fill(app, user, password)
    await page.getByRole('button', { name: '登录', exact: true }).click()
    await expect(page.getByRole('alert')).toHaveText('用户名或密码错误。')
    await expectNewCaptcha(page, before)
  }
})

test('refuses a taken username at sign-up', async ({ app }) => {
  const { page } = app
  await signUp(app, 'dave', 'correct horse')
  await signOut(page)
  await page.getByRole('button', { name: '没有账号？注册' }).click()
  await fill(app, 'DAVE', 'another password')
  await page.getByRole('button', { name: '注册', exact: true }).click()
  await expect(page.getByText('该用户名已被注册。')).toBeVisible()
  await expect(page.getByLabel('用户名')).toHaveAttribute('aria-invalid', 'true')
})

test('clicking the captcha loads a new one and the old one stops working', async ({ app }) => {
  const { page } = app
  await signUp(app, 'erin', 'correct horse')
  await signOut(page)
  const oldAnswer = await app.captchaAnswer()
  const oldId = await captchaId(page)
  await page.getByRole('button', { name: '换一张验证码' }).click()
  await expectNewCaptcha(page, oldId)
  await fill(app, 'erin', 'correct horse')
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page.getByRole('heading', { name: '欢迎，erin' })).toBeVisible()
  expect(oldAnswer).not.toBe('')
})

test('empty fields are flagged without a round trip', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page.getByLabel('用户名')).toBeFocused()
  await expect(page.getByLabel('用户名')).toHaveAttribute('aria-invalid', 'true')
})
