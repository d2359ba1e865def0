import { captchaRequestFor, type ScreenView } from '../shared/captcha-request'
import { CHANNELS, type Channel, type Invoke, type LoginApi, type RequestOf, type ResultOf } from '../shared/ipc-contract'

/**
 * The page's whole view of main: eight typed methods, no channel names, no raw IPC. Built over any
 * `invoke` so the browser test harness can provide the very same object over its own transport.
 */
export function createApi(invoke: Invoke): LoginApi {
  return Object.freeze({
    newCaptcha: (request) => invoke(CHANNELS.captchaNew, request),
    signUp: (credentials) => invoke(CHANNELS.signUp, credentials),
    signIn: (credentials) => invoke(CHANNELS.signIn, credentials),
    signOut: () => invoke(CHANNELS.signOut, undefined),
    session: () => invoke(CHANNELS.session, undefined),
    appInfo: () => invoke(CHANNELS.appInfo, undefined),
    setLanguage: (language) => invoke(CHANNELS.setLanguage, { language }),
    newAudioCaptcha: (request) => invoke(CHANNELS.captchaAudio, request)
  } satisfies LoginApi)
}

interface EarlyCall {
  request: string
  answer: Promise<{ result: unknown; at: number }>
}

/**
 * Sends `calls` now and answers the first later call of each channel, when it asks for the same thing,
 * with the answer already on its way. Any other call, and every call after the first, goes to main.
 *
 * The preload runs as the document starts, before its HTML is parsed; the page's script runs only after
 * its first layout. Asked here, main reads the session and draws the captcha while the page is still
 * parsing and painting, instead of after.
 */
export function sendEarly(invoke: Invoke, calls: ReadonlyArray<{ [C in Channel]: [C, RequestOf<C>] }[Channel]>): Invoke {
  const early = new Map<Channel, EarlyCall>()
  for (const [channel, request] of calls) {
    const answer = invoke(channel, request).then((result) => ({ result: result as unknown, at: Date.now() }))
    // A page that never asks leaves the answer unread: that is no error (a failed send still reaches a page that asks).
    answer.catch(() => undefined)
    early.set(channel, { request: JSON.stringify(request), answer })
  }
  return (async <C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResultOf<C>> => {
    const call = early.get(channel)
    early.delete(channel)
    if (!call || call.request !== JSON.stringify(request)) return invoke(channel, request)
    const asked = Date.now()
    const { result, at } = await call.answer
    return (channel === CHANNELS.captchaNew ? ageCaptcha(result as ResultOf<'captcha:new'>, asked - at) : result) as ResultOf<C>
  }) as Invoke
}

/** A captcha answered `ms` before the page asked has that much less time left before main forgets it. */
function ageCaptcha(result: ResultOf<'captcha:new'>, ms: number): ResultOf<'captcha:new'> {
  return result.ok && ms > 0 ? { ...result, expiresInMs: Math.max(0, result.expiresInMs - ms) } : result
}

/**
 * `window.api` as the preload exposes it (the harness builds the very same): the three reads every page
 * makes first are sent at once, the captcha for this window's pixel density and colour scheme.
 */
export function createWindowApi(invoke: Invoke, view: ScreenView): LoginApi {
  return createApi(
    sendEarly(invoke, [
      [CHANNELS.captchaNew, captchaRequestFor(view)],
      [CHANNELS.appInfo, undefined],
      [CHANNELS.session, undefined]
    ])
  )
}
