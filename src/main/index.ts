import { join } from 'node:path'
import { app } from 'electron'
import { createCore, type Core } from './core/app-core'
import { audioClipsDir } from './core/audio'
import { CaptchaWorkerPool, resolveOptions } from './core/captcha'
import createCaptchaWorker from './core/captcha/worker-entry?nodeWorker'
import { commonPasswordsFile } from './core/accounts/common-passwords'
import { consoleLogger } from './core/log'
import { appIconPath, captchaFontPaths, resolveResourcesDir } from './core/resources'
import { hardenSessions } from './shell/app-hardening'
import { registerIpc } from './shell/ipc-main-bridge'
import { handleAppScheme, registerAppScheme } from './shell/app-protocol'
import { createLoginWindow } from './shell/window'

const log = consoleLogger()
// electron-vite sets this in `dev` only; every other build compiles the branch out (__DEV_BUILD__ is a
// build-time constant), so no environment variable or executable name can make it trust another page.
const devServerUrl = __DEV_BUILD__ ? process.env['ELECTRON_RENDERER_URL'] : undefined

// Every renderer sandboxed, including any a future change creates without saying so.
app.enableSandbox()
registerAppScheme()

async function start(): Promise<void> {
  let onCaptchaIssued: ((id: string, answer: string) => void) | undefined
  let instrument: ((core: Core) => Core) | undefined
  if (__E2E_HOOKS__ && process.env['LOGIN_APP_TEST_HOOKS'] === '1') {
    const hooks = await import('./shell/test-hooks')
    onCaptchaIssued = hooks.installTestHooks()
    instrument = hooks.instrumentCore
    const userData = process.env['LOGIN_APP_USER_DATA']
    if (userData) app.setPath('userData', userData)
  }
  await app.whenReady()

  const resourcesDir = resolveResourcesDir({
    isPackaged: app.isPackaged,
    // Unpackaged, resources/ sits two levels above the main bundle (out/main or out-e2e/main), whether
    // electron was started on the project folder or on the bundle file itself.
    appPath: app.isPackaged ? app.getAppPath() : join(__dirname, '../..'),
    resourcesPath: process.resourcesPath
  })
  // Drawing runs on worker threads (see defaultPoolSize), so captchas neither block IPC nor queue on one core.
  const captchaPool = new CaptchaWorkerPool({
    options: resolveOptions('normal', { fontFiles: captchaFontPaths(resourcesDir) }),
    createWorker: (init) => createCaptchaWorker(init)
  })
  const core = createCore({
    dbPath: join(app.getPath('userData'), 'accounts.sqlite'),
    prefsPath: join(app.getPath('userData'), 'prefs.json'),
    audioDir: audioClipsDir(resourcesDir),
    commonPasswordsPath: commonPasswordsFile(resourcesDir),
    log,
    captcha: { source: captchaPool, onIssued: onCaptchaIssued },
    info: {
      version: app.getVersion(),
      versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
      systemLocales: app.getPreferredSystemLanguages()
    }
  })
  hardenSessions(log, devServerUrl)
  handleAppScheme(join(__dirname, '../renderer'))
  registerIpc(instrument ? instrument(core) : core, log, devServerUrl)

  const open = () =>
    createLoginWindow({
      devServerUrl,
      allowDevTools: __DEV_BUILD__,
      iconPath: appIconPath(resourcesDir),
      statePath: join(app.getPath('userData'), 'window-state.json')
    })
  let window = open()
  // Another start of the app (it quit at once, see below) means the person wants this window: bring it up.
  app.on('second-instance', () => {
    if (window.isDestroyed()) window = open()
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  })
  app.on('activate', () => {
    if (window.isDestroyed()) window = open()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', () => {
    core.close()
    void captchaPool.close()
  })
}

// Without the lock another instance runs: it shows its window, and this process opens no window, database
// or worker (app.quit() alone would still let start() run once the app is ready).
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  start().catch((error: unknown) => {
    log.error('startup.failed', { error: error instanceof Error ? error.message : String(error) })
    app.exit(1)
  })
}
