// Runs the real `npm start` in a copy of the project whose node_modules/electron was never installed (no
// path.txt, no dist/), against a mirror on 127.0.0.1 that serves a stand-in Electron: the launcher must
// fetch it through Electron's own installer and start it on the app's built main entry; offline it must
// say why in a few lines; and ELECTRON_OVERRIDE_DIST_PATH must be used as is. Nothing leaves the machine.
// The copy reuses out/ from `npm test`'s build (`--skipBuild`): building is electron-vite's part, tested
// elsewhere, and is not what decides whether Electron starts.
import { spawn } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import { delimiter, dirname, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  closedPort,
  EXECUTABLE_IN_DIST,
  type Mirror,
  parseStandInRecord,
  type StandInStart,
  standInReleaseZip,
  startMirror,
  writeUnpackedStandIn
} from '../../support/electron-mirror'
import { tempDir } from '../../support/temp-dir'

const root = join(__dirname, '../../..')
const realElectron = join(root, 'node_modules/electron')
const version = (JSON.parse(readFileSync(join(realElectron, 'package.json'), 'utf8')) as { version: string }).version
const builtMain = join(root, 'out/main/index.js')

let temp: ReturnType<typeof tempDir>
let mirror: Mirror
let refusedMirror: string
let projects = 0

/** The project as a fresh clone holds it after `npm ci && npm run build`: electron's package without its binary, every other package linked. */
function stageProject(): string {
  const project = join(temp.path, `project-${++projects}`)
  mkdirSync(join(project, 'node_modules'), { recursive: true })
  copyFileSync(join(root, 'package.json'), join(project, 'package.json'))
  for (const file of ['scripts/electron', 'scripts/require-node.mjs', 'scripts/node-version.mjs', 'out']) {
    cpSync(join(root, file), join(project, file), { recursive: true })
  }
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry !== 'electron') symlinkSync(join(root, 'node_modules', entry), join(project, 'node_modules', entry))
  }
  const leaveOut = new Set([join(realElectron, 'dist'), join(realElectron, 'path.txt')])
  cpSync(realElectron, join(project, 'node_modules/electron'), { recursive: true, filter: (source) => !leaveOut.has(source) })
  return project
}

/** Everything that could send Electron's download elsewhere than the mirror each test names. */
const REDIRECTS = /^(electron_|npm_config_electron_|npm_package_config_electron_|node_use_env_proxy$|force_no_cache$)/i

interface Run {
  status: number | null
  stdout: string
  stderr: string
  started: StandInStart | null
}

/** `npm start -- --skipBuild` in `project`, with only `env` deciding where Electron comes from. */
function npmStart(project: string, env: Record<string, string>): Promise<Run> {
  const record = join(project, 'stand-in-started.txt')
  const userConfig = join(project, 'empty-npmrc')
  writeFileSync(userConfig, '')
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !REDIRECTS.test(key)))
  const npm = process.env['npm_execpath'] ? [process.execPath, process.env['npm_execpath']] : ['npm']
  return new Promise((resolvePromise, reject) => {
    const child = spawn(npm[0]!, [...npm.slice(1), 'start', '--', '--skipBuild'], {
      cwd: project,
      env: {
        ...inherited,
        // The npm scripts' `node` is this Node; no user .npmrc can name another mirror.
        PATH: `${dirname(process.execPath)}${delimiter}${process.env['PATH'] ?? ''}`,
        NPM_CONFIG_USERCONFIG: userConfig,
        NO_PROXY: '127.0.0.1',
        electron_config_cache: join(project, 'electron-cache'),
        STAND_IN_RECORD: record,
        ...env
      },
      // A guard against a hang, not a timing check: every case here ends in seconds.
      timeout: 90_000
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (status) =>
      resolvePromise({ status, stdout, stderr, started: existsSync(record) ? parseStandInRecord(readFileSync(record, 'utf8')) : null })
    )
  })
}

/** The file Electron loads for `electron <args[0]>`: the folder's package.json `main`. */
function appEntryOf(started: StandInStart): string {
  const appDir = resolve(started.cwd, started.args[0] ?? '')
  const main = (JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as { main: string }).main
  return join(appDir, main)
}

const realInstallState = (): boolean[] => [existsSync(join(realElectron, 'path.txt')), existsSync(join(realElectron, 'dist'))]
let realStateBefore: boolean[]

beforeAll(async () => {
  if (!existsSync(builtMain)) throw new Error(`No build in ${dirname(builtMain)}: run \`npm run build\` first (npm test does it).`)
  realStateBefore = realInstallState()
  temp = tempDir('login-app-start-')
  mirror = await startMirror(version, standInReleaseZip(version))
  refusedMirror = `http://127.0.0.1:${await closedPort()}/`
})
afterAll(async () => {
  await mirror?.close()
  temp?.remove()
})

describe('npm start on a clone whose Electron binary was never fetched', () => {
  it('fetches it from ELECTRON_MIRROR through Electron’s installer and starts it on the built main entry', async () => {
    const project = stageProject()
    const run = await npmStart(project, { ELECTRON_MIRROR: mirror.url, electron_use_remote_checksums: '1' })

    expect(run.status, run.stdout + run.stderr).toBe(0)
    expect(run.stdout).toContain(`Electron ${version} is not installed yet: fetching it once`)
    const zipName = standInReleaseZip(version).name
    expect(mirror.requests).toEqual(expect.arrayContaining([`/v${version}/${zipName}`, `/v${version}/SHASUMS256.txt`]))
    // Installed where Electron's installer puts it, and cached where electron_config_cache says.
    expect(readFileSync(join(project, 'node_modules/electron/path.txt'), 'utf8')).toBe(EXECUTABLE_IN_DIST)
    expect(readdirSync(join(project, 'electron-cache'), { recursive: true, encoding: 'utf8' }).some((file) => file.endsWith(zipName))).toBe(
      true
    )

    expect(run.started).not.toBeNull()
    const started = run.started!
    expect(realpathSync(started.executable)).toBe(realpathSync(join(project, 'node_modules/electron/dist', EXECUTABLE_IN_DIST)))
    expect(realpathSync(started.cwd)).toBe(realpathSync(project))
    expect(realpathSync(appEntryOf(started))).toBe(realpathSync(join(project, 'out/main/index.js')))
    expect(readFileSync(appEntryOf(started), 'utf8')).toBe(readFileSync(builtMain, 'utf8'))
  })

  it('offline, stops at once with the cause and the three ways out, and no stack trace', async () => {
    const project = stageProject()
    const run = await npmStart(project, { ELECTRON_MIRROR: refusedMirror, electron_use_remote_checksums: '1' })
    const zipUrl = `${refusedMirror}v${version}/${standInReleaseZip(version).name}`

    expect(run.status).toBe(1)
    expect(run.started).toBeNull()
    const port = new URL(refusedMirror).port
    expect(run.stderr).toContain(`Electron ${version} could not be fetched from ${zipUrl}: connect ECONNREFUSED 127.0.0.1:${port}.`)
    for (const way of ['ELECTRON_MIRROR=', 'electron_config_cache=', 'ELECTRON_OVERRIDE_DIST_PATH=']) expect(run.stderr).toContain(way)
    expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(6)
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at |Electron uninstall|error during|TypeError/m)
    expect(existsSync(join(project, 'node_modules/electron/path.txt'))).toBe(false)
  })

  it('uses ELECTRON_OVERRIDE_DIST_PATH as is, without fetching', async () => {
    const project = stageProject()
    const unpacked = join(temp.path, 'unpacked-electron')
    const executable = writeUnpackedStandIn(unpacked)
    const asked = mirror.requests.length
    // Any download attempt would go to a closed port and fail the run.
    const run = await npmStart(project, { ELECTRON_OVERRIDE_DIST_PATH: unpacked, ELECTRON_MIRROR: refusedMirror })

    expect(run.status, run.stdout + run.stderr).toBe(0)
    expect(run.stdout).not.toContain('fetching')
    expect(mirror.requests.length).toBe(asked)
    expect(existsSync(join(project, 'node_modules/electron/path.txt'))).toBe(false)
    expect(run.started).not.toBeNull()
    expect(realpathSync(run.started!.executable)).toBe(realpathSync(executable))
    expect(realpathSync(appEntryOf(run.started!))).toBe(realpathSync(join(project, 'out/main/index.js')))
  })

  it('leaves the project’s own node_modules/electron as it was', () => {
    expect(realInstallState()).toEqual(realStateBefore)
  })
})
