import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const src = join(__dirname, '../../../src')
const ELECTRON_IMPORT = /from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)/

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : []
  })
}

describe('import boundaries', () => {
  it('only the thin shell files import electron', () => {
    const importers = sources(src)
      .filter((file) => ELECTRON_IMPORT.test(readFileSync(file, 'utf8')))
      .map((file) => relative(src, file))
      .sort()
    expect(importers).toEqual(['main/app-hardening.ts', 'main/app-protocol.ts', 'main/index.ts', 'main/ipc.ts', 'main/window.ts', 'preload/index.ts'])
  })

  it('the renderer and shared code import no Node module and nothing from main or preload', () => {
    for (const file of [...sources(join(src, 'renderer')), ...sources(join(src, 'shared'))]) {
      const text = readFileSync(file, 'utf8')
      expect(text, relative(src, file)).not.toMatch(/from\s+['"](node:|.*\/main\/|.*\/preload\/)/)
    }
  })
})
