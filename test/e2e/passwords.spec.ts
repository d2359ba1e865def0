import { expect, test } from './fixtures'
import { form, MESSAGES, ready, type Language } from './support/form'

for (const language of ['zh-CN', 'en'] as const satisfies Language[]) {
  const t = MESSAGES[language]
  const s = t.strength

  test(`sign-up rates the password as it is typed, in words a screen reader hears: ${language}`, async ({ app }) => {
    const { page } = app
    await ready(page)
    await form(page, MESSAGES['zh-CN']).language.selectOption(language)
    const f = form(page, t)
    // Signing in needs no rating: no meter, no sentence.
    await f.password.fill('iloveyou')
    await expect(f.strength).toBeHidden()
    await expect(f.strengthText).toHaveText('')

    await f.toSignUp.click()
    await f.username.fill('meterfan')
    await f.password.fill('iloveyou')
    // The first rating waits for the worker to build zxcvbn-ts' dictionaries (seconds on a busy machine).
    await expect(f.strength).toBeVisible({ timeout: 20_000 })
    await expect(f.strength).toHaveAttribute('aria-valuenow', '0')
    await expect(f.strength).toHaveAttribute('aria-valuetext', s.levels[0])
    await expect(f.strengthText).toHaveAttribute('aria-live', 'polite')
    await expect(f.strengthText).toContainText(s.levels[0])
    await expect(f.password).toHaveAccessibleDescription(new RegExp(`${s.label}.*${s.levels[0]}`))

    await f.password.fill('correct horse battery staple')
    await expect(f.strength).toHaveAttribute('aria-valuenow', '4')
    await expect(f.strengthText).toHaveText(s.sentence(s.label, s.levels[4], ''))

    // The username counts as something an attacker knows.
    await f.password.fill('Meterfan!')
    await expect(f.strengthText).toContainText(s.warnings.userInputs)

    await f.password.fill('')
    await expect(f.strength).toBeHidden()
    await expect(f.strengthText).toHaveText('')
  })

  test(`sign-up refuses a common password and says why: ${language}`, async ({ app }) => {
    const { page } = app
    await ready(page)
    await form(page, MESSAGES['zh-CN']).language.selectOption(language)
    const f = form(page, t)
    await f.toSignUp.click()
    await f.username.fill('carefulcat')
    // Long enough for the length rule and in mixed case: the list is compared case-insensitively.
    await f.password.fill('SunShine1')
    await f.confirm.fill('SunShine1')
    await f.captcha.fill(await app.captchaAnswer())
    await f.submitSignUp.click()
    await expect(f.password).toHaveAttribute('aria-invalid', 'true')
    await expect(f.password).toHaveAccessibleDescription(new RegExp(t.errors.PASSWORD_COMMON.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    await expect(page.locator('#password-error')).toHaveText(t.errors.PASSWORD_COMMON)
    await expect(page.getByRole('heading', { name: t.signUpTitle })).toBeVisible()

    await f.password.fill('carefulcat is me')
    await f.confirm.fill('carefulcat is me')
    await f.captcha.fill(await app.captchaAnswer())
    await f.submitSignUp.click()
    await expect(page.locator('#password-error')).toHaveText(t.errors.PASSWORD_HAS_USERNAME)
  })
}

test('a language switch re-labels the meter without retyping', async ({ app }) => {
  const { page } = app
  await ready(page)
  const zh = MESSAGES['zh-CN']
  const en = MESSAGES.en
  await form(page, zh).toSignUp.click()
  await form(page, zh).password.fill('iloveyou')
  await expect(form(page, zh).strength).toHaveAttribute('aria-valuetext', zh.strength.levels[0], { timeout: 20_000 })
  await form(page, zh).language.selectOption('en')
  await expect(form(page, en).strength).toHaveAttribute('aria-valuetext', en.strength.levels[0])
  await expect(form(page, en).strengthText).toContainText(en.strength.label)
})
