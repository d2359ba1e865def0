import { failure, type CaptchaImage, type CaptchaRequest, type Credentials, type Result, type User } from '../../../shared/ipc-contract'
import type { AccountStore } from '../accounts/account-store'
import type { Logger } from '../log'
import { answersCaptcha, type AudioCaptchaPort } from './captcha-check'
import type { Lockout } from './lockout'
import type { SessionStore } from './sessions'

/** The part of the captcha service the login rules need; kept narrow so tests can pass a fake. */
export interface CaptchaPort {
  /** `owner`: who asked (the window's session key); only the same owner can answer the challenge. */
  create(request?: CaptchaRequest, owner?: string): Promise<CaptchaImage>
  verify(id: string, text: string, owner?: string): boolean
}

export interface LoginDeps {
  captcha: CaptchaPort
  accounts: AccountStore
  sessions: SessionStore
  lockout: Lockout
  log: Logger
  /** The spoken challenge; without it only the image answers. */
  audio?: AudioCaptchaPort
}

const captchaFailure = () => failure('CAPTCHA_INVALID', 'The captcha text is wrong or has expired.', { field: 'captchaText' })

function lockedFailure(retryAfterMs: number) {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000))
  return failure('LOCKED', `Too many failed sign-ins for this username. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, {
    field: 'username',
    retryAfterMs
  })
}

/**
 * The login rules: the captcha is checked (and consumed) before anything else, so a bot without the
 * answer never reaches the password check; credentials errors never say which half was wrong.
 */
export class LoginService {
  constructor(private readonly deps: LoginDeps) {}

  async signUp(credentials: Credentials, sessionKey: string): Promise<Result<{ user: User }>> {
    const { captcha, accounts, sessions, log } = this.deps
    if (!answersCaptcha(captcha, this.deps.audio, credentials, sessionKey)) {
      log.info('sign-up.rejected', { reason: 'captcha' })
      return captchaFailure()
    }
    const created = await accounts.create(credentials.username, credentials.password)
    if (!created.ok) {
      log.info('sign-up.rejected', { reason: created.code })
      return created
    }
    sessions.set(sessionKey, created.user)
    log.info('sign-up.ok')
    return created
  }

  /**
   * Order matters: the captcha is consumed first whatever happens; a locked username is refused before
   * any password work; a wrong captcha is refused without touching the password or the lockout count.
   * Each paid attempt is counted as a failure *before* scrypt and forgiven on success, so attempts sent in
   * parallel cannot all slip under the limit while their hashes are still running.
   */
  async signIn(credentials: Credentials, sessionKey: string): Promise<Result<{ user: User }>> {
    const { captcha, accounts, sessions, lockout, log } = this.deps
    const { username } = credentials
    const captchaOk = answersCaptcha(captcha, this.deps.audio, credentials, sessionKey)
    const wait = lockout.retryAfterMs(username)
    if (wait > 0) {
      log.info('sign-in.rejected', { reason: 'locked' })
      return lockedFailure(wait)
    }
    // Not counted: only an attempt that paid with a solved captcha may bring a username nearer its lock,
    // or anyone could lock anyone out with made-up captcha ids for free.
    if (!captchaOk) {
      log.info('sign-in.rejected', { reason: 'captcha' })
      return captchaFailure()
    }
    // Provisional: counts until the password proves right; a lock it starts is logged only once final.
    const locked = lockout.recordFailure(username)
    const user = await accounts.verify(username, credentials.password)
    if (!user) {
      log.info('sign-in.rejected', { reason: 'credentials' })
      if (locked > 0) log.warn('sign-in.lock-started', { lockMs: locked })
      return locked > 0 ? lockedFailure(locked) : failure('BAD_CREDENTIALS', 'Wrong username or password.', { field: 'username' })
    }
    lockout.clear(username)
    sessions.set(sessionKey, user)
    log.info('sign-in.ok')
    return { ok: true, user }
  }

  signOut(sessionKey: string): Result {
    this.deps.sessions.clear(sessionKey)
    return { ok: true }
  }

  current(sessionKey: string): Result<{ user: User | null }> {
    return { ok: true, user: this.deps.sessions.get(sessionKey) }
  }
}
