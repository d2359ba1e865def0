import { readFileSync } from 'node:fs'
import { DatabaseSync } from 'node:sqlite'
import { join } from 'node:path'
import { commonPasswordsFile } from '../../src/main/core/accounts/common-passwords'
import { createCore, type Core, type CoreOptions } from '../../src/main/core/app-core'
import type { HandlerContext } from '../../src/main/core/handlers/handlers'
import { CHANNELS } from '../../src/shared/ipc-contract'
import { silentLogger } from '../../src/main/core/log'
import { audioClipsDir } from '../../src/main/core/audio'
import type { CaptchaServiceOptions } from '../../src/main/core/captcha/service'
import { generatorFor } from './captcha'
import { FAST_SCRYPT } from './scrypt'
import { tempDir } from './temp-dir'

export const RESOURCES_DIR = join(__dirname, '../../resources')

const packageVersion = (JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version

/** What the tests report instead of Electron's versions: labelled, so nobody mistakes them for real ones. */
export const TEST_INFO = {
  version: packageVersion,
  versions: { electron: 'none (test harness)', chrome: 'harness', node: process.versions.node },
  systemLocales: ['zh-CN']
}

export interface TestCore extends Core {
  /** The answer of every captcha issued, by id: what the e2e test hook exposes. */
  answers: Map<string, string>
  /** A second connection to the core's database file, as another program would open it (opened on first use). */
  sql(): DatabaseSync
  dispose(): void
}

/** Any core option; the captcha source defaults to the app's preset drawn in this thread. */
export type TestCoreOptions = Partial<Omit<CoreOptions, 'captcha'>> & { captcha?: Partial<CaptchaServiceOptions> }

/** The real core on a fresh database in a temp dir, with answers recorded for the test. */
export function createTestCore(overrides: TestCoreOptions = {}): TestCore {
  const dir = tempDir()
  const answers = new Map<string, string>()
  const dbPath = overrides.dbPath ?? join(dir.path, 'accounts.sqlite')
  let second: DatabaseSync | undefined
  const core = createCore({
    dbPath,
    prefsPath: join(dir.path, 'prefs.json'),
    audioDir: audioClipsDir(RESOURCES_DIR),
    commonPasswordsPath: commonPasswordsFile(RESOURCES_DIR),
    log: silentLogger,
    scrypt: FAST_SCRYPT,
    info: TEST_INFO,
    ...overrides,
    captcha: { source: generatorFor('normal'), ...overrides.captcha, onIssued: (id, answer) => answers.set(id, answer) }
  })
  const closeSecond = () => {
    if (second?.isOpen) second.close()
  }
  return {
    ...core,
    answers,
    sql: () => {
      if (dbPath === ':memory:') throw new Error('an in-memory database has no second connection')
      if (!second?.isOpen) second = new DatabaseSync(dbPath)
      return second
    },
    close: () => {
      closeSecond()
      core.close()
    },
    dispose: () => {
      closeSecond()
      core.close()
      dir.remove()
    }
  }
}

/** A captcha asked for as the page asks, with the answer the test hook reads: the captcha half of Credentials. */
export async function solvedCaptcha(core: TestCore, context: HandlerContext): Promise<{ captchaId: string; captchaText: string }> {
  const image = await core.invoke(CHANNELS.captchaNew, undefined, context)
  if (!image.ok) throw new Error(`no captcha: ${image.code}`)
  return { captchaId: image.id, captchaText: core.answers.get(image.id)! }
}
