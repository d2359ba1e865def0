import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { consoleLogger } from '../../../src/main/core/log'
import { CHANNELS } from '../../../src/shared/ipc-contract'
import { createTestCore } from '../../support/core'
import { fake } from '../../support/fake-electron'
import { tempDir } from '../../support/temp-dir'

vi.mock('electron', async () => (await import('../../support/fake-electron')).fake)

const { registerIpc } = await import('../../../src/main/shell/ipc-main-bridge')
const { createLoginWindow } = await import('../../../src/main/shell/window')

const core = createTestCore()
const dir = tempDir()
afterAll(() => {
  core.dispose()
  dir.remove()
})
const lines: string[] = []
registerIpc(
  core,
  consoleLogger((line) => lines.push(line))
)

function send(channel: string, senderFrame: { url: string; parent: unknown } | null, payload?: unknown) {
  return fake.ipcHandlers.get(channel)!({ senderFrame, sender: { id: 7 } }, payload)
}

describe('registerIpc (the shell door, against a fake electron)', () => {
  it('registers every channel of the contract', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort())
  })

  it('passes messages from the app top frame to the core', async () => {
    expect(await send(CHANNELS.session, { url: 'app://renderer/index.html', parent: null })).toEqual({ ok: true, user: null })
  })

  it.each([
    ['an iframe of the app', { url: 'app://renderer/index.html', parent: {} }, 'subframe'],
    ['another origin', { url: 'https://evil.example/', parent: null }, 'untrusted-origin'],
    ['a frame that is gone', null, 'no-frame']
  ])('refuses %s and logs it', async (_what, frame, reason) => {
    lines.length = 0
    expect(await send(CHANNELS.signOut, frame)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(JSON.parse(lines[0]!)).toMatchObject({ event: 'ipc.forbidden', channel: CHANNELS.signOut, reason })
  })
})

describe('createLoginWindow', () => {
  it('opens app://renderer with every isolation switch on and DevTools as told', () => {
    createLoginWindow({ allowDevTools: false, iconPath: '/icon.png', statePath: join(dir.path, 'none.json') })
    const window = fake.windows.at(-1)!
    expect(window.loaded).toEqual(['app://renderer/index.html'])
    expect(window.options['webPreferences']).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false
    })
    expect(window.options['webPreferences']).not.toHaveProperty('enableBlinkFeatures')
    expect(window.options['webPreferences']).not.toHaveProperty('nodeIntegrationInSubFrames')
  })

  it('reopens where it was closed, and saves its bounds on close', () => {
    const statePath = join(dir.path, 'window-state.json')
    writeFileSync(statePath, JSON.stringify({ x: 300, y: 200, width: 600, height: 700 }))
    createLoginWindow({ allowDevTools: false, iconPath: '/icon.png', statePath })
    const window = fake.windows.at(-1)! as unknown as { options: Record<string, unknown>; emit(event: string): void }
    expect(window.options).toMatchObject({ x: 300, y: 200, width: 600, height: 700 })
    writeFileSync(statePath, '{}')
    window.emit('close')
    expect(JSON.parse(readFileSync(statePath, 'utf8'))).toEqual({ x: 300, y: 200, width: 600, height: 700 })
  })
})
