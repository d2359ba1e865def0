import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  resolveInside,
  serveRendererFile
} from '../../../src/main/core/app-origin/renderer-files'
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

  it("admits a document's own inline styles by hash, and nothing inline elsewhere", async () => {
    const css = 'body{margin:0}'
    writeFileSync(join(root, 'styled.html'), `<!doctype html><style>${css}</style>`)
    const policy = (await serveRendererFile(root, '/styled.html')).headers['Content-Security-Policy']
    const hash = createHash('sha256').update(css).digest('base64')
    expect(policy).toBe(CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'self' 'sha256-${hash}'`))
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/)
  })

  it('has the policy the source index.html carries for the dev server, plus frame-ancestors', () => {
    const source = readFileSync(join(__dirname, '../../../src/renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(source)?.[1]
    expect(meta).toBe(contentSecurityPolicy([], { meta: true }))
    expect(CONTENT_SECURITY_POLICY).toBe(`${meta}; frame-ancestors 'none'`)
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
