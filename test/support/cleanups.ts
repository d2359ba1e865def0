import { afterEach } from 'vitest'

/**
 * Registers what a test opened (cores, databases, temp folders) to be closed after it, newest first, so a
 * folder is removed only after what was open inside it. Returns the function that registers one.
 */
export function cleanupAfterEach(): (cleanup: () => void) => void {
  const cleanups: Array<() => void> = []
  afterEach(() => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup()
  })
  return (cleanup) => void cleanups.push(cleanup)
}
