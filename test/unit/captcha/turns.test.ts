import { describe, expect, it } from 'vitest'
import { TurnQueue } from '../../../src/main/core/captcha/turns'
import { warpRows } from '../../../src/main/core/captcha/warp'

describe('TurnQueue', () => {
  it('runs queued jobs in order, one per event-loop turn', async () => {
    const queue = new TurnQueue()
    const log: string[] = []
    const jobs = [1, 2, 3].map((n) =>
      queue.run(() => {
        log.push(`job ${n}`)
        // Anything scheduled by a job gets to run before the next job: the loop turned in between.
        setImmediate(() => log.push(`after ${n}`))
        return n * 10
      })
    )
    expect(queue.pending).toBe(3)
    expect(await Promise.all(jobs)).toEqual([10, 20, 30])
    await new Promise((resolve) => setImmediate(resolve))
    expect(log).toEqual(['job 1', 'after 1', 'job 2', 'after 2', 'job 3', 'after 3'])
  })

  it('rejects only the job that throws', async () => {
    const queue = new TurnQueue()
    const bad = queue.run(() => {
      throw new Error('boom')
    })
    const good = queue.run(() => 'fine')
    await expect(bad).rejects.toThrow('boom')
    await expect(good).resolves.toBe('fine')
  })
})

describe('warpRows', () => {
  it('returns the input untouched when there is no warp', () => {
    const src = new Uint8Array(4 * 4 * 4).fill(9)
    expect(warpRows(src, 4, 4, { amplitude: 0, wavelength: 10, phase: 0 }, 1, 1)).toBe(src)
  })

  it('moves columns by whole pixels exactly and clamps at the edges', () => {
    const width = 3
    const height = 6
    const src = new Uint8Array(width * height * 4)
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) src.fill(y * 10 + x, (y * width + x) * 4, (y * width + x + 1) * 4)
    // A quarter wavelength at the middle column's centre: sin = 1 there, so it moves down by exactly 2 px.
    const out = warpRows(src, width, height, { amplitude: 2, wavelength: 6, phase: 0 }, 1, 1)
    const at = (x: number, y: number): number => out[(y * width + x) * 4]!
    expect([0, 1, 2, 3, 4, 5].map((y) => at(1, y))).toEqual([1, 1, 1, 11, 21, 31])
  })
})
