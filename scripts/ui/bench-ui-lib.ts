// Pure parts of bench:ui: the load order, the stage table and the verdict, kept apart from the browser.
import { summarise, type Summary } from '../captcha/lib/stats'

export type PageKind = 'reference' | 'login'

/** What one cold load reports, in ms from navigation start; a stage the page never reached is NaN. */
export type Stages = Record<string, number>

/**
 * Reference and login loads alternate, and which goes first alternates too, so drift in the machine's
 * speed (other work starting or stopping) lands on both pages alike.
 */
export function interleave(runs: number): PageKind[] {
  const order: PageKind[] = []
  for (let run = 0; run < runs; run++) order.push(...(run % 2 ? (['login', 'reference'] as const) : (['reference', 'login'] as const)))
  return order
}

export const formatMs = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : 'n/a')

/** `median   min–max`, aligned for the bench's tables. */
export function formatSummary({ median, min, max }: Summary): string {
  return `${formatMs(median).padStart(7)}   ${formatMs(min).replace(' ms', '')}–${formatMs(max)}`
}

/** The median (and spread) of each named stage over the loads that reached it, in the order the names are given. */
export function stageSummaries(samples: Stages[], names: string[]): Array<{ name: string; summary: Summary }> {
  return names.map((name) => ({
    name,
    summary: summarise(samples.map((sample) => sample[name] ?? Number.NaN).filter(Number.isFinite))
  }))
}

export interface Verdict {
  /** The login window's median over the reference's median FCP. */
  fcpRatio: number
  usableRatio: number
  met: boolean
}

/**
 * Met when both of the login window's medians are within `bound` × the reference's median first
 * contentful paint, and every load reached every measured point (a NaN is a load that never got there).
 */
export function verdict(referenceFcp: number[], loginFcp: number[], usable: number[], bound: number): Verdict {
  const reference = summarise(referenceFcp).median
  const fcpRatio = summarise(loginFcp).median / reference
  const usableRatio = summarise(usable).median / reference
  const complete = [referenceFcp, loginFcp, usable].every((values) => values.length > 0 && values.every(Number.isFinite))
  return { fcpRatio, usableRatio, met: complete && fcpRatio <= bound && usableRatio <= bound }
}
