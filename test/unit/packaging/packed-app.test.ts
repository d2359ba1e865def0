// Runs electron-builder for real (`--linux --dir`, no network) on a copy of the project, with a stand-in
// for the Electron binary, and checks the folder it produces: what is inside app.asar and next to it,
// that the unpacked canvas binary loads and reads the unpacked font, and that the fuses were flipped.
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appIconPath, captchaFontPaths, resolveResourcesDir } from '../../../src/main/core/resources'
import { tempDir } from '../../support/temp-dir'
import { type Configuration, electronBuilderCli, loadBuilderConfig, packagerModule, root } from './electron-builder-lib'
import { productionPackages } from './production-tree'

const fuses = packagerModule<{
  FuseV1Options: Record<string, number>
  getCurrentFuseWire(path: string): Promise<Record<string, unknown>>
}>('@electron/fuses')
// Where @electron/fuses finds the wire; its package exports no constant for it, so read the same file it does.
const { SENTINEL } = packagerModule<{ SENTINEL: string }>('@electron/fuses/dist/constants')
const asar = packagerModule<{ listPackage(path: string): string[] }>('@electron/asar')

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
const installed = productionPackages().filter((p) => p.installed)

// Electron's own fuse defaults, each the opposite of what electron-builder.yml asks for (except the V8
// snapshot fuse, which it leaves alone), so every flip shows in the packaged binary.
const electronDefaultWire = ['1', '0', '1', '1', '0', '0', '0', '1']

/** An "Electron" that is a shell script carrying a fuse wire where @electron/fuses looks for one. */
function standInElectron(dir: string): void {
  mkdirSync(dir, { recursive: true })
  const wire = Buffer.concat([
    Buffer.from('#!/bin/sh\nexit 0\n'),
    Buffer.from(SENTINEL),
    Buffer.from([1, electronDefaultWire.length]),
    Buffer.from(electronDefaultWire.join(''))
  ])
  writeFileSync(join(dir, 'electron'), wire, { mode: 0o755 })
  writeFileSync(join(dir, 'LICENSE'), 'stand-in\n')
}

/** The project as a fresh checkout would hold it after `npm ci && npm run build`, production packages only. */
function stageProject(dir: string): void {
  for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml']) copyFileSync(join(root, file), join(dir, file))
  for (const folder of ['out', 'resources']) cpSync(join(root, folder), join(dir, folder), { recursive: true })
  for (const p of installed) cpSync(realpathSync(join(root, p.path)), join(dir, p.path), { recursive: true, dereference: true })
}

function nativeFilesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.node'))
}

let config: Configuration
let temp: ReturnType<typeof tempDir>
let appOut: string
let build: { status: number | null; output: string }

beforeAll(async () => {
  config = await loadBuilderConfig()
  temp = tempDir('login-app-pack-')
  const project = join(temp.path, 'project')
  mkdirSync(project)
  stageProject(project)
  standInElectron(join(temp.path, 'electron'))
  const run = spawnSync(
    process.execPath,
    [
      electronBuilderCli,
      '--linux',
      '--dir',
      '--projectDir',
      project,
      `-c.electronDist=${join(temp.path, 'electron')}`,
      `-c.electronVersion=${pkg.devDependencies['electron']}`,
      `-c.directories.output=${join(temp.path, 'dist')}`
    ],
    // Its own tool cache, so a run never reuses or fills the user's; nothing needs downloading anyway.
    { encoding: 'utf8', env: { ...process.env, ELECTRON_BUILDER_CACHE: join(temp.path, 'cache') }, timeout: 150_000 }
  )
  build = { status: run.status, output: `${run.stdout}\n${run.stderr}` }
  appOut = join(temp.path, 'dist', 'linux-unpacked')
}, 180_000)
afterAll(() => temp?.remove())

describe('electron-builder --linux --dir with a stand-in Electron (needs `npm run build`)', () => {
  it('succeeds offline and names the executable as configured', () => {
    expect(build.status, build.output).toBe(0)
    expect(existsSync(join(appOut, config.linux?.executableName ?? 'missing'))).toBe(true)
  })

  it('puts the bundles and package.json into app.asar and no source, test or dev dependency', () => {
    const entries = asar.listPackage(join(appOut, 'resources', 'app.asar')).map((entry) => entry.split(sep).join('/'))
    expect(entries).toEqual(
      expect.arrayContaining(['/package.json', '/out/main/index.js', '/out/preload/index.js', '/out/renderer/index.html'])
    )
    expect(entries.filter((entry) => /^\/(src|test|scripts|docs)(\/|$)/.test(entry))).toEqual([])
    const modules = entries.flatMap((entry) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(entry)?.[1] ?? [])
    expect(modules.sort()).toEqual(installed.map((p) => p.name).sort())
  })

  it('unpacks the fonts and icon where the resolver looks, and they are real files', () => {
    const resourcesPath = join(appOut, 'resources')
    const dir = resolveResourcesDir({ isPackaged: true, appPath: join(resourcesPath, 'app.asar'), resourcesPath })
    const fonts = captchaFontPaths(dir)
    expect(fonts.map((file) => relative(dir, file).split(sep).join('/'))).toEqual(
      readdirSync(join(root, 'resources/fonts'))
        .filter((name) => name.endsWith('.ttf'))
        .sort()
        .map((name) => `fonts/${name}`)
    )
    expect(readFileSync(appIconPath(dir))).toEqual(readFileSync(join(root, 'resources/icon.png')))
  })

  it('unpacks every native binary, which loads from there and reads an unpacked font', () => {
    const unpacked = join(appOut, 'resources', 'app.asar.unpacked')
    const expected = installed.flatMap((p) => nativeFilesOf(join(root, p.path)).map((file) => join(p.path, file).split(sep).join('/')))
    expect(expected.length).toBeGreaterThan(0)
    expect(expected.filter((file) => !existsSync(join(unpacked, file)))).toEqual([])

    const skia = expected.find((file) => file.startsWith('node_modules/@napi-rs/canvas-'))
    const font = captchaFontPaths(join(unpacked, 'resources'))[0]
    // A separate Node process, so the binary under test is the packaged copy, not the one already loaded.
    const probe = spawnSync(
      process.execPath,
      [
        '-e',
        'const { GlobalFonts } = require(process.argv[1]); process.exit(GlobalFonts.registerFromPath(process.argv[2], "Probe") ? 0 : 3)',
        join(unpacked, skia ?? 'missing'),
        font
      ],
      { encoding: 'utf8' }
    )
    expect(probe.status, probe.stderr).toBe(0)
  })

  it('flips the fuses of electron-builder.yml in the packaged binary', async () => {
    const wire = await fuses.getCurrentFuseWire(join(appOut, config.linux?.executableName ?? 'missing'))
    const state = (option: string): string => String.fromCharCode(wire[fuses.FuseV1Options[option]] as number)
    expect({
      runAsNode: state('RunAsNode'),
      enableCookieEncryption: state('EnableCookieEncryption'),
      enableNodeOptionsEnvironmentVariable: state('EnableNodeOptionsEnvironmentVariable'),
      enableNodeCliInspectArguments: state('EnableNodeCliInspectArguments'),
      enableEmbeddedAsarIntegrityValidation: state('EnableEmbeddedAsarIntegrityValidation'),
      onlyLoadAppFromAsar: state('OnlyLoadAppFromAsar'),
      grantFileProtocolExtraPrivileges: state('GrantFileProtocolExtraPrivileges')
    }).toEqual(Object.fromEntries(Object.entries(config.electronFuses ?? {}).map(([key, on]) => [key, on ? '1' : '0'])))
  })
})
