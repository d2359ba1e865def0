import { beforeEach, describe, expect, it, vi } from 'vitest'
import { consoleLogger } from '../../../src/main/core/log'
import { fake, fakeEvent, FakeSession, FakeWebContents } from '../../support/fake-electron'

vi.mock('electron', async () => (await import('../../support/fake-electron')).fake)

const { hardenSessions } = await import('../../../src/main/shell/app-hardening')

let lines: string[]
let contents: FakeWebContents
beforeEach(() => {
  fake.app.listeners.clear()
  lines = []
  hardenSessions(consoleLogger((line) => lines.push(line)))
  contents = new FakeWebContents()
  fake.app.emit('web-contents-created', fakeEvent(), contents)
})

describe('hardenSessions (the shell, against a fake electron)', () => {
  it('denies every permission request and check, in the default session and in later ones', () => {
    const later = new FakeSession()
    fake.app.emit('session-created', later)
    for (const target of [fake.session.defaultSession, later]) {
      const granted = vi.fn()
      target.handlers['permissionRequest']!({}, 'media', granted)
      expect(granted).toHaveBeenCalledWith(false)
      expect(target.handlers['permissionCheck']!({}, 'notifications')).toBe(false)
      expect(target.handlers['devicePermission']!({})).toBe(false)
      const stream = vi.fn()
      target.handlers['displayMedia']!({}, stream)
      expect(stream).toHaveBeenCalledWith(null)
    }
    expect(lines.some((line) => line.includes('"permission.denied"'))).toBe(true)
  })

  it('refuses every new window and logs only its origin', () => {
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/path?secret=1' })).toEqual({ action: 'deny' })
    expect(lines.at(-1)).toContain('https://evil.example')
    expect(lines.at(-1)).not.toContain('secret')
  })

  it.each(['will-navigate', 'will-redirect'])('%s: stays on app://renderer, refuses anything else', (name) => {
    const inside = fakeEvent()
    contents.emit(name, inside, 'app://renderer/index.html')
    expect(inside.defaultPrevented).toBe(false)
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://elsewhere/', 'javascript:alert(1)']) {
      const outside = fakeEvent()
      contents.emit(name, outside, url)
      expect(outside.defaultPrevented, url).toBe(true)
    }
  })

  it('will-frame-navigate: refuses a subframe leaving the app', () => {
    const outside = fakeEvent({ url: 'https://evil.example/' })
    contents.emit('will-frame-navigate', outside)
    expect(outside.defaultPrevented).toBe(true)
    const inside = fakeEvent({ url: 'app://renderer/index.html' })
    contents.emit('will-frame-navigate', inside)
    expect(inside.defaultPrevented).toBe(false)
  })

  it('refuses to attach any webview', () => {
    const event = fakeEvent()
    contents.emit('will-attach-webview', event, {}, {})
    expect(event.defaultPrevented).toBe(true)
  })
})
