import { join } from 'node:path'
import { app } from 'electron'
import { createCore, type Core } from './core/app-core'
import { CaptchaWorkerPool } from './core/captcha'
import createCaptchaWorker from './core/captcha/worker-entry?nodeWorker'
import { commonPasswordsFile } from './core/accounts/common-passwords'
import { consoleLogger } from './core/log'
import { appIconPath, captchaFontPaths, resolveResourcesDir } from './core/resources'
import { hardenSessions } from './app-hardening'
import { registerIpc } from './ipc'
import { handleAppScheme, registerAppScheme } from './app-protocol'
import { createLoginWindow } from './window'

const log = consoleLogger()
// electron-vite sets this in `dev` only; packaged and preview builds load app://renderer.
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined

// Every renderer sandboxed, including any a future change creates without saying so.
app.enableSandbox()
registerAppScheme()
if (!app.requestSingleInstanceLock()) app.quit()

async function start(): Promise<void> {
  let onCaptchaIssued: ((id: string, answer: string) => void) | undefined
  let instrument: ((core: Core) => Core) | undefined
  if (__E2E_HOOKS__ && process.env['LOGIN_APP_TEST_HOOKS'] === '1') {
    const hooks = await import('./test-hooks')
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
  const fontPaths = captchaFontPaths(resourcesDir)
  // Drawing runs on worker threads (one per core), so captchas neither block IPC nor queue on one core.
  const captchaPool = new CaptchaWorkerPool({ fontPaths, createWorker: (init) => createCaptchaWorker(init) })
  const core = createCore({
    dbPath: join(app.getPath('userData'), 'accounts.sqlite'),
    prefsPath: join(app.getPath('userData'), 'prefs.json'),
    fontPaths,
    commonPasswordsPath: commonPasswordsFile(resourcesDir),
    log,
    captcha: { onIssued: onCaptchaIssued, pool: captchaPool },
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
      allowDevTools: !app.isPackaged,
      iconPath: appIconPath(resourcesDir),
      statePath: join(app.getPath('userData'), 'window-state.json')
    })
  let window = open()
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore()
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

start().catch((error: unknown) => {
  log.error('startup.failed', { error: error instanceof Error ? error.message : String(error) })
  app.exit(1)
})
