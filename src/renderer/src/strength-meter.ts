import type { Strength } from './strength-estimator'
import type { StrengthTexts } from './strength-texts'

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

type Estimate = (password: string, userInputs: string[]) => Strength

/** Rates only after typing pauses, so a fast typist hears one sentence, not one per key. */
const PAUSE_MS = 250

/**
 * The strength meter under the password field, shown in sign-up mode only. The estimator arrives by
 * import() on first use; until it has, the meter stays hidden rather than guessing.
 */
export function bindStrengthMeter(parts: StrengthMeterParts, texts: () => StrengthTexts, active: () => boolean) {
  let estimator: Promise<Estimate> | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let current: Strength | null = null

  const load = (): Promise<Estimate> => {
    estimator ??= import('./strength-estimator').then((module) => module.estimate)
    return estimator
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

  async function rate(): Promise<void> {
    const password = parts.password.value
    if (!active() || password === '') {
      current = null
      render()
      return
    }
    const estimate = await load()
    // A later keystroke or a mode switch may have happened while the estimator loaded.
    if (password !== parts.password.value || !active()) return
    current = estimate(password, [parts.username.value])
    render()
  }

  const schedule = (): void => {
    clearTimeout(timer)
    timer = setTimeout(() => void rate(), PAUSE_MS)
  }
  parts.password.addEventListener('input', schedule)
  parts.username.addEventListener('input', () => {
    if (parts.password.value) schedule()
  })

  return {
    /** Starts loading the estimator (sign-up opened), so the first rating does not wait for it. */
    prepare: () => void load(),
    /** After a language or mode switch or a reset: re-renders in the current words, rates again if needed. */
    refresh(): void {
      if (!active() || parts.password.value === '') current = null
      render()
      if (active() && parts.password.value !== '' && current === null) schedule()
    }
  }
}
