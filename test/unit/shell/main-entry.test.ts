import { EventEmitter } from 'node:events'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../../src/shared/ipc-contract'
import { createFakeElectron } from '../../support/fake-electron'
import { tempDir } from '../../support/temp-dir'

// The shell's entry file, src/main/index.ts, run for real against a fresh fake `electron` each time (it
// does its work when imported). Vitest compiles it as the production build does (__DEV_BUILD__ false).
const dirs: Array<{ path: string; remove: () => void }> = []
const apps: Array<ReturnType<typeof createFakeElectron>> = []
afterEach(() => {
  // Runs what the app does on quit, so the database and workers of one boot do not outlive its test.
  for (const fake of apps.splice(0)) fake.app.emit('will-quit')
  vi.unstubAllEnvs()
})
afterAll(() => dirs.forEach((dir) => dir.remove()))

/** A stand-in worker: the pool only needs it to exist; the count says whether the app started any. */
function fakeWorker() {
  return Object.assign(new EventEmitter(), { threadId: 0, ref() {}, unref() {}, postMessage() {}, terminate: async () => 0 })
}

async function boot(options: { lock: boolean }) {
  vi.resetModules()
  const fake = createFakeElectron()
  apps.push(fake)
  const userData = tempDir()
  dirs.push(userData)
  fake.app.lock = options.lock
  fake.app.paths.set('userData', userData.path)
  const workers: unknown[] = []
  vi.doMock('electron', () => fake)
  vi.doMock('../../../src/main/core/captcha/worker-entry?nodeWorker', () => ({
    default: (init: unknown) => {
      workers.push(init)
      return fakeWorker()
    }
  }))
  await import('../../../src/main/index')
  // Let start() run as far as it would: whenReady resolves at once in the fake.
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve))
  return { fake, workers, dbPath: join(userData.path, 'accounts.sqlite') }
}

describe('single instance', () => {
  it('without the lock, the process quits and starts nothing: no window, database, IPC or worker', async () => {
    const { fake, workers, dbPath } = await boot({ lock: false })
    expect(fake.app.calls).toContain('quit')
    expect(fake.app.calls).not.toContain('whenReady')
    expect(fake.windows).toEqual([])
    expect(fake.ipcHandlers.size).toBe(0)
    expect(workers).toEqual([])
    expect(existsSync(dbPath)).toBe(false)
  })

  it('with the lock, it opens one window; another start shows, restores and focuses it', async () => {
    const { fake, workers, dbPath } = await boot({ lock: true })
    expect(fake.app.calls).not.toContain('quit')
    expect(fake.windows).toHaveLength(1)
    expect(workers.length).toBeGreaterThan(0)
    expect(existsSync(dbPath)).toBe(true)
    const window = fake.windows[0]!
    window.minimized = true
    window.visible = false
    fake.app.emit('second-instance', {}, [], '/')
    expect(window).toMatchObject({ minimized: false, visible: true, focused: true })
    expect(fake.windows).toHaveLength(1)
  })

  it('opens a new window for another start when its window was closed (macOS keeps running)', async () => {
    const { fake } = await boot({ lock: true })
    fake.windows[0]!.destroyed = true
    fake.app.emit('second-instance', {}, [], '/')
    expect(fake.windows).toHaveLength(2)
    expect(fake.windows[1]).toMatchObject({ visible: true, focused: true })
  })
})

describe('trust decided at build time', () => {
  it('a production build ignores ELECTRON_RENDERER_URL even unpackaged: app:// only, no DevTools', async () => {
    // A packaged binary renamed `electron` reports isPackaged false: that must change nothing.
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://127.0.0.1:5173')
    const { fake } = await boot({ lock: true })
    expect(fake.app.isPackaged).toBe(false)
    const window = fake.windows[0]!
    expect(window.loaded).toEqual(['app://renderer/index.html'])
    expect(window.options['webPreferences']).toMatchObject({ devTools: false })
    const fromDevServer = { senderFrame: { url: 'http://127.0.0.1:5173/index.html', parent: null }, sender: { id: 1 } }
    expect(await fake.ipcHandlers.get(CHANNELS.session)!(fromDevServer, undefined)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
