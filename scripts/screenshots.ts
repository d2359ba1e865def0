// `npm run screenshots`: the README's pictures, taken from the real built renderer in Chromium wired
// to the real main-process core (the browser end-to-end harness). Run `npm run build` first.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { buildPageApi } from '../test/e2e/harness/build-page-api'
import { launchChromium, openHarnessPage } from '../test/e2e/harness/open-harness'

const outDir = join(__dirname, '../docs/images')

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true })
  await buildPageApi()
  const browser = await launchChromium()
  try {
    const harness = await openHarnessPage(browser, { viewport: { width: 520, height: 460 }, deviceScaleFactor: 2 })
    const { page } = harness
    await page.waitForSelector('html[data-ready="true"]')
    await page.getByLabel('用户名').fill('alice')
    await page.getByLabel('密码', { exact: true }).fill('correct horse')
    await page.screenshot({ path: join(outDir, 'login.png') })

    await page.getByLabel('验证码', { exact: true }).fill('WRONG')
    await page.getByRole('button', { name: '登录', exact: true }).click()
    await page.getByRole('alert').or(page.locator('.invalid-feedback:visible')).first().waitFor()
    await page.screenshot({ path: join(outDir, 'login-error.png') })
    await harness.close()
  } finally {
    await browser.close()
  }
  console.log(`screenshots written to ${outDir}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
