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

/** The app-lifecycle calls the entry file (src/main/index.ts) makes, recorded; `lock` decides the single-instance lock. */
function lifecycle() {
  const calls: string[] = []
  const paths = new Map<string, string>()
  return {
    calls,
    paths,
    lock: true,
    requestSingleInstanceLock(this: { lock: boolean }) {
      calls.push('requestSingleInstanceLock')
      return this.lock
    },
    quit: () => void calls.push('quit'),
    exit: (code?: number) => void calls.push(`exit ${code ?? 0}`),
    whenReady: () => {
      calls.push('whenReady')
      return Promise.resolve()
    },
    getPath: (name: string) => paths.get(name) ?? `/nonexistent/${name}`,
    setPath: (name: string, value: string) => void paths.set(name, value),
    getAppPath: () => '/nonexistent/app',
    getVersion: () => '0.0.0-fake',
    getPreferredSystemLanguages: () => ['en']
  }
}

/** `protocol`: the registered schemes and handlers, so a test can send requests to app://. */
function fakeProtocol() {
  const handlers = new Map<string, (request: Request) => Promise<Response> | Response>()
  const privileged: unknown[] = []
  return {
    handlers,
    privileged,
    registerSchemesAsPrivileged: (schemes: unknown[]) => void privileged.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) => void handlers.set(scheme, handler)
  }
}

export function createFakeElectron() {
  const app = Object.assign(new Emitter(), { enableSandbox: () => undefined, isPackaged: false }, lifecycle())
  const ipcHandlers = new Map<string, Listener>()
  const windows: Array<InstanceType<typeof BrowserWindow>> = []
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
    minimized = false
    visible = false
    focused = false
    destroyed = false
    show() {
      this.visible = true
    }
    isMinimized() {
      return this.minimized
    }
    restore() {
      this.minimized = false
    }
    focus() {
      this.focused = true
    }
    isDestroyed() {
      return this.destroyed
    }
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
    windows,
    protocol: fakeProtocol()
  }
}

/** The one fake per test file: `vi.mock('electron', async () => (await import('…/fake-electron')).fake)`. */
export const fake = createFakeElectron()
