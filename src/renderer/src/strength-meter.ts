import type { Strength } from './strength-estimator'
import type { StrengthTexts } from './strength-texts'
import type { StrengthRequest } from './strength-worker'

export interface StrengthMeterParts {
  password: HTMLInputElement
  username: HTMLInputElement
  /** role="meter": its value, value text and fill; hidden while there is nothing to rate. */
  bar: HTMLElement
  /**
   * aria-live="polite": the sentence screen readers hear after each pause in typing. Never hidden, only
   * emptied: a live region must already be in the accessibility tree when its text changes.
   */
  text: HTMLElement
}

/** Rates only after typing pauses, so a fast typist hears one sentence, not one per key. */
const PAUSE_MS = 250

/**
 * The strength meter under the password field, shown in sign-up mode only. The estimator runs in a
 * worker started on first use; until its first answer the meter stays hidden rather than guessing.
 */
export function bindStrengthMeter(parts: StrengthMeterParts, texts: () => StrengthTexts, active: () => boolean) {
  let worker: Worker | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let current: Strength | null = null
  /** The latest request: answers to older ones (or for a password since changed) are dropped. */
  let asked: StrengthRequest | null = null

  function start(): Worker {
    if (worker) return worker
    worker = new Worker(new URL('./strength-worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = ({ data }: MessageEvent<Strength & { id: number }>) => {
      if (data.id !== asked?.id || asked.password !== parts.password.value || !active()) return
      current = { score: data.score, warning: data.warning }
      render()
    }
    return worker
  }

  function render(): void {
    const show = active() && parts.password.value !== '' && current !== null
    parts.bar.hidden = !show
    if (!show || !current) {
      parts.text.textContent = ''
      return
    }
    const t = texts()
    const level = t.levels[current.score]
    const note = current.warning ? t.warnings[current.warning] : current.score < 3 ? t.advice : ''
    parts.bar.setAttribute('aria-label', t.label)
    parts.bar.setAttribute('aria-valuenow', String(current.score))
    parts.bar.setAttribute('aria-valuetext', level)
    parts.bar.dataset['score'] = String(current.score)
    parts.text.textContent = t.sentence(t.label, level, note)
  }

  function rate(): void {
    const password = parts.password.value
    if (!active() || password === '') {
      current = null
      render()
      return
    }
    asked = { id: (asked?.id ?? 0) + 1, password, userInputs: [parts.username.value] }
    start().postMessage(asked)
  }

  const schedule = (): void => {
    clearTimeout(timer)
    timer = setTimeout(rate, PAUSE_MS)
  }
  parts.password.addEventListener('input', schedule)
  parts.username.addEventListener('input', () => {
    if (parts.password.value) schedule()
  })

  return {
    /** Starts the worker (sign-up opened), so the first rating does not wait for its dictionaries. */
    prepare: () => void start(),
    /** After a language or mode switch or a reset: re-renders in the current words, rates again if needed. */
    refresh(): void {
      if (!active() || parts.password.value === '') current = null
      render()
      if (active() && parts.password.value !== '' && current === null) schedule()
    }
  }
}
