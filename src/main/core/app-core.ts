import type { AppInfo, Channel, RequestOf, ResultOf } from '../../shared/ipc-contract'
import { AccountStore } from './accounts/account-store'
import { openAccountsDatabase } from './accounts/open-accounts'
import { commonPasswords } from './accounts/common-passwords'
import type { ScryptParams } from './accounts/password'
import { screenPassword } from './accounts/password-policy'
import { Lockout, type LockoutPolicy, DEFAULT_LOCKOUT } from './auth/lockout'
import { LoginService } from './auth/login-service'
import { SessionStore } from './auth/sessions'
import { AudioCaptchaService, loadClipLibrary } from './audio'
import { CaptchaService, type CaptchaServiceOptions } from './captcha'
import { createHandlers, dispatch, type HandlerContext } from './handlers/handlers'
import { consoleLogger, type Logger } from './log'
import { PrefsStore } from './prefs/prefs-store'

export interface CoreOptions {
  /** SQLite file; the shell puts it under userData, tests under a temp dir. */
  dbPath: string
  /** The shipped list of common passwords (commonPasswordsFile); read on the first sign-up. */
  commonPasswordsPath: string
  log?: Logger
  scrypt?: ScryptParams
  /** Brute-force limits; defaults to 5 failures in 15 minutes locking the username for 15 minutes. */
  lockout?: Partial<LockoutPolicy>
  /** The clock for lockout and account timestamps; tests move it by hand. */
  now?: () => number
  /** Where captcha images come from (the worker pool in the app) and the challenge limits. */
  captcha: CaptchaServiceOptions
  /** `<resources>/audio`: the spoken digits the audio captcha is composed from. */
  audioDir: string
  /**
   * Language and last username, as JSON. Required rather than derived from dbPath: an in-memory
   * database has no folder, so a derived default would land in the working directory.
   */
  prefsPath: string
  /** Versions and system locales: the shell reads them from Electron, the test harness labels its own. */
  info: Pick<AppInfo, 'version' | 'versions' | 'systemLocales'>
}

export interface Core {
  /** The one entry the shell and the test harness call: never throws, always a typed result. */
  invoke<C extends Channel>(channel: C, payload: RequestOf<C>, context: HandlerContext): Promise<ResultOf<C>>
  /** What arrives over IPC is unchecked: any channel and payload, answered with some channel's result. */
  invoke(channel: unknown, payload: unknown, context: HandlerContext): Promise<ResultOf<Channel>>
  /** Closes the accounts database; safe to call more than once. */
  close(): void
}

/** Builds the whole main-process app without Electron: what the shell wires to ipcMain. */
export function createCore(options: CoreOptions): Core {
  const log = options.log ?? consoleLogger()
  // A damaged file is moved aside and replaced; the page tells the person (AppInfo.databaseReset).
  const { db, reset } = openAccountsDatabase(options.dbPath, log)
  const captcha = new CaptchaService(options.captcha)
  const now = options.now ?? Date.now
  const accounts = new AccountStore(db, {
    scrypt: options.scrypt,
    now,
    screenPassword: async (password, username) => screenPassword(password, username, await commonPasswords(options.commonPasswordsPath))
  })
  const lockout = new Lockout(db, { ...DEFAULT_LOCKOUT, ...options.lockout }, now)
  // Same time to live and test observer as the image: the two challenges follow one set of rules.
  const audio = new AudioCaptchaService({
    clips: loadClipLibrary(options.audioDir),
    ttlMs: options.captcha.ttlMs,
    now: options.captcha.now,
    onIssued: options.captcha.onIssued
  })
  const login = new LoginService({ captcha, accounts, sessions: new SessionStore(), lockout, log, audio })
  const prefs = new PrefsStore(options.prefsPath)
  const handlers = createHandlers({ login, captcha, audio, log, prefs, info: { ...options.info, databaseReset: reset } })
  return {
    // dispatch answers a known channel with that channel's handler, so its result is that channel's.
    invoke: ((channel: unknown, payload: unknown, context: HandlerContext) =>
      dispatch(handlers, channel, payload, context, log)) as Core['invoke'],
    close: () => {
      if (db.isOpen) db.close()
    }
  }
}
