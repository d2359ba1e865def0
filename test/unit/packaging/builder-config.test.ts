import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Configuration, loadBuilderConfig, root, validateBuilderConfig } from './electron-builder-lib'

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  productName: string
  scripts: Record<string, string>
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

type TargetSetting = NonNullable<Configuration['linux']>['target']

function targetNames(target: TargetSetting | undefined): string[] {
  const list = target == null ? [] : Array.isArray(target) ? target : [target]
  return list.map((item) => (typeof item === 'string' ? item : item.target))
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file)
  expect(bytes.subarray(0, 8).toString('hex'), `${file} is not a PNG`).toBe('89504e470d0a1a0a')
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

let config: Configuration
beforeAll(async () => {
  config = await loadBuilderConfig()
})

describe('electron-builder.yml', () => {
  it('is read by electron-builder and passes its schema', async () => {
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/)
    await expect(validateBuilderConfig(config)).resolves.toBeUndefined()
  })

  it('is rejected by the same schema check when a key is misspelt (the check is real)', async () => {
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } } as Configuration
    await expect(validateBuilderConfig(misspelt)).rejects.toThrow(/electronFuses/)
  })

  it('names the product as package.json does', () => {
    expect(config.productName).toBe(pkg.productName)
  })

  it('builds AppImage and deb on Linux, NSIS on Windows, dmg on macOS', () => {
    expect(targetNames(config.linux?.target).sort()).toEqual(['AppImage', 'deb'])
    expect(targetNames(config.win?.target)).toEqual(['nsis'])
    expect(targetNames(config.mac?.target)).toEqual(['dmg'])
  })

  it('flips the Electron fuses that close run-as-node, NODE_OPTIONS, --inspect and loose app loading', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false
    })
  })

  it('takes every icon from the one 1024×1024 source image in resources/', () => {
    expect(config.icon).toBe('resources/icon.png')
    for (const platform of ['linux', 'win', 'mac'] as const) {
      expect(config[platform]?.icon, `${platform}.icon would override the source image`).toBeUndefined()
    }
    expect(pngSize(join(root, 'resources/icon.png'))).toEqual({ width: 1024, height: 1024 })
  })

  it('keeps file selection in one place: no platform section adds files, resources or unpack rules', () => {
    for (const platform of ['linux', 'win', 'mac'] as const) {
      const section = (config[platform] ?? {}) as Record<string, unknown>
      for (const key of ['files', 'extraFiles', 'extraResources', 'asarUnpack', 'asar']) {
        expect(section[key], `${platform}.${key}`).toBeUndefined()
      }
    }
    expect(config.extraFiles).toBeUndefined()
    expect(config.extraResources).toBeUndefined()
    expect(config.asar).not.toBe(false)
  })

  it('packages with the pinned Electron, which electron-builder finds among the dev dependencies', () => {
    expect(pkg.devDependencies['electron']).toBe('45.4.1')
    expect(pkg.dependencies['electron']).toBeUndefined()
    expect(config.electronVersion).toBeUndefined()
  })
})

describe('packaging scripts', () => {
  const cases = [
    ['build:unpack', '--dir'],
    ['build:linux', '--linux'],
    ['build:win', '--win'],
    ['build:mac', '--mac']
  ] as const

  it.each(cases)('%s builds with electron-vite first, then runs electron-builder %s', (name, flag) => {
    expect(pkg.scripts['build']).toBe('electron-vite build')
    expect(pkg.scripts[name]).toBe(`npm run build && electron-builder ${flag}`)
  })
})
