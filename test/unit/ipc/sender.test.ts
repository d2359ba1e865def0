import { describe, expect, it } from 'vitest'
import { consoleLogger } from '../../../src/main/core/log'
import { checkSender, originOf, refuseUntrustedSender } from '../../../src/main/core/app-origin/trusted-sender'

const DEV = 'http://localhost:5173'

describe('checkSender: the door every IPC message passes', () => {
  it('admits the app page in its top frame', () => {
    expect(checkSender({ url: 'app://renderer/index.html', isMainFrame: true })).toEqual({ ok: true })
  })

  it('admits the dev server page only when a dev server URL is given', () => {
    expect(checkSender({ url: `${DEV}/index.html`, isMainFrame: true }, DEV)).toEqual({ ok: true })
    expect(checkSender({ url: `${DEV}/index.html`, isMainFrame: true })).toMatchObject({ ok: false, reason: 'untrusted-origin' })
  })

  it.each([
    [{ url: 'app://renderer/index.html', isMainFrame: false }, 'subframe', 'app://renderer'],
    [{ url: 'https://evil.example/x?token=1', isMainFrame: true }, 'untrusted-origin', 'https://evil.example'],
    [{ url: 'file:///etc/passwd', isMainFrame: true }, 'untrusted-origin', 'file://'],
    [{ url: 'app://other/index.html', isMainFrame: true }, 'untrusted-origin', 'app://other'],
    [{ url: 'http://localhost:5174/', isMainFrame: true }, 'untrusted-origin', 'http://localhost:5174'],
    [{ url: '', isMainFrame: true }, 'untrusted-origin', '(invalid)'],
    [null, 'no-frame', '(none)']
  ])('refuses %j as %s', (frame, reason, origin) => {
    expect(checkSender(frame, DEV)).toEqual({ ok: false, reason, origin })
  })
})

describe('refuseUntrustedSender', () => {
  function capture() {
    const lines: string[] = []
    return { lines, log: consoleLogger((line) => lines.push(line)) }
  }

  it('answers FORBIDDEN and logs channel, reason and origin, without path or query', () => {
    const { lines, log } = capture()
    const refused = refuseUntrustedSender('auth:sign-in', { url: 'https://evil.example/steal?pw=hunter22', isMainFrame: true }, log)
    expect(refused).toEqual({ ok: false, code: 'FORBIDDEN', message: expect.any(String) })
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 'warn',
      event: 'ipc.forbidden',
      channel: 'auth:sign-in',
      reason: 'untrusted-origin',
      origin: 'https://evil.example'
    })
    expect(lines[0]).not.toContain('hunter22')
  })

  it('lets the app page through silently', () => {
    const { lines, log } = capture()
    expect(refuseUntrustedSender('captcha:new', { url: 'app://renderer/index.html', isMainFrame: true }, log)).toBeNull()
    expect(lines).toEqual([])
  })
})

describe('originOf', () => {
  it('keeps scheme and host of custom schemes and drops the rest', () => {
    expect(originOf('app://renderer/a/b?c=d#e')).toBe('app://renderer')
    expect(originOf('https://user:pw@example.com:8443/p?q')).toBe('https://example.com:8443')
    expect(originOf('::')).toBe('(invalid)')
  })
})
