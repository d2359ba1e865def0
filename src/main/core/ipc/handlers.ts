import type { z } from 'zod'
import { CHANNELS, failure, type AppInfo, type Channel, type Failure, type Field, type ResultOf, type User } from '../../../shared/ipc'
import type { CaptchaPort, LoginService } from '../auth/login-service'
import type { Logger } from '../log'
import type { PrefsStore } from '../prefs/prefs-store'
import { captchaRequestSchema, credentialsSchema, languageRequestSchema, noPayloadSchema } from './schemas'

/** What the shell knows about the sender; never taken from the payload. */
export interface HandlerContext {
  sessionKey: string
}

export type Handler<C extends Channel> = (payload: unknown, context: HandlerContext) => Promise<ResultOf<C>>
export type Handlers = { [C in Channel]: Handler<C> }

export interface HandlerDeps {
  login: LoginService
  captcha: CaptchaPort
  log: Logger
  prefs: PrefsStore
  /** Versions and system locales, read by the shell (or the test harness) once at start. */
  info: Pick<AppInfo, 'version' | 'versions' | 'systemLocales'>
}

const FIELDS: readonly string[] = ['username', 'password', 'captchaText'] satisfies Field[]

function invalid(error: z.ZodError, channel: Channel, log: Logger): Failure {
  const issue = error.issues[0]
  const key = issue?.path[0]
  // Log where the payload was wrong, never the value.
  log.warn('ipc.invalid', { channel, path: issue?.path.join('.') || '(root)', problem: issue?.code })
  const field = typeof key === 'string' && FIELDS.includes(key) ? (key as Field) : undefined
  return failure('INVALID_INPUT', `Invalid request${issue?.path.length ? ` at "${issue.path.join('.')}"` : ''}.`, {
    ...(field ? { field } : {})
  })
}

/** One table, channel → handler, used unchanged by Electron's ipcMain and by the browser test harness. */
export function createHandlers({ login, captcha, log, prefs, info }: HandlerDeps): Handlers {
  // Remembered in main so the page never stores anything itself; only the name, never the password.
  const remember = <R extends { ok: true; user: User } | Failure>(result: R): R => {
    if (!result.ok) return result
    try {
      prefs.rememberUsername(result.user.username)
    } catch (error) {
      // The person is signed in; failing to remember the name for next time must not undo that.
      log.warn('prefs.write-failed', { error: error instanceof Error ? error.name : typeof error })
    }
    return result
  }
  return {
    [CHANNELS.captchaNew]: async (payload) => {
      const parsed = captchaRequestSchema.safeParse(payload)
      if (!parsed.success) return invalid(parsed.error, CHANNELS.captchaNew, log)
      return { ok: true, ...(await captcha.create(parsed.data)) }
    },
    [CHANNELS.signUp]: async (payload, { sessionKey }) => {
      const parsed = credentialsSchema.safeParse(payload)
      if (!parsed.success) return invalid(parsed.error, CHANNELS.signUp, log)
      return remember(await login.signUp(parsed.data, sessionKey))
    },
    [CHANNELS.signIn]: async (payload, { sessionKey }) => {
      const parsed = credentialsSchema.safeParse(payload)
      if (!parsed.success) return invalid(parsed.error, CHANNELS.signIn, log)
      return remember(await login.signIn(parsed.data, sessionKey))
    },
    [CHANNELS.signOut]: async (payload, { sessionKey }) => {
      const parsed = noPayloadSchema.safeParse(payload)
      if (!parsed.success) return invalid(parsed.error, CHANNELS.signOut, log)
      return login.signOut(sessionKey)
    },
    [CHANNELS.session]: async (payload, { sessionKey }) => {
      const parsed = noPayloadSchema.safeParse(payload)
      if (!parsed.success) return invalid(parsed.error, CHANNELS.session, log)
      return login.current(sessionKey)
    },
    [CHANNELS.appInfo]: async (payload) => {
      const parsed = noPayloadSchema.safeParse(payload)
      if (!parsed.success) return invalid(parsed.error, CHANNELS.appInfo, log)
      return { ok: true, ...info, ...prefs.get() }
    },
    [CHANNELS.setLanguage]: async (payload) => {
      const parsed = languageRequestSchema.safeParse(payload)
      if (!parsed.success) return invalid(parsed.error, CHANNELS.setLanguage, log)
      prefs.setLanguage(parsed.data.language)
      return { ok: true, language: parsed.data.language }
    }
  }
}

const KNOWN = new Set<string>(Object.values(CHANNELS))

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && KNOWN.has(value)
}

/**
 * The single entry every IPC message goes through. Whatever happens inside, the caller gets a typed
 * result: a thrown error becomes INTERNAL (logged without the payload) instead of a rejected invoke.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  payload: unknown,
  context: HandlerContext,
  log: Logger
): Promise<ResultOf<Channel>> {
  if (!isChannel(channel)) return failure('INVALID_INPUT', 'Unknown channel.')
  try {
    return await handlers[channel](payload, context)
  } catch (error) {
    log.error('ipc.internal', { channel, error: error instanceof Error ? error.name : typeof error })
    return failure('INTERNAL', 'Something went wrong. Please try again.')
  }
}
