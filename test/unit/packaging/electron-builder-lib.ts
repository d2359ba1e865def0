// electron-builder's own configuration loader, schema validation and file matchers, used without the
// Electron binary. They live in app-builder-lib (no public entry point for them), so they are loaded
// through electron-builder's resolution: the very copy `electron-builder` runs, whatever npm hoisted.
import { readdirSync, type Stats, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'
import type { Configuration } from 'electron-builder'

export const root = resolve(__dirname, '../../..')
export type { Configuration }

type Filter = (file: string, stat: Stats | FakeStat) => boolean
interface FileMatcher {
  from: string
  createFilter(): Filter
}
interface FakeStat {
  isDirectory(): boolean
  moduleFullFilePath?: string
}
interface DebugLogger {
  isEnabled: boolean
  add(key: string, value: unknown): void
}

const builderPackageJson = require.resolve('electron-builder/package.json', { paths: [root] })
const builderRequire = createRequire(builderPackageJson)
const appBuilderRequire = createRequire(builderRequire.resolve('app-builder-lib/package.json'))

/** The `electron-builder` command's script. */
export const electronBuilderCli = join(dirname(builderPackageJson), 'cli.js')

/** A module as electron-builder's packager loads it (e.g. `@electron/asar`, `@electron/fuses`). */
export function packagerModule<T>(id: string): T {
  return appBuilderRequire(id) as T
}
const configModule = builderRequire('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<Configuration>
  validateConfiguration(config: Configuration, debugLogger: DebugLogger): Promise<void>
}
const fileMatcherModule = builderRequire('app-builder-lib/out/fileMatcher') as {
  getMainFileMatchers(
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformSpecificBuildOptions: object,
    platformPackager: object,
    outDir: string,
    isElectronCompile: boolean
  ): FileMatcher[]
  getFileMatchers(
    config: Configuration,
    name: 'asarUnpack',
    destination: string,
    options: { macroExpander: (pattern: string) => string; customBuildOptions: object; globalOutDir: string; defaultSrc: string }
  ): FileMatcher[] | null
}

const noDebug: DebugLogger = { isEnabled: false, add: () => undefined }
const noMacros = (pattern: string): string => pattern
const appDestination = join(root, 'dist', 'packaged-app')

/** electron-builder.yml as electron-builder reads it (js-yaml, `extends`, defaults merged). */
export function loadBuilderConfig(): Promise<Configuration> {
  return configModule.getConfig(root, null, null)
}

/** electron-builder's schema check (ajv over app-builder-lib/scheme.json); rejects on any unknown key. */
export function validateBuilderConfig(config: Configuration): Promise<void> {
  return configModule.validateConfiguration(config, noDebug)
}

/**
 * The project files (not node_modules: electron-builder adds production dependencies from the npm tree)
 * that go into the app, relative to the root: `files` plus electron-builder's default exclusions,
 * walked the way its copier walks (a folder is entered only when the filter accepts it).
 */
export function packagedProjectFiles(config: Configuration): string[] {
  const packager = {
    info: {
      projectDir: root,
      buildResourcesDir: resolve(root, config.directories?.buildResources ?? 'build'),
      isPrepackedAppAsar: false,
      config,
      debugLogger: noDebug
    }
  }
  const outDir = resolve(root, config.directories?.output ?? 'dist')
  const matchers = fileMatcherModule.getMainFileMatchers(root, appDestination, noMacros, {}, packager, outDir, false)
  return matchers.flatMap((matcher) => walk(matcher.from, matcher.createFilter())).map((file) => relative(root, file).split(sep).join('/'))
}

function walk(dir: string, filter: Filter): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    const stat = statSync(path)
    if (!filter(path, stat)) return []
    return stat.isDirectory() ? walk(path, filter) : [path]
  })
}

/**
 * Whether electron-builder would put a file next to app.asar (app.asar.unpacked) instead of inside it,
 * for a path relative to the app root such as `resources/icon.png` or `node_modules/x/y.node`.
 */
export function asarUnpackMatcher(config: Configuration): (appRelativePath: string) => boolean {
  const matchers = fileMatcherModule.getFileMatchers(config, 'asarUnpack', appDestination, {
    macroExpander: noMacros,
    customBuildOptions: {},
    globalOutDir: resolve(root, 'dist'),
    defaultSrc: root
  })
  if (matchers === null) return () => false
  const filter = matchers[0].createFilter()
  // Files of dependencies carry their in-app path (moduleFullFilePath), as electron-builder's copier sets it.
  return (path) =>
    filter(join(root, path), {
      isDirectory: () => false,
      moduleFullFilePath: path.startsWith('node_modules/') ? path : undefined
    })
}
