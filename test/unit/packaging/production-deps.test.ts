import { readdirSync, readFileSync } from 'node:fs'
import { isBuiltin } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { root } from './electron-builder-lib'
import { productionPackages } from './production-tree'

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

/** Package names the built main process loads at run time: its require()/import() of non-built-ins. */
function runtimePackagesOfMain(): string[] {
  const dir = join(root, 'out/main')
  const specifiers = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.[cm]?js$/.test(file))
    .flatMap((file) => [...readFileSync(join(dir, file), 'utf8').matchAll(/\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g)])
    .map((match) => match[1])
  const packages = specifiers
    // electron is the runtime itself; relative specifiers are the bundle's own chunks.
    .filter((specifier) => !specifier.startsWith('.') && !isBuiltin(specifier) && specifier !== 'electron')
    .map((specifier) =>
      specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/')
    )
  return [...new Set(packages)].sort()
}

describe('production dependencies (what electron-builder copies into the app)', () => {
  it('are exactly the packages the built main process requires at run time (needs `npm run build`)', () => {
    const required = runtimePackagesOfMain()
    expect(required.length).toBeGreaterThan(0)
    expect(Object.keys(pkg.dependencies).sort()).toEqual(required)
  })

  it('contain no dev dependency anywhere in the tree npm would install', () => {
    const names = productionPackages().map((p) => p.name)
    expect(names).toEqual(expect.arrayContaining(Object.keys(pkg.dependencies)))
    expect(names.filter((name) => name in pkg.devDependencies)).toEqual([])
  })
})
