import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { captchaFontPaths } from '../../../src/main/core/resources'

/**
 * The repository root, found from the running script upwards. The scripts run as CommonJS under tsx
 * (package.json has no "type"), where import.meta is unavailable, so the script path stands in for it.
 */
export function repoRoot(): string {
  let dir = resolve(dirname(process.argv[1] ?? '.'))
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) return dir
    const parent = dirname(dir)
    if (parent === dir) return process.cwd()
    dir = parent
  }
}

export function shippedFonts(): string[] {
  return captchaFontPaths(join(repoRoot(), 'resources'))
}
