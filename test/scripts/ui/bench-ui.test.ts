import { describe, expect, it } from 'vitest'
import { formatSummary, interleave, stageSummaries, verdict } from '../../../scripts/ui/bench-ui-lib'

describe('bench:ui helpers', () => {
  it('alternates reference and login loads, and which of the two goes first', () => {
    expect(interleave(3)).toEqual(['reference', 'login', 'login', 'reference', 'reference', 'login'])
    const order = interleave(10)
    expect(order.filter((kind) => kind === 'login')).toHaveLength(10)
    expect(order.filter((kind) => kind === 'reference')).toHaveLength(10)
  })

  it('meets the ratio target only when both medians are within the bound of the reference FCP', () => {
    const reference = [100, 90, 110]
    expect(verdict(reference, [140, 150, 130], [150, 150, 149], 1.5)).toEqual({ fcpRatio: 1.4, usableRatio: 1.5, met: true })
    expect(verdict(reference, [140, 150, 130], [151, 160, 170], 1.5).met).toBe(false)
    expect(verdict(reference, [160, 170, 180], [100, 100, 100], 1.5).met).toBe(false)
  })

  it('fails a run in which a load never reached a measured point', () => {
    expect(verdict([100, 100], [110, Number.NaN], [120, 120], 1.5).met).toBe(false)
    expect(verdict([100, 100], [], [], 1.5).met).toBe(false)
  })

  it('summarises each stage over the loads that reached it, in the order asked', () => {
    const rows = stageSummaries(
      [
        { css: 20, fcp: 50 },
        { css: 30, fcp: Number.NaN },
        { css: 10, fcp: 70 }
      ],
      ['fcp', 'css']
    )
    expect(rows.map(({ name, summary }) => [name, summary.median, summary.min, summary.max])).toEqual([
      ['fcp', 60, 50, 70],
      ['css', 20, 10, 30]
    ])
  })

  it('prints median then min–max', () => {
    expect(formatSummary({ median: 145.4, min: 120, max: 171.6, runs: 10 })).toBe(' 145 ms   120–172 ms')
  })
})
