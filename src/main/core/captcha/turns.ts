/**
 * Runs synchronous jobs one per event-loop turn. Making a captcha is synchronous (Skia, the pixel pass and
 * the PNG all run on the calling thread); without this, 100 concurrent requests would be drawn back to
 * back in one turn and stall IPC and timers for the whole batch. With it, the longest stall is one captcha.
 */
export class TurnQueue {
  readonly #jobs: (() => void)[] = []
  #scheduled = false

  run<T>(job: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#jobs.push(() => {
        try {
          resolve(job())
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)))
        }
      })
      this.#schedule()
    })
  }

  get pending(): number {
    return this.#jobs.length
  }

  #schedule(): void {
    if (this.#scheduled || this.#jobs.length === 0) return
    this.#scheduled = true
    setImmediate(this.#pump)
  }

  readonly #pump = (): void => {
    this.#scheduled = false
    this.#jobs.shift()?.()
    this.#schedule()
  }
}

/** One per process: there is one event loop to protect. */
export const drawTurns = new TurnQueue()
