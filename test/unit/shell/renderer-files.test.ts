import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, resolveInside, serveRendererFile } from '../../../src/main/core/app-origin/renderer-files'
import { isTrustedSenderUrl } from '../../../src/main/core/app-origin/trusted-sender'
import { tempDir } from '../../support/temp-dir'

const dir = tempDir()
const root = join(dir.path, 'renderer')
mkdirSync(join(root, 'assets'), { recursive: true })
writeFileSync(join(root, 'index.html'), '<!doctype html>')
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)')
writeFileSync(join(dir.path, 'secret.txt'), 'top secret')
afterAll(dir.remove)

describe('serving the renderer from app://', () => {
  it('serves index.html for / with the CSP header', async () => {
    const response = await serveRendererFile(root, '/')
    expect(response.status).toBe(200)
    expect(response.headers['Content-Type']).toMatch(/text\/html/)
    expect(response.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY)
  })

  it('serves files inside the folder with their type', async () => {
    const response = await serveRendererFile(root, '/assets/app.js')
    expect(response).toMatchObject({ status: 200, headers: { 'Content-Type': 'text/javascript; charset=utf-8' } })
  })

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..\\secret.txt', '/%00', '/%E0%A4%A'])(
    'refuses %s',
    async (path) => {
      expect(resolveInside(root, path)).toBeNull()
      expect((await serveRendererFile(root, path)).status).toBe(404)
    }
  )

  it('answers 404 for missing files', async () => {
    expect((await serveRendererFile(root, '/nope.js')).status).toBe(404)
  })

  it('has no inline script and no remote origin in the policy', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/)
  })
})

describe('trusted IPC senders', () => {
  it.each(['app://renderer/index.html', 'app://renderer/'])('trusts %s', (url) => {
    expect(isTrustedSenderUrl(url)).toBe(true)
  })

  it.each(['https://evil.example/', 'app://other/index.html', 'file:///etc/passwd', 'http://localhost:5173/', '', 'not a url'])(
    'refuses %s',
    (url) => {
      expect(isTrustedSenderUrl(url)).toBe(false)
    }
  )

  it('trusts the dev server only when one is running', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true)
    expect(isTrustedSenderUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
  })
})
