import './styles.scss'
import { LIMITS, type AppInfo, type Failure, type Field, type Language, type User } from '../../shared/ipc-contract'
import { captchaRequestFor } from '../../shared/captcha-request'
import { pickLanguage } from '../../shared/language'
import { AudioCaptchaView } from './audio-view'
import { CaptchaView, preferredTheme } from './captcha-view'
import { bindCapsLockWarning, bindShowPassword } from './conveniences'
import { byId } from './dom'
import { MESSAGES, type Messages } from './i18n'
import { countdown, formatWait } from './lockout'
import { renderNotice } from './notice'
import { bindStrengthMeter } from './strength-meter'
import { applyTexts, setText } from './texts'

// Stages of a cold load, read by bench:ui: when the script ran, when main's answers arrived.
performance.mark('script-start')

type Mode = 'sign-in' | 'sign-up'
type FormField = Field | 'confirm'

let t: Messages = MESSAGES['zh-CN']
let info: AppInfo | null = null
let mode: Mode = 'sign-in'
let busy = false
/** Errors on screen, as functions of the dictionary so a language switch re-renders them. */
let shown: Array<{ target: FormField | 'form'; text: () => string }> = []
let lockedMs = 0
let stopLockout: (() => void) | null = null
let lastUsername = ''

const root = document.documentElement
const form = byId<HTMLFormElement>('auth-form')
const formError = byId('form-error')
const submit = byId<HTMLButtonElement>('submit')
const languageSelect = byId<HTMLSelectElement>('language')
const showPassword = byId<HTMLInputElement>('show-password')
const capsWarning = byId('caps-warning')
const inputs = {
  username: byId<HTMLInputElement>('username'),
  password: byId<HTMLInputElement>('password'),
  confirm: byId<HTMLInputElement>('confirm'),
  captchaText: byId<HTMLInputElement>('captchaText')
} satisfies Record<FormField, HTMLInputElement>

inputs.username.maxLength = LIMITS.usernameMax
inputs.password.maxLength = LIMITS.passwordMax
inputs.confirm.maxLength = LIMITS.passwordMax
inputs.captchaText.maxLength = LIMITS.captchaTextMax

const captcha = new CaptchaView(
  byId<HTMLCanvasElement>('captcha-image'),
  () => window.api.newCaptcha(captchaRequestFor(window)),
  () => showErrors([{ target: 'form', text: () => t.captchaLoadFailed }])
)
// All three at once and before the rest of the page is wired. The preload asked main for the same three
// as the document started (src/preload/api.ts), so these usually take answers already here or on their
// way. The form is already labelled in the default language.
performance.mark('requests-sent')
const captchaShown = captcha.refresh()
const infoAndSession = Promise.all([window.api.appInfo(), window.api.session()])
const listen = byId<HTMLButtonElement>('captcha-listen')
// The voice follows the interface: the language on screen when the button is pressed.
const audioCaptcha = new AudioCaptchaView(
  listen,
  (audio) => listen.after(audio),
  () => window.api.newAudioCaptcha({ language: root.lang === 'en' ? 'en' : 'zh-CN' }),
  () => showErrors([{ target: 'form', text: () => t.audioLoadFailed }]),
  (on) => listen.setAttribute('aria-label', on ? t.captchaListenBusy : t.captchaListen)
)

// Bootstrap's colour modes follow the system (Electron's nativeTheme drives prefers-color-scheme).
const darkScheme = window.matchMedia('(prefers-color-scheme: dark)')
function applyTheme(): void {
  root.dataset['bsTheme'] = preferredTheme()
}
applyTheme()

function renderErrors(): void {
  formError.replaceChildren()
  formError.classList.add('d-none')
  for (const [name, input] of Object.entries(inputs)) {
    input.classList.remove('is-invalid')
    input.removeAttribute('aria-invalid')
    byId(`${name}-error`).textContent = ''
  }
  for (const { target, text } of shown) {
    if (target === 'form') {
      formError.textContent = text()
      formError.classList.remove('d-none')
      continue
    }
    inputs[target].classList.add('is-invalid')
    inputs[target].setAttribute('aria-invalid', 'true')
    byId(`${target}-error`).textContent = text()
  }
  if (lockedMs > 0) renderLockout()
}

/** The lockout sentence is announced once; the seconds inside it tick silently (aria-live off). */
function renderLockout(): void {
  const [before, after] = t.lockedFor('\u0000').split('\u0000')
  const time = document.createElement('span')
  time.id = 'lockout-time'
  time.setAttribute('aria-live', 'off')
  time.textContent = formatWait(lockedMs)
  formError.replaceChildren(before ?? '', time, after ?? '')
  formError.classList.remove('d-none')
}

function showErrors(errors: typeof shown): void {
  shown = errors
  renderErrors()
}

function clearErrors(): void {
  showErrors([])
}

function startLockout(ms: number): void {
  stopLockout?.()
  lockedMs = ms
  shown = []
  updateSubmit()
  stopLockout = countdown(
    ms,
    (left) => {
      lockedMs = left
      const time = document.getElementById('lockout-time')
      if (time) time.textContent = formatWait(left)
      else renderErrors()
    },
    () => {
      lockedMs = 0
      stopLockout = null
      renderErrors()
      updateSubmit()
    }
  )
}

function updateSubmit(): void {
  submit.disabled = busy || lockedMs > 0
  setText(submit, busy ? t.busy : mode === 'sign-up' ? t.submitSignUp : t.submitSignIn)
}

function renderMode(): void {
  const signUp = mode === 'sign-up'
  setText(byId('form-title'), signUp ? t.signUpTitle : t.signInTitle)
  setText(byId('switch-mode'), signUp ? t.toSignIn : t.toSignUp)
  updateSubmit()
}

function setLanguage(language: Language): void {
  t = MESSAGES[language]
  // The page's static texts are already in root.lang's language (the build writes the default's into
  // index.html): walking them all to write nothing new is work a cold start need not do.
  // Only a real change: writing lang, even the same value, makes Chromium restyle every element (:lang()).
  if (root.lang !== language) {
    root.lang = language
    applyTexts(document, t)
  }
  document.title = t.title
  if (languageSelect.value !== language) languageSelect.value = language
  renderAbout()
  renderNotice(byId('notice'), t, info)
  renderMode()
  renderErrors()
  capsWarning.dispatchEvent(new Event('i18n:refresh'))
  strength.refresh()
}

/** Checks what the page can check by itself; main checks everything again. */
function localProblems(): typeof shown {
  const problems: typeof shown = []
  const fields: FormField[] =
    mode === 'sign-up' ? ['username', 'password', 'confirm', 'captchaText'] : ['username', 'password', 'captchaText']
  for (const field of fields) if (!inputs[field].value.trim()) problems.push({ target: field, text: () => t.required })
  if (mode === 'sign-up' && inputs.confirm.value && inputs.confirm.value !== inputs.password.value) {
    problems.push({ target: 'confirm', text: () => t.mismatch })
  }
  return problems
}

function setMode(next: Mode): void {
  mode = next
  clearErrors()
  const signUp = mode === 'sign-up'
  byId('confirm-group').hidden = !signUp
  inputs.confirm.required = signUp
  inputs.password.autocomplete = signUp ? 'new-password' : 'current-password'
  if (signUp) strength.prepare()
  strength.refresh()
  renderMode()
}

function showSignedIn(user: User | null): void {
  byId('auth-view').hidden = user !== null
  byId('signed-in-view').hidden = user === null
  if (user) {
    byId('signed-in-user').textContent = user.username
    byId<HTMLButtonElement>('sign-out').focus()
  }
}

function setBusy(on: boolean): void {
  busy = on
  form.setAttribute('aria-busy', String(on))
  updateSubmit()
}

async function onFailure(result: Failure): Promise<void> {
  const byField = result.field && result.code !== 'BAD_CREDENTIALS' ? result.field : null
  if (result.code === 'LOCKED' && result.retryAfterMs) startLockout(result.retryAfterMs)
  else showErrors([{ target: byField ?? 'form', text: () => t.errors[result.code] }])
  // Every failure costs the captcha (main consumed it): show a fresh one and ask for it again.
  inputs.captchaText.value = ''
  await captcha.refresh()
  ;(byField ? inputs[byField] : inputs.captchaText).focus()
}

async function onSubmit(event: SubmitEvent): Promise<void> {
  event.preventDefault()
  // Set before the first await: a second click or Enter in the same tick sends nothing.
  if (busy || lockedMs > 0) return
  const problems = localProblems()
  showErrors(problems)
  if (problems.length > 0) {
    inputs[problems[0]!.target as FormField].focus()
    return
  }
  setBusy(true)
  try {
    const audioCaptchaId = audioCaptcha.take()
    const credentials = {
      ...(audioCaptchaId ? { audioCaptchaId } : {}),
      captchaId: captcha.take(),
      captchaText: inputs.captchaText.value.trim(),
      username: inputs.username.value,
      password: inputs.password.value
    }
    const result = mode === 'sign-up' ? await window.api.signUp(credentials) : await window.api.signIn(credentials)
    if (result.ok) {
      lastUsername = result.user.username
      form.reset()
      strength.refresh()
      showPassword.dispatchEvent(new Event('change'))
      showSignedIn(result.user)
    } else {
      await onFailure(result)
    }
  } finally {
    setBusy(false)
  }
}

/** Prefills the name main remembered and puts the caret where typing starts. */
function focusFirstEmpty(): void {
  if (!inputs.username.value) inputs.username.value = lastUsername
  const field = inputs.username.value ? inputs.password : inputs.username
  // index.html autofocuses the username; focusing it again would only force a style update.
  if (document.activeElement !== field) field.focus()
}

/** The version footer. On a cold start it waits until the form is usable: it is the one text nobody needs first. */
function renderAbout(): void {
  byId('about').textContent = info && root.dataset['ready'] ? t.about(info) : ''
}

async function onSignOut(): Promise<void> {
  await window.api.signOut()
  setMode('sign-in')
  showSignedIn(null)
  await captcha.refresh()
  focusFirstEmpty()
}

form.addEventListener('submit', (event) => void onSubmit(event))
form.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && shown.length > 0) {
    event.preventDefault()
    clearErrors()
  }
})
byId('captcha-refresh').addEventListener('click', () => {
  inputs.captchaText.value = ''
  void captcha.refresh()
})
listen.addEventListener('click', () => void audioCaptcha.listen())
byId('switch-mode').addEventListener('click', () => {
  setMode(mode === 'sign-in' ? 'sign-up' : 'sign-in')
  inputs.username.focus()
})
byId('sign-out').addEventListener('click', () => void onSignOut())
languageSelect.addEventListener('change', () => {
  const language = languageSelect.value as Language
  setLanguage(language)
  audioCaptcha.forget()
  void window.api.setLanguage(language)
})
darkScheme.addEventListener('change', () => {
  applyTheme()
  // The captcha is drawn for one theme; a new one replaces it (the old answer is simply left to expire).
  if (!byId('auth-view').hidden) {
    inputs.captchaText.value = ''
    void captcha.refresh()
  }
})
bindShowPassword(showPassword, [inputs.password, inputs.confirm])
bindCapsLockWarning([inputs.password, inputs.confirm], capsWarning, () => t.capsLock)
const strength = bindStrengthMeter(
  { password: inputs.password, username: inputs.username, bar: byId('strength-bar'), text: byId('strength-text') },
  () => t.strength,
  () => mode === 'sign-up'
)

async function start(): Promise<void> {
  const [appInfo, session] = await infoAndSession
  performance.mark('app-info-received')
  info = appInfo.ok ? appInfo : null
  lastUsername = info?.lastUsername ?? ''
  setLanguage(pickLanguage(info?.language ?? null, info?.systemLocales ?? navigator.languages))
  const user = session.ok ? session.user : null
  showSignedIn(user)
  await captchaShown
  if (!user) focusFirstEmpty()
  root.dataset['ready'] = 'true'
  performance.mark('form-usable')
  renderAbout()
}

void start()
