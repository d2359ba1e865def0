import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  AUDIO_SYMBOLS,
  type AudioSymbol,
  type ClipSet,
  audioClipsDir,
  composeChallenge,
  encodeWav,
  loadClipLibrary,
  randomDigits
} from '../../../src/main/core/audio'
import { seededRandom } from '../../../src/main/core/captcha/random'
import { repoRoot } from '../../captcha/lib/paths'

export function shippedClips() {
  return loadClipLibrary(audioClipsDir(join(repoRoot(), 'resources')))
}

/** The calibration case: the same digits from the same clips, end to end with even pauses, no noise, no variation. */
export function cleanRendition(voice: ClipSet, answer: string): Float32Array {
  const pause = new Float32Array(Math.round(0.3 * voice.sampleRate))
  const parts = [pause, ...[...answer].flatMap((symbol) => [voice.clips[symbol as AudioSymbol], pause])]
  const out = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

export interface AttackSet {
  dir: string
  answers: string[]
  /** WAV files, one per challenge, the same order as answers. */
  challenges: string[]
  clean: string[]
  /** The decoded challenges, for attackers that work on samples. */
  challengeSamples: Float32Array[]
  cleanSamples: Float32Array[]
}

/** `count` English challenges from a seed, each also rendered cleanly; written as WAV files for the recogniser. */
export function makeAttackSet(voice: ClipSet, count: number, seed: number): AttackSet {
  const dir = mkdtempSync(join(tmpdir(), 'audio-asr-'))
  const random = seededRandom(seed)
  const set: AttackSet = { dir, answers: [], challenges: [], clean: [], challengeSamples: [], cleanSamples: [] }
  for (let i = 0; i < count; i++) {
    const answer = randomDigits(random)
    const composition = composeChallenge(voice, answer, random)
    const clean = cleanRendition(voice, answer)
    const challengeFile = join(dir, `challenge-${i}.wav`)
    const cleanFile = join(dir, `clean-${i}.wav`)
    writeFileSync(challengeFile, encodeWav(composition))
    writeFileSync(cleanFile, encodeWav({ sampleRate: voice.sampleRate, samples: clean }))
    set.answers.push(answer)
    set.challenges.push(challengeFile)
    set.clean.push(cleanFile)
    set.challengeSamples.push(composition.samples)
    set.cleanSamples.push(clean)
  }
  return set
}

export { AUDIO_SYMBOLS }
