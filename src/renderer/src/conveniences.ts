/** The "show password" box reveals every password field of the form at once (password and confirm). */
export function bindShowPassword(toggle: HTMLInputElement, fields: HTMLInputElement[]): void {
  toggle.addEventListener('change', () => {
    for (const field of fields) field.type = toggle.checked ? 'text' : 'password'
  })
}

/**
 * Warns while Caps Lock is on and a password field has focus. The state can only be read from a key
 * or mouse event, so it is refreshed on each of them and cleared when the field loses focus.
 */
export function bindCapsLockWarning(fields: HTMLInputElement[], warning: HTMLElement, text: () => string): void {
  let on = false
  const show = (next: boolean) => {
    on = next
    warning.textContent = on ? text() : ''
  }
  for (const field of fields) {
    for (const type of ['keydown', 'keyup'] as const) {
      field.addEventListener(type, (event) => show(event.getModifierState('CapsLock')))
    }
    field.addEventListener('mousedown', (event) => show(event.getModifierState('CapsLock')))
    field.addEventListener('blur', () => show(false))
  }
  // The warning re-renders in the new language when the switcher changes it.
  warning.addEventListener('i18n:refresh', () => show(on))
}
