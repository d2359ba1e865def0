import { describe, expect, it } from 'vitest'
import { countdown, formatWait, type Clock } from '../../../src/renderer/src/lockout'

describe('formatWait', () => {
  it.each([
    [65_000, '1:05'],
    [60_000, '1:00'],
    [59_001, '1:00'],
    [59_000, '0:59'],
    [1, '0:01'],
    [0, '0:00'],
    [-5, '0:00'],
    [3_600_000, '60:00']
  ])('%i ms → %s', (ms, text) => {
    expect(formatWait(ms)).toBe(text)
  })
})

/** A clock that moves only when told, running due timers in order. */
function fakeClock(): Clock & { advance(ms: number): void } {
  let now = 0
  let timers: Array<{ at: number; callback: () => void; id: number }> = []
  let nextId = 1
  return {
    now: () => now,
    setTimeout: (callback, ms) => {
      timers.push({ at: now + ms, callback, id: nextId })
      return nextId++
    },
    clearTimeout: (id) => (timers = timers.filter((timer) => timer.id !== id)),
    advance(ms) {
      const end = now + ms
      for (;;) {
        const due = timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0]
        if (!due) break
        timers = timers.filter((timer) => timer !== due)
        now = due.at
        due.callback()
      }
      now = end
    }
  }
}

describe('countdown', () => {
  it('ticks once per displayed second, then calls onDone once', () => {
    const clock = fakeClock()
    const shown: string[] = []
    let done = 0
    countdown(
      2_500,
      (left) => shown.push(formatWait(left)),
      () => done++,
      clock
    )
    expect(shown).toEqual(['0:03'])
    clock.advance(10_000)
    expect(shown).toEqual(['0:03', '0:02', '0:01'])
    expect(done).toBe(1)
  })

  it('stops without calling onDone', () => {
    const clock = fakeClock()
    let done = 0
    const stop = countdown(
      5_000,
      () => undefined,
      () => done++,
      clock
    )
    clock.advance(1_000)
    stop()
    clock.advance(10_000)
    expect(done).toBe(0)
  })

  it('counts from the deadline: a late timer never stretches the lock', () => {
    let now = 0
    const pending: Array<() => void> = []
    const clock: Clock = { now: () => now, setTimeout: (callback) => pending.push(callback), clearTimeout: () => undefined }
    const seen: number[] = []
    let done = false
    countdown(
      3_000,
      (left) => seen.push(left),
      () => (done = true),
      clock
    )
    now = 2_900 // the timer fired 1.9 s late (a throttled background window)
    pending.shift()!()
    expect(seen).toEqual([3_000, 100])
    now = 3_000
    pending.shift()!()
    expect(done).toBe(true)
  })
})
