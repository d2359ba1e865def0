import type { CaptchaGenerator } from '../../../src/main/core/captcha/generator'
import { svgPeerRun } from './peers'

export interface Measured {
  /** Wall ms per captcha. */
  ms: number
  /** CPU ms per captcha, all threads of the process. */
  cpu: number
  bytes: number
}

export interface RoundResult {
  ours: Record<string, Measured>
  svg: number
}

/** One round of the one-core measurements: each configuration, then svg-captcha, requests one at a time. */
export async function oneCoreRound(
  generators: Map<string, CaptchaGenerator>,
  scales: readonly number[],
  count: number
): Promise<RoundResult> {
  // Warm-up: JIT, font caches, canvas surfaces, the allocator.
  for (const generator of generators.values()) for (const scale of scales) for (let i = 0; i < 100; i++) await generator.generate({ scale })
  svgPeerRun(30)
  const ours: Record<string, Measured> = {}
  for (const [preset, generator] of generators) {
    for (const scale of scales) {
      const cpuStart = process.cpuUsage()
      const start = performance.now()
      let bytes = 0
      for (let i = 0; i < count; i++) bytes += (await generator.generate({ scale })).png.length
      const ms = (performance.now() - start) / count
      const used = process.cpuUsage(cpuStart)
      ours[`${preset} ${scale}`] = { ms, cpu: (used.user + used.system) / 1000 / count, bytes: bytes / count }
    }
  }
  return { ours, svg: svgPeerRun(count) }
}
