// The audio part of `npm run bench`: time (wall and CPU) to compose one spoken challenge and encode it as
// WAV, on one core, requests one at a time; its size and length. The image captcha (normal preset, 1×)
// runs interleaved in the same process as the peer, so the ratio is measured under the same load.
import { AudioCaptchaService, MAX_DURATION_S } from '../../src/main/core/audio'
import { CaptchaGenerator } from '../../src/main/core/captcha/generator'
import { resolveOptions } from '../../src/main/core/captcha/options'
import { LANGUAGES, type Language } from '../../src/shared/ipc-contract'
import { intArg, parseArgs } from '../captcha/lib/args'
import { shippedFonts } from '../captcha/lib/paths'
import { formatSummary, medianInterval, summarise, table, verdict } from '../captcha/lib/stats'
import { shippedClips } from './lib/challenges'

const TARGET_MS = 5
const TARGET_BYTES = 300 * 1024

function log(line = ''): void {
  process.stdout.write(`${line}\n`)
}

/** Per-item wall and CPU milliseconds of `count` calls, one after another. */
async function timed(count: number, call: () => unknown): Promise<{ wall: number; cpu: number }> {
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  for (let i = 0; i < count; i++) await call()
  const wall = (performance.now() - t0) / count
  const used = process.cpuUsage(cpu0)
  return { wall, cpu: (used.user + used.system) / 1000 / count }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['runs', 'count'])
  const runs = intArg(args, 'runs', 9, 3, 101)
  const count = intArg(args, 'count', 100, 10, 10_000)
  const audio = new AudioCaptchaService({ clips: shippedClips(), maxEntries: 10 })
  const image = new CaptchaGenerator(resolveOptions('normal', { fontFiles: shippedFonts() }))
  const wall = new Map<Language, number[]>()
  const cpu = new Map<Language, number[]>()
  const ratio = new Map<Language, number[]>()
  const bytes = new Map<Language, number[]>()
  const seconds = new Map<Language, number[]>()
  const push = (map: Map<Language, number[]>, key: Language, value: number) => map.set(key, [...(map.get(key) ?? []), value])
  // Warm-up: the JIT, the babble tables, the fonts.
  for (const language of LANGUAGES) await timed(50, () => audio.create({ language }))
  await timed(50, () => image.generate({}))
  for (let r = 0; r < runs; r++) {
    for (const language of LANGUAGES) {
      const ours = await timed(count, () => {
        const challenge = audio.create({ language })
        push(bytes, language, challenge.wav.length)
        push(seconds, language, challenge.durationMs / 1000)
      })
      const peer = await timed(count, () => image.generate({}))
      push(wall, language, ours.wall)
      push(cpu, language, ours.cpu)
      push(ratio, language, ours.cpu / peer.cpu)
    }
  }

  log()
  log('## Audio captcha: compose + WAV encode, one core, one request at a time')
  log()
  log(`Each figure: median (min–max) of ${runs} runs of ${count} challenges in this process, after a warm-up.`)
  log()
  const rows = LANGUAGES.map((language) => {
    const c = summarise(cpu.get(language)!)
    const interval = medianInterval(cpu.get(language)!)
    const size = summarise(bytes.get(language)!)
    const length = summarise(seconds.get(language)!)
    return [
      language,
      formatSummary(summarise(wall.get(language)!), 3),
      `${formatSummary(c, 3)} [95 %: ${interval.low.toFixed(3)}–${interval.high.toFixed(3)}]`,
      formatSummary(summarise(ratio.get(language)!), 2),
      `${(size.median / 1024).toFixed(0)} (max ${(size.max / 1024).toFixed(0)})`,
      `${length.median.toFixed(2)} (max ${length.max.toFixed(2)})`
    ]
  })
  log(table(['voice', 'ms / challenge (wall)', 'CPU ms / challenge', 'CPU vs one image captcha', 'WAV KB', 'seconds'], rows))
  log()
  for (const language of LANGUAGES) {
    const c = summarise(cpu.get(language)!).median
    const size = summarise(bytes.get(language)!).max
    const length = summarise(seconds.get(language)!).max
    log(
      `${language}: median CPU ${c.toFixed(3)} ms ≤ ${TARGET_MS} ms: ${verdict(c <= TARGET_MS)}; ` +
        `largest ${(size / 1024).toFixed(0)} KB ≤ ${TARGET_BYTES / 1024} KB: ${verdict(size <= TARGET_BYTES)}; ` +
        `longest ${length.toFixed(2)} s ≤ ${MAX_DURATION_S} s: ${verdict(length <= MAX_DURATION_S)}`
    )
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exitCode = 1
})
