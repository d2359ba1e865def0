// The one IPC contract. Main, preload and renderer all import it, so a channel, its request and its
// result can only change in one place. Nothing here may import electron or Node modules: it runs in
// every process, including the sandboxed renderer.

export const CHANNELS = {
  captchaNew: 'captcha:new',
  signUp: 'auth:sign-up',
  signIn: 'auth:sign-in',
  signOut: 'auth:sign-out',
  session: 'auth:session',
  appInfo: 'app:info',
  setLanguage: 'prefs:set-language',
  captchaAudio: 'captcha:audio'
} as const

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS]

/** Limits shared by the renderer (input maxlength, hints) and main (validation at the door). */
export const LIMITS = {
  usernameMin: 3,
  usernameMax: 32,
  passwordMin: 8,
  passwordMax: 128,
  /** Upper bound for any string field crossing IPC, checked before anything else looks at it. */
  fieldMax: 256,
  captchaIdMax: 64,
  captchaTextMax: 16,
  scaleMin: 1,
  scaleMax: 3
} as const

/** Letters and digits of any script, plus `.`, `_` and `-`. */
export const USERNAME_PATTERN = /^[\p{L}\p{N}._-]+$/u

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'CAPTCHA_INVALID'
  | 'BAD_CREDENTIALS'
  | 'USERNAME_TAKEN'
  | 'USERNAME_RULES'
  | 'PASSWORD_RULES'
  | 'LOCKED'
  | 'FORBIDDEN'
  | 'INTERNAL'
  /** Not now: too many requests at once, or the database is held by another program; retrying later works. */
  | 'BUSY'
  /** The password is on the shipped list of common or breached passwords. */
  | 'PASSWORD_COMMON'
  /** The password is the username or contains it (compared folded, see foldPassword). */
  | 'PASSWORD_HAS_USERNAME'

/** Form fields an error can point at, so the renderer can focus and mark the right one. */
export type Field = 'username' | 'password' | 'captchaText'

export interface Failure {
  ok: false
  code: ErrorCode
  /** English, for logs and developers; the renderer shows its own localised text for `code`. */
  message: string
  field?: Field
  /** For LOCKED: how long until another attempt is allowed. */
  retryAfterMs?: number
}

export type Result<T extends object = object> = ({ ok: true } & T) | Failure

export type Theme = 'light' | 'dark'

export interface CaptchaRequest {
  /** Device pixel ratio of the screen the image is shown on; main clamps it to 1–3. */
  scale?: number
  theme?: Theme
}

export interface CaptchaImage {
  id: string
  /** PNG bytes, drawn at width×scale by height×scale pixels. */
  png: Uint8Array
  /** Size in CSS pixels. */
  width: number
  height: number
  /** How long main keeps the answer; the renderer refreshes before then. */
  expiresInMs: number
}

export interface CaptchaAudioRequest {
  /** The voice: the interface's language. */
  language: Language
}

export interface CaptchaAudio {
  id: string
  /** A 16-bit PCM WAV file, composed in memory for this challenge. */
  wav: Uint8Array
  durationMs: number
  language: Language
  expiresInMs: number
}

export interface Credentials {
  captchaId: string
  captchaText: string
  /** The spoken challenge the person listened to, if any: the text may answer it or the image. */
  audioCaptchaId?: string
  username: string
  password: string
}

export interface User {
  username: string
}

/** The languages the window speaks; zh-CN is the default. */
export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** What the page needs from main before it draws: versions for the About footer, locale, remembered prefs. */
export interface AppInfo {
  version: string
  versions: { electron: string; chrome: string; node: string }
  /** The operating system's preferred languages, most preferred first (BCP 47). */
  systemLocales: string[]
  /** The language the person chose in the window, or null to follow the system. */
  language: Language | null
  /** The last username that signed in on this machine (never a password). */
  lastUsername: string | null
  /** Set when the accounts file was damaged at start: moved aside (to movedTo), replaced by an empty one. */
  databaseReset?: { movedTo: string } | null
}

export interface Contract {
  'captcha:new': { request: CaptchaRequest | undefined; result: Result<CaptchaImage> }
  'auth:sign-up': { request: Credentials; result: Result<{ user: User }> }
  'auth:sign-in': { request: Credentials; result: Result<{ user: User }> }
  'auth:sign-out': { request: undefined; result: Result }
  'auth:session': { request: undefined; result: Result<{ user: User | null }> }
  'app:info': { request: undefined; result: Result<AppInfo> }
  'prefs:set-language': { request: { language: Language }; result: Result<{ language: Language }> }
  'captcha:audio': { request: CaptchaAudioRequest; result: Result<CaptchaAudio> }
}

export type RequestOf<C extends Channel> = Contract[C]['request']
export type ResultOf<C extends Channel> = Contract[C]['result']

/** The transport: ipcRenderer.invoke in Electron, a Playwright binding in the browser harness. */
export type Invoke = <C extends Channel>(channel: C, request: RequestOf<C>) => Promise<ResultOf<C>>

/** What the preload exposes to the page as `window.api`. */
export interface LoginApi {
  newCaptcha(request?: CaptchaRequest): Promise<ResultOf<'captcha:new'>>
  signUp(credentials: Credentials): Promise<ResultOf<'auth:sign-up'>>
  signIn(credentials: Credentials): Promise<ResultOf<'auth:sign-in'>>
  signOut(): Promise<ResultOf<'auth:sign-out'>>
  session(): Promise<ResultOf<'auth:session'>>
  appInfo(): Promise<ResultOf<'app:info'>>
  setLanguage(language: Language): Promise<ResultOf<'prefs:set-language'>>
  newAudioCaptcha(request: CaptchaAudioRequest): Promise<ResultOf<'captcha:audio'>>
}

export function failure(code: ErrorCode, message: string, extra: Partial<Failure> = {}): Failure {
  return { ok: false, code, message, ...extra }
}
