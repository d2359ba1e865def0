import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { asarUnpackMatcher, loadBuilderConfig, root } from './electron-builder-lib'
import { type ProductionPackage, productionPackages } from './production-tree'

/** `.node` files of an installed package, as app-relative paths (nested node_modules are listed by npm too). */
function nativeFiles(pkg: ProductionPackage): string[] {
  const dir = join(root, pkg.path)
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.node'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
}

let isUnpacked: (path: string) => boolean
let packages: ProductionPackage[]
beforeAll(async () => {
  isUnpacked = asarUnpackMatcher(await loadBuilderConfig())
  packages = productionPackages()
})

describe('native binaries of the production dependencies', () => {
  it('are all unpacked from app.asar (a .node file must be a real file for the OS to load it)', () => {
    const found = packages.filter((pkg) => pkg.installed).flatMap(nativeFiles)
    // This host has at least its own canvas binary; an empty list would make the check below vacuous.
    expect(found.length).toBeGreaterThan(0)
    expect(found.filter((file) => !isUnpacked(file))).toEqual([])
  })

  it('are unpacked for every platform @napi-rs/canvas ships, not only this one', () => {
    // napi-rs names the binary `<binaryName>.<platform suffix>.node` inside `<package>-<platform suffix>`;
    // the installed package proves the naming, the lock file lists the other platforms.
    const canvas = JSON.parse(readFileSync(join(root, 'node_modules/@napi-rs/canvas/package.json'), 'utf8')) as {
      napi: { binaryName: string }
    }
    const platformPackages = packages.filter((pkg) => pkg.name.startsWith('@napi-rs/canvas-'))
    const expected = (pkg: ProductionPackage): string =>
      `${pkg.path}/${canvas.napi.binaryName}.${pkg.name.slice('@napi-rs/canvas-'.length)}.node`

    expect(platformPackages.length).toBeGreaterThanOrEqual(5)
    for (const pkg of platformPackages.filter((p) => p.installed)) expect(nativeFiles(pkg)).toEqual([expected(pkg)])
    expect(platformPackages.map(expected).filter((file) => !isUnpacked(file))).toEqual([])
  })

  it('are the only code unpacked: the JavaScript bundles stay inside app.asar', () => {
    expect(isUnpacked('out/main/index.js')).toBe(false)
    expect(isUnpacked('node_modules/@napi-rs/canvas/index.js')).toBe(false)
    expect(isUnpacked('resources/icon.png')).toBe(true)
  })
})
