import { expect, test } from './fixtures'
import { captchaId, expectNewCaptcha, form, MESSAGES, ready, returningUser, signOutVia, signUpVia } from './support/form'

const t = MESSAGES['zh-CN']

test('show password reveals both password fields and hides them again', async ({ app }) => {
  const { page } = app
  await ready(page)
  const f = form(page, t)
  await f.toSignUp.click()
  const toggle = page.getByRole('checkbox', { name: t.showPassword })
  await toggle.check()
  // The tick is a file from the app, not a data: URL the CSP would block (leaving an empty box).
  const background = (locator: typeof toggle) => locator.evaluate((element) => getComputedStyle(element).backgroundImage)
  expect(await background(toggle)).toMatch(/^url\(".*\/assets\/check-[^"]+\.svg"\)$/)
  await expect(f.password).toHaveAttribute('type', 'text')
  await expect(f.confirm).toHaveAttribute('type', 'text')
  await toggle.uncheck()
  await expect(f.password).toHaveAttribute('type', 'password')
  await expect(f.confirm).toHaveAttribute('type', 'password')
})

test("the language switcher's arrow is drawn in the page and a click on it reaches the select", async ({ app }) => {
  const { page } = app
  await ready(page)
  const f = form(page, t)
  // Inline SVG, not a background image: nothing for the CSP to refuse, no image document to build first.
  const arrow = page.locator('.language-picker svg')
  await expect(arrow).toBeVisible()
  expect(await f.language.evaluate((element) => getComputedStyle(element).backgroundImage)).not.toMatch(/url\(/)
  const box = (await arrow.boundingBox())!
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  await expect(f.language).toBeFocused()
  await page.keyboard.press('Escape')
})

test('warns while Caps Lock is on in a password field', async ({ app }) => {
  const { page } = app
  await ready(page)
  const f = form(page, t)
  const warning = page.locator('#caps-warning')
  await f.password.focus()
  // Headless Chromium has no Caps Lock key state to toggle; the event carries it, as a real one would.
  const key = (capsLock: boolean) =>
    f.password.evaluate(
      (input, on) => input.dispatchEvent(new KeyboardEvent('keydown', { key: 'A', modifierCapsLock: on } as KeyboardEventInit)),
      capsLock
    )
  await key(true)
  await expect(warning).toHaveText(t.capsLock)
  await expect(f.password).toHaveAccessibleDescription(t.capsLock)
  await key(false)
  await expect(warning).toHaveText('')
  await key(true)
  await f.username.focus()
  await expect(warning).toHaveText('')
})

test('main remembers the last username (never the password) and prefills it, also after a reload', async ({ app }) => {
  const { page } = app
  await signUpVia(app, t, 'nora', 'correct horse')
  await signOutVia(page, t)
  const f = form(page, t)
  await expect(f.username).toHaveValue('nora')
  await expect(f.password).toHaveValue('')
  await expect(f.password).toBeFocused()
  await page.reload()
  await ready(page)
  await expect(f.username).toHaveValue('nora')
  await expect(f.password).toHaveValue('')
  await expect(f.password).toBeFocused()
})

test('a double click on submit sends one request and shows a busy state', async ({ app }) => {
  const { page } = app
  const f = await returningUser(app, t, 'otto')
  await f.password.fill('correct horse')
  await f.captcha.fill(await app.captchaAnswer())
  const before = await app.invocations('auth:sign-in')
  // Watch for the busy state from inside the page: it may last less than one Playwright round trip.
  await page.evaluate(() => {
    const submit = document.getElementById('submit') as HTMLButtonElement
    new MutationObserver(() => {
      if (submit.disabled) document.documentElement.dataset['sawBusy'] = submit.textContent ?? ''
    }).observe(submit, { attributes: true, childList: true })
  })
  await f.submitSignIn.dblclick()
  await expect(page.getByRole('heading', { name: `${t.welcome}otto` })).toBeVisible()
  expect((await app.invocations('auth:sign-in')) - before).toBe(1)
  await expect(page.locator('html')).toHaveAttribute('data-saw-busy', t.busy)
})

test('the captcha refreshes itself shortly before it expires', async ({ app }) => {
  const { page } = app
  await page.clock.install()
  await ready(page)
  // A refresh under the fake clock schedules the next one on it (the default lifetime is 120 s).
  const initial = await captchaId(page)
  await form(page, t).refresh.click()
  await expectNewCaptcha(page, initial)
  const first = await captchaId(page)
  await page.clock.runFor(105_000)
  await expect(page.locator('#captcha-image')).toHaveAttribute('data-captcha-id', first)
  await page.clock.runFor(6_000)
  await expectNewCaptcha(page, first)
})

test('a lockout counts down in m:ss, keeps submit disabled, then re-enables it', async ({ app }) => {
  const { page } = app
  await page.clock.install()
  await ready(page)
  const f = form(page, t)
  await f.username.fill('pat')
  await f.password.fill('correct horse')
  await f.captcha.fill('anything')
  await app.respondOnce('auth:sign-in', { ok: false, code: 'LOCKED', message: 'Locked.', retryAfterMs: 65_000 })
  await f.submitSignIn.click()
  await expect(f.alert).toHaveText(t.lockedFor('1:05'))
  await expect(page.locator('#submit')).toBeDisabled()
  await expect(f.captcha).toBeFocused()
  await page.clock.runFor(6_000)
  await expect(f.alert).toHaveText(t.lockedFor('0:59'))
  await f.language.selectOption('en')
  await expect(f.alert).toHaveText(MESSAGES.en.lockedFor('0:59'))
  await page.clock.runFor(59_000)
  await expect(f.alert).toBeHidden()
  await expect(page.locator('#submit')).toBeEnabled()
})
