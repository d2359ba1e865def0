// `npm run icon`: writes resources/icon.png, the one source image of every app icon. electron-builder
// derives the .icns (macOS), .ico (Windows) and Linux sizes from it; the window uses it as is.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { drawAppIcon } from './icon/draw-icon'

const target = join(__dirname, '../resources/icon.png')
writeFileSync(target, drawAppIcon(1024).toBuffer('image/png'))
console.log(`wrote ${target}`)
