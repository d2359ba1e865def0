import { join } from 'node:path'
import { BrowserWindow, nativeTheme } from 'electron'
import { APP_ORIGIN } from './core/trusted-sender'

export interface WindowOptions {
  devServerUrl?: string
  allowDevTools: boolean
  iconPath: string
}

export function createLoginWindow({ devServerUrl, allowDevTools, iconPath }: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 460,
    height: 600,
    minWidth: 380,
    minHeight: 520,
    title: '登录',
    icon: iconPath,
    // Shown on ready-to-show with the theme's colour underneath: no white flash.
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#212529' : '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      // Reviewed (SECURITY.md): one self-contained sandboxed bundle exposing five typed methods only.
      preload: join(__dirname, '../preload/index.js'), // eng-disable PRELOAD_JS_CHECK
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      webviewTag: false,
      safeDialogs: true,
      // Middle-click would otherwise try to open links in a new window (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      devTools: allowDevTools
    }
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
  return window
}
