import { LIMITS, USERNAME_PATTERN } from '../../../shared/ipc-contract'
import { foldUsername } from './username-key'

/**
 * The form a username is stored and shown in. NFC so that "é" typed as one code point or as e + accent
 * is the same name; trimmed because stray spaces from copy-paste are never intended.
 */
export function normalizeUsername(raw: string): string {
  return raw.trim().normalize('NFC')
}

/** The key uniqueness is checked on: NFKC and case folded, so "Alice", "alice" and "ａｌｉｃｅ" are one name. */
export function usernameKey(normalized: string): string {
  return foldUsername(normalized)
}

/** Counts user-perceived characters' code points, not UTF-16 units, so limits mean what people expect. */
function length(text: string): number {
  return [...text].length
}

export type RuleViolation = { field: 'username' | 'password'; message: string }

export function checkUsername(normalized: string): RuleViolation | null {
  const n = length(normalized)
  if (n < LIMITS.usernameMin || n > LIMITS.usernameMax) {
    return { field: 'username', message: `Username must be ${LIMITS.usernameMin}–${LIMITS.usernameMax} characters.` }
  }
  if (!USERNAME_PATTERN.test(normalized)) {
    return { field: 'username', message: 'Username may contain only letters, digits, ".", "_" and "-".' }
  }
  return null
}

export function checkPassword(password: string): RuleViolation | null {
  const n = length(password)
  if (n < LIMITS.passwordMin || n > LIMITS.passwordMax) {
    return { field: 'password', message: `Password must be ${LIMITS.passwordMin}–${LIMITS.passwordMax} characters.` }
  }
  return null
}
