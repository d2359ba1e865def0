import { join } from 'node:path'
import { BrowserWindow, nativeTheme, screen } from 'electron'
import { readJsonFile, writeJsonFileAtomic } from '../core/prefs/json-file'
import { APP_ORIGIN } from '../core/app-origin/trusted-sender'
import { LOGIN_WINDOW, restoreBounds } from '../core/window/window-state'

export interface WindowOptions {
  devServerUrl?: string
  allowDevTools: boolean
  iconPath: string
  /** JSON file holding the last position and size; validated against today's displays on open. */
  statePath: string
}

export function createLoginWindow({ devServerUrl, allowDevTools, iconPath, statePath }: WindowOptions): BrowserWindow {
  const displays = screen.getAllDisplays().map((display) => display.workArea)
  const window = new BrowserWindow({
    ...restoreBounds(readJsonFile(statePath), displays),
    minWidth: LOGIN_WINDOW.minWidth,
    minHeight: LOGIN_WINDOW.minHeight,
    // The page's <title> replaces this as soon as it loads, in the chosen language.
    title: '登录',
    icon: iconPath,
    // Shown on ready-to-show with the theme's colour underneath: no white flash.
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#212529' : '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      // Reviewed (SECURITY.md): one self-contained sandboxed bundle exposing seven typed methods only.
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
  // The page's <title> is empty until its script has picked a language; a synthesized title (the
  // app:// URL) must not flash in the title bar meanwhile.
  window.on('page-title-updated', (event, _title, explicitSet) => {
    if (!explicitSet) event.preventDefault()
  })
  // Normal bounds, so a window closed maximised reopens at the size it had before maximising.
  window.on('close', () => {
    try {
      writeJsonFileAtomic(statePath, window.getNormalBounds())
    } catch {
      // Not remembering the position is no reason to stop the window from closing.
    }
  })
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
  return window
}
