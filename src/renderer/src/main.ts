import './styles.scss'
import { LIMITS, type Failure, type Field, type User } from '../../shared/ipc'
import { CaptchaView, preferredTheme } from './captcha-view'
import { byId } from './dom'
import { MESSAGES, type Lang, type Messages } from './i18n'

type Mode = 'sign-in' | 'sign-up'
type FormField = Field | 'confirm'

const lang: Lang = 'zh-CN'
const t: Messages = MESSAGES[lang]
let mode: Mode = 'sign-in'
let busy = false

const form = byId<HTMLFormElement>('auth-form')
const formError = byId('form-error')
const submit = byId<HTMLButtonElement>('submit')
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
  byId<HTMLImageElement>('captcha-image'),
  () => window.api.newCaptcha({ scale: window.devicePixelRatio, theme: preferredTheme() }),
  () => showFormError(t.captchaLoadFailed)
)

function showFormError(message: string): void {
  formError.textContent = message
  formError.classList.remove('d-none')
}

function clearErrors(): void {
  formError.textContent = ''
  formError.classList.add('d-none')
  for (const [name, input] of Object.entries(inputs)) {
    input.classList.remove('is-invalid')
    input.removeAttribute('aria-invalid')
    byId(`${name}-error`).textContent = ''
  }
}

function markField(field: FormField, message: string): void {
  const input = inputs[field]
  input.classList.add('is-invalid')
  input.setAttribute('aria-invalid', 'true')
  byId(`${field}-error`).textContent = message
}

/** Checks what the page can check by itself; main checks everything again. */
function localProblems(): Array<[FormField, string]> {
  const problems: Array<[FormField, string]> = []
  const fields: FormField[] = mode === 'sign-up' ? ['username', 'password', 'confirm', 'captchaText'] : ['username', 'password', 'captchaText']
  for (const field of fields) if (!inputs[field].value.trim()) problems.push([field, t.required])
  if (mode === 'sign-up' && inputs.confirm.value && inputs.confirm.value !== inputs.password.value) {
    problems.push(['confirm', t.mismatch])
  }
  return problems
}

function setMode(next: Mode): void {
  mode = next
  clearErrors()
  const signUp = mode === 'sign-up'
  byId('form-title').textContent = signUp ? t.signUpTitle : t.signInTitle
  byId('switch-mode').textContent = signUp ? t.toSignIn : t.toSignUp
  submit.textContent = signUp ? t.submitSignUp : t.submitSignIn
  byId('confirm-group').hidden = !signUp
  inputs.confirm.required = signUp
  inputs.password.autocomplete = signUp ? 'new-password' : 'current-password'
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
  submit.disabled = on
  form.setAttribute('aria-busy', String(on))
  submit.textContent = on ? t.busy : mode === 'sign-up' ? t.submitSignUp : t.submitSignIn
}

async function onFailure(result: Failure): Promise<void> {
  const message = t.errors[result.code]
  if (result.field && result.code !== 'BAD_CREDENTIALS') markField(result.field, message)
  else showFormError(message)
  // Every failure costs the captcha (main consumed it): show a fresh one and ask for it again.
  inputs.captchaText.value = ''
  await captcha.refresh()
  const first = result.field && result.code !== 'BAD_CREDENTIALS' ? inputs[result.field] : inputs.captchaText
  first.focus()
}

async function onSubmit(event: SubmitEvent): Promise<void> {
  event.preventDefault()
  if (busy) return
  clearErrors()
  const problems = localProblems()
  if (problems.length > 0) {
    for (const [field, message] of problems) markField(field, message)
    inputs[problems[0][0]].focus()
    return
  }
  setBusy(true)
  try {
    const credentials = {
      captchaId: captcha.id,
      captchaText: inputs.captchaText.value.trim(),
      username: inputs.username.value,
      password: inputs.password.value
    }
    const result = mode === 'sign-up' ? await window.api.signUp(credentials) : await window.api.signIn(credentials)
    if (result.ok) {
      form.reset()
      showSignedIn(result.user)
    } else {
      await onFailure(result)
    }
  } finally {
    setBusy(false)
  }
}

async function onSignOut(): Promise<void> {
  await window.api.signOut()
  setMode('sign-in')
  showSignedIn(null)
  await captcha.refresh()
  inputs.username.focus()
}

form.addEventListener('submit', (event) => void onSubmit(event))
byId('captcha-refresh').addEventListener('click', () => {
  inputs.captchaText.value = ''
  void captcha.refresh()
})
byId('switch-mode').addEventListener('click', () => {
  setMode(mode === 'sign-in' ? 'sign-up' : 'sign-in')
  inputs.username.focus()
})
byId('sign-out').addEventListener('click', () => void onSignOut())

async function start(): Promise<void> {
  const session = await window.api.session()
  const user = session.ok ? session.user : null
  showSignedIn(user)
  if (!user) {
    await captcha.refresh()
    inputs.username.focus()
  }
  document.documentElement.dataset['ready'] = 'true'
}

void start()
