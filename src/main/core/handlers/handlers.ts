import type { z } from 'zod'
import {
  CHANNELS,
  failure,
  type AppInfo,
  type Channel,
  type Failure,
  type Field,
  type ResultOf,
  type User
} from '../../../shared/ipc-contract'
import type { AudioCaptchaPort } from '../auth/captcha-check'
import type { CaptchaPort, LoginService } from '../auth/login-service'
import type { Logger } from '../log'
import type { PrefsStore } from '../prefs/prefs-store'
import { busyFailure } from './busy'
import { captchaAudioRequestSchema, captchaRequestSchema, credentialsSchema, languageRequestSchema, noPayloadSchema } from './schemas'

/** What the shell knows about the sender; never taken from the payload. */
export interface HandlerContext {
  sessionKey: string
}

export type Handler<C extends Channel> = (payload: unknown, context: HandlerContext) => Promise<ResultOf<C>>
export type Handlers = { [C in Channel]: Handler<C> }

export interface HandlerDeps {
  login: LoginService
  captcha: CaptchaPort
  audio: AudioCaptchaPort
  log: Logger
  prefs: PrefsStore
  /** Versions and system locales, read by the shell (or the test harness) once at start. */
  info: Pick<AppInfo, 'version' | 'versions' | 'systemLocales' | 'databaseReset'>
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
export function createHandlers({ login, captcha, audio, log, prefs, info }: HandlerDeps): Handlers {
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
  // Each entry: the channel, the schema its payload must match, and what to do with a valid one.
  const on =
    <C extends Channel, S extends z.ZodType>(
      channel: C,
      schema: S,
      handle: (request: z.output<S>, context: HandlerContext) => Promise<ResultOf<C>> | ResultOf<C>
    ): Handler<C> =>
    async (payload, context) => {
      const parsed = schema.safeParse(payload)
      return parsed.success ? handle(parsed.data, context) : invalid(parsed.error, channel, log)
    }
  return {
    [CHANNELS.captchaNew]: on(CHANNELS.captchaNew, captchaRequestSchema, async (request, { sessionKey }) => ({
      ok: true,
      ...(await captcha.create(request, sessionKey))
    })),
    [CHANNELS.signUp]: on(CHANNELS.signUp, credentialsSchema, async (request, { sessionKey }) =>
      remember(await login.signUp(request, sessionKey))
    ),
    [CHANNELS.signIn]: on(CHANNELS.signIn, credentialsSchema, async (request, { sessionKey }) =>
      remember(await login.signIn(request, sessionKey))
    ),
    [CHANNELS.signOut]: on(CHANNELS.signOut, noPayloadSchema, (_none, { sessionKey }) => login.signOut(sessionKey)),
    [CHANNELS.session]: on(CHANNELS.session, noPayloadSchema, (_none, { sessionKey }) => login.current(sessionKey)),
    [CHANNELS.appInfo]: on(CHANNELS.appInfo, noPayloadSchema, () => ({ ok: true, ...info, ...prefs.get() })),
    [CHANNELS.setLanguage]: on(CHANNELS.setLanguage, languageRequestSchema, ({ language }) => {
      prefs.setLanguage(language)
      return { ok: true, language }
    }),
    [CHANNELS.captchaAudio]: on(CHANNELS.captchaAudio, captchaAudioRequestSchema, (request, { sessionKey }) => ({
      ok: true,
      ...audio.create(request, sessionKey)
    }))
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
    const busy = busyFailure(error)
    if (busy) {
      log.warn('ipc.busy', { channel, reason: busy.message })
      return busy
    }
    log.error('ipc.internal', { channel, error: error instanceof Error ? error.name : typeof error })
    return failure('INTERNAL', 'Something went wrong. Please try again.')
  }
}
