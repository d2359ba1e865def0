import { describe, expect, it } from 'vitest'
import { TurnQueue } from '../../../src/main/core/captcha/turns'

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
