import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// The layers are folders, so these checks name folders, never files: a new file is judged by where it sits.
const src = join(__dirname, '../../../src')
const IMPORT = /(?:from\s+|import\s*\(\s*|require\(\s*)['"]([^'"]+)['"]/g
const ENTRIES = ['main/index.ts', 'preload/index.ts']

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|mts)$/.test(path) ? [path] : []
  })
}

/** Every import of a file: bare names as written, relative ones resolved to a path under src/. */
function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map(([, spec]) => {
    if (!spec!.startsWith('.')) return spec!
    const target = resolve(dirname(file), spec!.replace(/\?.*$/, ''))
    const withExtension = [target, `${target}.ts`, join(target, 'index.ts')].find((path) => existsSync(path) && statSync(path).isFile())
    return relative(src, withExtension ?? target)
  })
}

const layer = (folder: string) => sources(join(src, folder)).map((file) => ({ name: relative(src, file), imports: imports(file) }))
const inShell = (path: string) => path.startsWith('main/shell/') || ENTRIES.includes(path)

describe('layers by folder', () => {
  it('electron is imported only in src/main/shell/ and the two entries', () => {
    const importers = layer('.').filter((file) => file.imports.includes('electron'))
    expect(importers.length).toBeGreaterThan(0)
    for (const file of importers) expect(inShell(file.name), file.name).toBe(true)
  })

  it('the core imports neither electron nor the shell, only the core, shared and Node', () => {
    for (const file of layer('main/core')) {
      for (const target of file.imports) {
        expect(target, file.name).not.toBe('electron')
        expect(inShell(target), `${file.name} → ${target}`).toBe(false)
        if (target.startsWith('main/') || target.startsWith('preload/') || target.startsWith('renderer/')) {
          expect(target.startsWith('main/core/'), `${file.name} → ${target}`).toBe(true)
        }
      }
    }
  })

  it('the renderer and shared code import no Node module and nothing from main or preload', () => {
    for (const file of [...layer('renderer'), ...layer('shared')]) {
      for (const target of file.imports) expect(target, file.name).not.toMatch(/^(node:|electron$|main\/|preload\/)/)
    }
  })

  it('the preload reaches main only over IPC: it imports shared code, never main or the renderer', () => {
    for (const file of layer('preload')) {
      for (const target of file.imports) expect(target, file.name).not.toMatch(/^(main|renderer)\//)
    }
  })
})
