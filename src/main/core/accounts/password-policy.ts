import { failure, type Failure } from '../../../shared/ipc-contract'
import { foldPassword, type CommonPasswords } from './common-passwords'

/**
 * The checks a new password must pass beyond its length (NIST SP 800-63B, 5.1.1.2): not a commonly
 * used or breached password, and not the username or built around it. No composition rules: they make
 * passwords harder to remember, not to guess.
 */
export function screenPassword(password: string, username: string, common: CommonPasswords): Failure | null {
  const name = foldPassword(username)
  if (name.length > 0 && foldPassword(password).includes(name)) {
    return failure('PASSWORD_HAS_USERNAME', 'The password must not contain the username.', { field: 'password' })
  }
  if (common.has(password)) {
    return failure('PASSWORD_COMMON', 'That password is on a list of common or breached passwords; choose another.', {
      field: 'password'
    })
  }
  return null
}
