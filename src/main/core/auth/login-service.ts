import { failure, type CaptchaImage, type CaptchaRequest, type Credentials, type Result, type User } from '../../../shared/ipc'
import type { AccountStore } from '../accounts/account-store'
import type { Logger } from '../log'
import type { SessionStore } from './sessions'

/** The part of the captcha service the login rules need; kept narrow so tests can pass a fake. */
export interface CaptchaPort {
  create(request?: CaptchaRequest): Promise<CaptchaImage>
  verify(id: string, text: string): boolean
}

export interface LoginDeps {
  captcha: CaptchaPort
  accounts: AccountStore
  sessions: SessionStore
  log: Logger
}

const captchaFailure = () =>
  failure('CAPTCHA_INVALID', 'The captcha text is wrong or has expired.', { field: 'captchaText' })

/**
 * The login rules: the captcha is checked (and consumed) before anything else, so a bot without the
 * answer never reaches the password check; credentials errors never say which half was wrong.
 */
export class LoginService {
  constructor(private readonly deps: LoginDeps) {}

  async signUp(credentials: Credentials, sessionKey: string): Promise<Result<{ user: User }>> {
    const { captcha, accounts, sessions, log } = this.deps
    if (!captcha.verify(credentials.captchaId, credentials.captchaText)) {
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

  async signIn(credentials: Credentials, sessionKey: string): Promise<Result<{ user: User }>> {
    const { captcha, accounts, sessions, log } = this.deps
    if (!captcha.verify(credentials.captchaId, credentials.captchaText)) {
      log.info('sign-in.rejected', { reason: 'captcha' })
      return captchaFailure()
    }
    const user = await accounts.verify(credentials.username, credentials.password)
    if (!user) {
      log.info('sign-in.rejected', { reason: 'credentials' })
      return failure('BAD_CREDENTIALS', 'Wrong username or password.', { field: 'username' })
    }
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
