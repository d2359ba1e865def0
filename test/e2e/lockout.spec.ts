import type { LoginApi } from '../../src/shared/ipc-contract'
import { expect, test } from './fixtures'
import { captchaId, MESSAGES, returningUser } from './support/form'

const t = MESSAGES['zh-CN']

// The real lockout end to end: no canned answer, main's SQLite-backed counter does the locking.
test('five wrong passwords lock the username; even the right one is then refused with a countdown', async ({ app }) => {
  const { page } = app
  const f = await returningUser(app, t, 'quinn')
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await f.username.fill('quinn')
    await f.password.fill(`wrong horse ${attempt}`)
    await f.captcha.fill(await app.captchaAnswer())
    await f.submitSignIn.click()
    if (attempt < 5) await expect(f.alert).toHaveText(t.errors.BAD_CREDENTIALS)
  }
  // 15 minutes by default: the countdown starts at 15:00 or a second below.
  await expect(f.alert).toHaveText(/尝试次数过多，请在 1[45]:\d\d 后重试。/)
  await expect(page.locator('#submit')).toBeDisabled()

  // The page blocks submitting while it counts down; main refuses on its own too, even the right password.
  const answer = await app.captchaAnswer()
  const id = await captchaId(page)
  const result = await page.evaluate(
    ([captchaId, captchaText]) =>
      (window as unknown as { api: LoginApi }).api.signIn({ captchaId, captchaText, username: 'quinn', password: 'correct horse' }),
    [id, answer] as const
  )
  expect(result).toMatchObject({ ok: false, code: 'LOCKED', field: 'username' })
  expect(result.ok === false && result.retryAfterMs).toBeGreaterThan(14 * 60_000)
})
