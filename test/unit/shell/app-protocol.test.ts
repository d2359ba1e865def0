import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../src/main/core/app-origin/renderer-files'
import { fake } from '../../support/fake-electron'
import { tempDir } from '../../support/temp-dir'

vi.mock('electron', async () => (await import('../../support/fake-electron')).fake)

const { handleAppScheme, registerAppScheme } = await import('../../../src/main/shell/app-protocol')

const dir = tempDir()
afterAll(dir.remove)
const root = join(dir.path, 'renderer')
mkdirSync(join(root, 'assets'), { recursive: true })
writeFileSync(join(root, 'index.html'), '<!doctype html>')
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)')
writeFileSync(join(dir.path, 'secret.txt'), 'top secret')

registerAppScheme()
handleAppScheme(root)
const fetchApp = (url: string, method = 'GET') => Promise.resolve(fake.protocol.handlers.get('app')!(new Request(url, { method })))

describe('the app:// protocol handler (the shell, against a fake electron)', () => {
  it('registers app as a standard, secure scheme', () => {
    expect(fake.protocol.privileged).toContainEqual({
      scheme: 'app',
      privileges: expect.objectContaining({ standard: true, secure: true })
    })
  })

  it('serves the renderer with the CSP and nosniff headers', async () => {
    const response = await fetchApp('app://renderer/index.html')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(await response.text()).toBe('<!doctype html>')
  })

  it.each([
    ['another host', 'app://elsewhere/index.html', 'GET'],
    ['another method', 'app://renderer/index.html', 'POST'],
    ['a missing file', 'app://renderer/missing.js', 'GET'],
    ['a path out of the folder', 'app://renderer/assets/..%2f..%2fsecret.txt', 'GET']
  ])('refuses %s with 404 and the same security headers', async (_what, url, method) => {
    const response = await fetchApp(url, method)
    expect(response.status).toBe(404)
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(await response.text()).not.toContain('top secret')
  })

  it('decodes an encoded separator that stays inside the folder, and serves that file (SECURITY.md row 18)', async () => {
    const response = await fetchApp('app://renderer/assets%2Fapp.js')
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('console.log(1)')
  })
})
