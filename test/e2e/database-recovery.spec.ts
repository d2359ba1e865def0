import { expect, test } from './fixtures'
import { MESSAGES, ready, signUpVia } from './support/form'

// The accounts file on disk is garbage when the app starts: main moves it aside and starts on a fresh one;
// the window says so, in the person's language, with where the old file was kept.
test.use({ accountsFile: 'this is not an SQLite database '.repeat(200) })

for (const language of ['zh-CN', 'en'] as const) {
  const t = MESSAGES[language]
  test.describe(`in ${language}`, () => {
    test.use({ systemLocales: [language] })

    test('says the accounts file was damaged, that accounts must be made again, and where the old file is', async ({ app }, testInfo) => {
      const { page } = app
      await ready(page)
      const notice = page.getByRole('alert').filter({ hasText: t.databaseResetTitle })
      await expect(notice).toBeVisible()
      await expect(notice.getByRole('heading', { name: t.databaseResetTitle })).toBeVisible()
      await expect(notice).toContainText(t.databaseResetBody)
      await expect(notice.locator('code')).toHaveText(/accounts\.sqlite\.damaged-[\dT-]+Z$/)
      await page.screenshot({ path: testInfo.outputPath(`database-reset-${language}.png`) })

      // The fresh database works.
      await signUpVia(app, t, 'alice', 'correct horse')
    })
  })
}
