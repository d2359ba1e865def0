import { failure, type Failure } from '../../../shared/ipc-contract'
import { isDatabaseBusy } from '../accounts/sqlite-errors'
import { TryAgainError } from '../try-again'

/** The typed "try again" answer for an error that means "not now", or null for a real fault. */
export function busyFailure(error: unknown): Failure | null {
  if (error instanceof TryAgainError) return failure('BUSY', error.message)
  if (isDatabaseBusy(error)) return failure('BUSY', 'The accounts database is in use by another program. Try again in a moment.')
  return null
}
