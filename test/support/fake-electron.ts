// A stand-in for the parts of `electron` the shell files touch, for vi.mock('electron'). The real
// package is never loaded (it would try to download its binary); the fakes record what the shell
// registers so a test can fire the events and see what the app does.
type Listener = (...args: unknown[]) => unknown

export class Emitter {
  readonly listeners = new Map<string, Listener[]>()
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener)
  }
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((listener) => listener(...args))
  }
}

export class FakeSession {
  handlers: Record<string, Listener> = {}
  setPermissionRequestHandler(handler: Listener) {
    this.handlers['permissionRequest'] = handler
  }
  setPermissionCheckHandler(handler: Listener) {
    this.handlers['permissionCheck'] = handler
  }
  setDevicePermissionHandler(handler: Listener) {
    this.handlers['devicePermission'] = handler
  }
  setDisplayMediaRequestHandler(handler: Listener) {
    this.handlers['displayMedia'] = handler
  }
}

export class FakeWebContents extends Emitter {
  windowOpenHandler: Listener | undefined
  setWindowOpenHandler(handler: Listener) {
    this.windowOpenHandler = handler
  }
}

/** An Electron-style event: records preventDefault. */
export function fakeEvent(extra: Record<string, unknown> = {}) {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true), ...extra }
  return event
}

export function createFakeElectron() {
  const app = Object.assign(new Emitter(), { enableSandbox: () => undefined, isPackaged: false })
  const ipcHandlers = new Map<string, Listener>()
  const windows: Array<{ options: Record<string, unknown>; loaded: string[] }> = []
  class BrowserWindow extends Emitter {
    readonly loaded: string[] = []
    constructor(readonly options: Record<string, unknown>) {
      super()
      windows.push(this)
    }
    loadURL(url: string) {
      this.loaded.push(url)
      return Promise.resolve()
    }
    show() {}
    getNormalBounds() {
      const { x, y, width, height } = this.options as Record<string, number>
      return { x, y, width, height }
    }
  }
  return {
    app,
    session: { defaultSession: new FakeSession() },
    ipcMain: { handle: (channel: string, handler: Listener) => ipcHandlers.set(channel, handler) },
    nativeTheme: { shouldUseDarkColors: false },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    BrowserWindow,
    ipcHandlers,
    windows
  }
}

/** The one fake per test file: `vi.mock('electron', async () => (await import('…/fake-electron')).fake)`. */
export const fake = createFakeElectron()
