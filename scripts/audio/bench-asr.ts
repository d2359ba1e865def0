// `npm run bench:asr`: how often two attackers solve English audio challenges, with 95 % intervals.
//  1. A generic recogniser: pocketsphinx (Debian, US English model), its grammar restricted to six digit
//     words, (a) on the whole clip and (b) on the clip cut at its pauses, one digit per piece.
//  2. The attack an open-source generator invites: cut at pauses, match each piece against every shipped
//     clip (at the pitches the generator can use) by MFCC features and dynamic time warping.
// Each also runs on the same digits spoken cleanly (no noise, no variation): an attacker that cannot
// solve those is broken, and its low rate on challenges would prove nothing.
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AUDIO_VARIATION, SNR_FLOOR_DB, encodeWav } from '../../src/main/core/audio'
import { resample } from '../../src/main/core/audio/dsp'
import { intArg, parseArgs } from '../captcha/lib/args'
import { AUDIO_SYMBOLS, makeAttackSet, shippedClips, type AttackSet } from './lib/challenges'
import { requireDebianTools, run } from './lib/debian'
import { dtw, mfcc } from './lib/mfcc'
import { modelInstalled, recogniseDigits } from './lib/pocketsphinx'
import { formatRate, wilson } from './lib/rates'
import { segmentDigits } from './lib/segment'

const DIGITS = 6
const GENERIC_TARGET = 0.05
const CALIBRATION_FLOOR = 0.25

interface Outcome {
  solved: number
  digits: number
}

function score(answers: string[], heard: string[]): Outcome {
  let solved = 0
  let digits = 0
  answers.forEach((answer, i) => {
    if (heard[i] === answer) solved++
    for (let d = 0; d < answer.length; d++) if (heard[i]?.[d] === answer[d]) digits++
  })
  return { solved, digits }
}

/** Cuts every file at its pauses into six WAV pieces for the one-digit recogniser. */
function piecesOf(set: AttackSet, kind: 'challenge' | 'clean', sampleRate: number): string[] {
  const samples = kind === 'challenge' ? set.challengeSamples : set.cleanSamples
  return samples.flatMap((audio, i) =>
    segmentDigits(audio, DIGITS).map(({ start, end }, d) => {
      // 50 ms either side, as a bot would, so the recogniser hears each word's edges.
      const pad = Math.round(0.05 * sampleRate)
      const file = join(set.dir, `${kind}-${i}-piece-${d}.wav`)
      writeFileSync(file, encodeWav({ sampleRate, samples: audio.subarray(Math.max(0, start - pad), Math.min(audio.length, end + pad)) }))
      return file
    })
  )
}

function joinPieces(pieces: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < pieces.length; i += DIGITS)
    out.push(
      pieces
        .slice(i, i + DIGITS)
        .map((p) => p || '?')
        .join('')
    )
  return out
}

function clipMatcher(sampleRate: number, clips: ReturnType<typeof shippedClips>['en']['clips']) {
  const [low, high] = AUDIO_VARIATION.pitch
  // The attacker knows the generator's pitch range from the source: templates across it.
  const pitches = Array.from({ length: 5 }, (_, i) => low + ((high - low) * i) / 4)
  const templates = AUDIO_SYMBOLS.flatMap((symbol) =>
    pitches.map((pitch) => ({ symbol, features: mfcc(resample(clips[symbol], pitch), sampleRate) }))
  )
  return (audio: Float32Array): string =>
    segmentDigits(audio, DIGITS)
      .map(({ start, end }) => {
        const features = mfcc(audio.subarray(start, end), sampleRate)
        let best = { symbol: '?', distance: Infinity }
        for (const template of templates) {
          const distance = dtw(features, template.features)
          if (distance < best.distance) best = { symbol: template.symbol, distance }
        }
        return best.symbol
      })
      .join('')
}

function line(text = ''): void {
  process.stdout.write(`${text}\n`)
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['count', 'seed'])
  const count = intArg(args, 'count', 200, 10, 5000)
  const seed = intArg(args, 'seed', 1, 0, 0xffff_ffff)
  requireDebianTools({ pocketsphinx_batch: 'pocketsphinx' })
  if (!modelInstalled()) requireDebianTools({ __pocketsphinx_en_us_model__: 'pocketsphinx-en-us' })
  const voice = shippedClips().en
  const set = makeAttackSet(voice, count, seed)
  const started = Date.now()
  try {
    const rows: Array<[string, Outcome, Outcome]> = []
    const whole = {
      clean: await recogniseDigits(set.clean, DIGITS, set.dir, 'whole-clean'),
      challenge: await recogniseDigits(set.challenges, DIGITS, set.dir, 'whole-challenge')
    }
    rows.push(['pocketsphinx, whole clip, 6-digit grammar', score(set.answers, whole.clean), score(set.answers, whole.challenge)])
    const pieces = {
      clean: joinPieces(await recogniseDigits(piecesOf(set, 'clean', voice.sampleRate), 1, set.dir, 'piece-clean')),
      challenge: joinPieces(await recogniseDigits(piecesOf(set, 'challenge', voice.sampleRate), 1, set.dir, 'piece-challenge'))
    }
    rows.push(['pocketsphinx, cut at pauses, 1 digit per piece', score(set.answers, pieces.clean), score(set.answers, pieces.challenge)])
    const match = clipMatcher(voice.sampleRate, voice.clips)
    rows.push([
      'MFCC + DTW against the shipped clips (5 pitches each), cut at pauses',
      score(set.answers, set.cleanSamples.map(match)),
      score(set.answers, set.challengeSamples.map(match))
    ])

    const version = run('dpkg-query', ['-W', '-f', '${Version}', 'pocketsphinx']).trim()
    line(
      `Audio captcha: solve rates of ${count} English challenges (seed ${seed}), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`
    )
    line(
      `pocketsphinx ${version} with the en-us model; SNR floor ${SNR_FLOOR_DB} dB; 95 % Wilson intervals; ${((Date.now() - started) / 1000).toFixed(0)} s`
    )
    line()
    const digitRate = (outcome: Outcome) => `${((100 * outcome.digits) / (count * DIGITS)).toFixed(1)} %`
    line('| attacker | clean speech solved (calibration) | challenges solved | digits right: clean / challenges |')
    line('| --- | ---: | ---: | ---: |')
    for (const [name, clean, challenge] of rows) {
      line(
        `| ${name} | ${formatRate(clean.solved, count)} | ${formatRate(challenge.solved, count)} | ${digitRate(clean)} / ${digitRate(challenge)} |`
      )
    }
    line()
    const generic = rows.slice(0, 2)
    const best = Math.max(...generic.map(([, , challenge]) => challenge.solved))
    const bestClean = Math.max(...generic.map(([, clean]) => clean.solved))
    // Guessing six digits succeeds once in a million: solving a quarter of clean challenges shows a working recogniser.
    const calibrated = bestClean / count >= CALIBRATION_FLOOR
    line(`Generic recogniser calibrated (best method solves ≥ ${100 * CALIBRATION_FLOOR} % of clean speech): ${calibrated ? 'yes' : 'NO'}`)
    line(
      `Generic recogniser, best method: ${formatRate(best, count)}; target ≤ ${100 * GENERIC_TARGET} %: ${best / count <= GENERIC_TARGET ? 'PASS' : 'FAIL'}` +
        ` (upper 95 % bound ${(100 * wilson(best, count).high).toFixed(1)} %)`
    )
    const [, matchClean, matchChallenge] = rows[2]!
    line(
      `Clip matching: ${formatRate(matchChallenge.solved, count)} of challenges (calibration ${formatRate(matchClean.solved, count)} of clean speech)`
    )
  } finally {
    rmSync(set.dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exitCode = 1
})
