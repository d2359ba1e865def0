import { expect, test } from './fixtures'

// What the page itself can reach, checked from inside the page on both drivers.

test('the page sees eight frozen API methods and nothing of Node or Electron', async ({ app }) => {
  const view = await app.page.evaluate(() => {
    const api = (window as unknown as { api: Record<string, unknown> }).api
    const globals = window as unknown as Record<string, unknown>
    return {
      methods: Object.keys(api).sort(),
      allFunctions: Object.values(api).every((value) => typeof value === 'function'),
      frozen: Object.isFrozen(api),
      leaked: ['require', 'process', 'module', 'Buffer', 'ipcRenderer', 'electron', '__loginAppTestHooks'].filter((name) => name in globals)
    }
  })
  expect(view).toEqual({
    methods: ['appInfo', 'newAudioCaptcha', 'newCaptcha', 'session', 'setLanguage', 'signIn', 'signOut', 'signUp'],
    allFunctions: true,
    frozen: true,
    leaked: []
  })
})

test('the Content-Security-Policy blocks inline script and inline event handlers in the real page', async ({ app }) => {
  await expect(app.page.getByRole('heading', { name: '登录' })).toBeVisible()
  const outcome = await app.page.evaluate(async () => {
    const globals = window as unknown as Record<string, unknown>
    const script = document.createElement('script')
    script.textContent = 'window.__inlineRan = true'
    document.head.append(script)
    // An injected tag with a handler, as an XSS payload would bring: the image fails, the handler must not run.
    const image = document.createElement('img')
    image.setAttribute('onerror', 'window.__handlerRan = true')
    const failed = new Promise((resolve) => image.addEventListener('error', resolve))
    image.src = '/no-such-image.png'
    document.body.append(image)
    await failed
    image.remove()
    return { inlineRan: globals['__inlineRan'] === true, handlerRan: globals['__handlerRan'] === true }
  })
  expect(outcome).toEqual({ inlineRan: false, handlerRan: false })
})
