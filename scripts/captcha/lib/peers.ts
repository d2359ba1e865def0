import { spawnSync } from 'node:child_process'
import { svgCaptchaPng } from '../peers/svg-captcha'
import { PYTHON, seedFont, seedScript } from './datasets'

/** One timed run of the seed's Python + Pillow method; the timing is taken inside Python, so startup is excluded. */
export function seedPeerRun(count: number, seed: number): number {
  const result = spawnSync(
    PYTHON,
    [seedScript(), 'bench', '--count', String(count), '--runs', '1', '--seed', String(seed), '--font', seedFont()],
    { encoding: 'utf8' }
  )
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
