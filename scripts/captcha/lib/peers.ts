import { spawnSync } from 'node:child_process'
import { svgCaptchaPng } from '../peers/svg-captcha'
import { pinned } from './bench-children'
import { PYTHON, seedFont, seedScript } from './datasets'

/** One timed run of the seed's Python + Pillow method, on `cpu` if given; timed inside Python, so startup is excluded. */
export function seedPeerRun(count: number, seed: number, cpu?: number): number {
  const [command, ...args] = pinned(cpu, [
    PYTHON,
    seedScript(),
    'bench',
    '--count',
    String(count),
    '--runs',
    '1',
    '--seed',
    String(seed),
    '--font',
    seedFont()
  ])
  const result = spawnSync(command!, args, { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`seed peer failed: ${result.stderr}`)
  const parsed = JSON.parse(result.stdout) as { ms_per_captcha: number[] }
  return parsed.ms_per_captcha[0]!
}

/** One timed run of svg-captcha plus resvg rasterisation to PNG, in this process. */
export function svgPeerRun(count: number): number {
  const start = performance.now()
  for (let i = 0; i < count; i++) svgCaptchaPng()
  return (performance.now() - start) / count
}
