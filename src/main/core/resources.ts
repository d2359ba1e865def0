import { readdirSync } from 'node:fs'
import { join } from 'node:path'

/** Where the app is running from; the Electron shell fills this in from `app` and `process`. */
export interface RunLocation {
  isPackaged: boolean
  /** `app.getAppPath()`: the project root in dev/preview, `…/resources/app.asar` when packaged. */
  appPath: string
  /** `process.resourcesPath`: only meaningful when packaged. */
  resourcesPath: string
}

/**
 * The folder that holds `resources/` (fonts, icon). Native code such as the canvas font loader cannot
 * read inside an ASAR archive, so packaged builds unpack `resources/**` next to it (see asarUnpack).
 */
export function resolveResourcesDir(location: RunLocation): string {
  if (location.isPackaged) return join(location.resourcesPath, 'app.asar.unpacked', 'resources')
  return join(location.appPath, 'resources')
}

/** The window icon; the same image electron-builder turns into the installers' icons (electron-builder.yml). */
export function appIconPath(resourcesDir: string): string {
  return join(resourcesDir, 'icon.png')
}

/** The TTF files the captcha draws with, in a stable order. */
export function captchaFontPaths(resourcesDir: string): string[] {
  const dir = join(resourcesDir, 'fonts')
  return readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith('.ttf'))
    .sort()
    .map((name) => join(dir, name))
}
