/** "m:ss", rounded up: the display never reads 0:00 while the lock still holds. */
export function formatWait(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000))
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

export interface Clock {
  now(): number
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as number)
}

/**
 * Calls onTick with the time left now and at every whole second after, then onDone once. Counts from
 * a deadline, not by adding up ticks, so a throttled background timer never makes the lock look longer.
 * Returns a function that stops it without calling onDone.
 */
export function countdown(ms: number, onTick: (remainingMs: number) => void, onDone: () => void, clock: Clock = realClock): () => void {
  const deadline = clock.now() + ms
  let handle: unknown
  const step = () => {
    const left = deadline - clock.now()
    if (left <= 0) return onDone()
    onTick(left)
    // Wake when the displayed second changes, not on a fixed beat.
    handle = clock.setTimeout(step, left % 1000 || 1000)
  }
  step()
  return () => clock.clearTimeout(handle)
}
