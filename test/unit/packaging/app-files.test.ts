import { readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Configuration, loadBuilderConfig, packagedProjectFiles, root } from './electron-builder-lib'

const resourceFiles = readdirSync(join(root, 'resources'), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))

let config: Configuration
let files: string[]
beforeAll(async () => {
  config = await loadBuilderConfig()
  files = packagedProjectFiles(config)
})

describe('the files electron-builder puts into the app (needs `npm run build` first)', () => {
  it('hold the three bundles, package.json and all of resources/ (fonts, their licence, the icon)', () => {
    expect(resourceFiles).toEqual(expect.arrayContaining(['resources/icon.png', 'resources/fonts/LICENSE-DejaVu.txt']))
    expect(resourceFiles).toEqual(
      expect.arrayContaining(['resources/passwords/common-passwords.txt', 'resources/passwords/LICENSE-SecLists.txt'])
    )
    expect(resourceFiles.some((file) => file.endsWith('.ttf'))).toBe(true)
    expect(files).toEqual(
      expect.arrayContaining(['package.json', 'out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html', ...resourceFiles])
    )
  })

  it('hold nothing but out/, resources/ and package.json', () => {
    expect(files.filter((file) => !/^(out|resources)\//.test(file) && file !== 'package.json')).toEqual([])
  })

  it('leave out sources, tests, scripts, docs, configs, the e2e build and node_modules', () => {
    const unwanted =
      /^(src|test|scripts|docs|out-e2e|node_modules|dist|\.ci|\.test-output)\/|\.config\.|^tsconfig|^electron-builder\.yml$|^package-lock\.json$/
    expect(files.filter((file) => unwanted.test(file))).toEqual([])
  })

  it('let dependencies in only through the production tree: no pattern names node_modules', () => {
    // electron-builder adds `dependencies` (never devDependencies) itself; a files pattern naming
    // node_modules is the way dev dependencies or whole folders sneak in.
    const patterns = (config.files as { filter?: string[] }[]).flatMap((set) => set.filter ?? [])
    expect(patterns.length).toBeGreaterThan(0)
    expect(patterns.filter((pattern) => !pattern.startsWith('!') && pattern.includes('node_modules'))).toEqual([])
  })
})
