import { CHANNELS, type Invoke, type LoginApi } from '../shared/ipc-contract'

/**
 * The page's whole view of main: eight typed methods, no channel names, no raw IPC. Built over any
 * `invoke` so the browser test harness can provide the very same object over a Playwright binding.
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
