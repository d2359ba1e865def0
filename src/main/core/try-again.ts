/**
 * "Not now": the app is overloaded or the database is held by another program. The IPC dispatcher answers
 * it with a typed BUSY failure the page can offer to retry, instead of INTERNAL or a request left hanging.
 */
export class TryAgainError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TryAgainError'
  }
}
