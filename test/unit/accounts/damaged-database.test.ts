import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, existsSync, openSync, closeSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { once } from 'node:events'
import { describe, expect, it } from 'vitest'
import { consoleLogger, silentLogger } from '../../../src/main/core/log'
import { openAccountsDatabase } from '../../../src/main/core/accounts/open-accounts'
import { BUSY_TIMEOUT_MS } from '../../../src/main/core/accounts/database'
import { CHANNELS } from '../../../src/shared/ipc-contract'
import { createTestCore, type TestCore } from '../../support/core'
import { cleanupAfterEach } from '../../support/cleanups'
import { tempDir } from '../../support/temp-dir'

// Real files throughout: what SQLite itself says about a damaged file, and a real second process holding
// the write lock.
const ctx = { sessionKey: 'window' }
const cleanup = cleanupAfterEach()

function folder(): string {
  const dir = tempDir()
  cleanup(dir.remove)
  return dir.path
}

function start(dbPath: string, lines: string[] = []): TestCore {
  const core = createTestCore({ dbPath, log: consoleLogger((line) => lines.push(line)) })
  cleanup(() => core.close())
  return core
}

async function credentials(core: TestCore, username: string, password: string) {
  const image = await core.invoke(CHANNELS.captchaNew, undefined, ctx)
  if (!image.ok || !('id' in image)) throw new Error('no captcha')
  return { captchaId: image.id, captchaText: core.answers.get(image.id)!, username, password }
}

async function signUp(core: TestCore, username: string) {
  return core.invoke(CHANNELS.signUp, await credentials(core, username, 'correct horse'), ctx)
}

/** A database with accounts in it, then bytes of its table pages overwritten as a bad disk or copy would. */
async function damagedDatabase(dbPath: string): Promise<void> {
  const core = createTestCore({ dbPath })
  for (let i = 0; i < 40; i++) expect(await signUp(core, `user${i}`)).toMatchObject({ ok: true })
  core.sql().exec('PRAGMA wal_checkpoint(TRUNCATE)')
  core.close()
  const fd = openSync(dbPath, 'r+')
  // Page 1 (the header and schema) stays readable; pages 2 onwards hold the tables.
  const pageSize = 4096
  for (let page = 1; page < statSync(dbPath).size / pageSize; page++) writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, page * pageSize)
  closeSync(fd)
}

describe('a damaged accounts database', () => {
  it.each([
    ['is not a database at all', (path: string) => writeFileSync(path, Buffer.alloc(16_384, 'not a database. '))],
    ['has damaged pages', damagedDatabase]
  ])('that %s is moved aside, kept byte for byte, and the app starts on a fresh one', async (_what, damage) => {
    const dir = folder()
    const dbPath = join(dir, 'accounts.sqlite')
    await damage(dbPath)
    const before = readFileSync(dbPath)
    const lines: string[] = []
    const core = start(dbPath, lines)

    const info = await core.invoke(CHANNELS.appInfo, undefined, ctx)
    expect(info).toMatchObject({ ok: true, databaseReset: { movedTo: expect.stringContaining('accounts.sqlite.damaged-') } })
    const movedTo = info.ok && 'databaseReset' in info ? info.databaseReset!.movedTo : ''
    expect(readFileSync(movedTo).equals(before)).toBe(true)
    expect(readdirSync(dir).filter((name) => name.includes('.damaged-') && !/-(wal|shm)$/.test(name))).toHaveLength(1)
    expect(lines.map((line) => JSON.parse(line) as { event: string })).toContainEqual(
      expect.objectContaining({ event: 'accounts.database-damaged', movedTo })
    )

    // The fresh database works, and the next start finds nothing to report.
    expect(await signUp(core, 'alice')).toMatchObject({ ok: true })
    core.close()
    const again = start(dbPath)
    expect(await again.invoke(CHANNELS.appInfo, undefined, ctx)).toMatchObject({ ok: true, databaseReset: null })
  })

  it('a database that is fine but from a newer version is not touched: the start fails instead', () => {
    const dir = folder()
    const dbPath = join(dir, 'accounts.sqlite')
    start(dbPath).close()
    const db = new DatabaseSync(dbPath)
    db.exec('UPDATE schema_version SET version = 999')
    db.close()
    expect(() => createTestCore({ dbPath })).toThrow(/newer than this app/)
    expect(readdirSync(dir).filter((name) => name.includes('.damaged-'))).toEqual([])
  })
})

/** Another program holding the write lock: a plain Node process with node:sqlite, until told to let go. */
async function holdWriteLock(dbPath: string): Promise<ChildProcess> {
  const script = `
    const { DatabaseSync } = require('node:sqlite')
    const db = new DatabaseSync(process.argv[1])
    db.exec('BEGIN IMMEDIATE; INSERT INTO login_failures (username_key, at) VALUES (\\'held\\', 0)')
    process.stdout.write('locked\\n')
    process.stdin.on('data', () => { db.exec('ROLLBACK'); db.close(); process.exit(0) })`
  const child = spawn(process.execPath, ['-e', script, dbPath], { stdio: ['pipe', 'pipe', 'inherit'] })
  cleanup(() => child.kill())
  await once(child.stdout!, 'data')
  return child
}

describe('a database another program holds locked', () => {
  it('waits only briefly per statement, so the window never freezes for long', () => {
    // The connection the core opens, read where it is made: a second connection has its own timeout.
    const { db } = openAccountsDatabase(join(folder(), 'accounts.sqlite'), silentLogger)
    cleanup(() => db.close())
    expect(BUSY_TIMEOUT_MS).toBeLessThanOrEqual(250)
    expect(db.prepare('PRAGMA busy_timeout').get()).toEqual({ timeout: BUSY_TIMEOUT_MS })
  })

  it('answers sign-in and sign-up with a typed BUSY "try again", then works once the lock is gone', async () => {
    const dbPath = join(folder(), 'accounts.sqlite')
    const core = start(dbPath)
    expect(await signUp(core, 'alice')).toMatchObject({ ok: true })
    await core.invoke(CHANNELS.signOut, undefined, ctx)
    const holder = await holdWriteLock(dbPath)

    const signIn = await core.invoke(CHANNELS.signIn, await credentials(core, 'alice', 'correct horse'), ctx)
    expect(signIn).toMatchObject({ ok: false, code: 'BUSY', message: expect.stringMatching(/try again/i) })
    expect(await signUp(core, 'bob')).toMatchObject({ ok: false, code: 'BUSY' })
    // Reading still works meanwhile (WAL): the page can still load.
    expect(await core.invoke(CHANNELS.appInfo, undefined, ctx)).toMatchObject({ ok: true })

    holder.stdin!.write('release\n')
    await once(holder, 'exit')
    expect(await core.invoke(CHANNELS.signIn, await credentials(core, 'alice', 'correct horse'), ctx)).toMatchObject({ ok: true })
  })
})

describe('file permissions', () => {
  it.skipIf(process.platform === 'win32')('creates the database and its -wal and -shm files readable by the user only', async () => {
    const dbPath = join(folder(), 'accounts.sqlite')
    const core = start(dbPath)
    expect(await signUp(core, 'alice')).toMatchObject({ ok: true })
    for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) {
      expect(existsSync(file), file).toBe(true)
      expect((statSync(file).mode & 0o777).toString(8), file).toBe('600')
    }
  })

  it.skipIf(process.platform === 'win32')('narrows a database an older version left readable by others', () => {
    const dbPath = join(folder(), 'accounts.sqlite')
    start(dbPath).close()
    chmodSync(dbPath, 0o644)
    start(dbPath)
    expect((statSync(dbPath).mode & 0o777).toString(8)).toBe('600')
  })
})
