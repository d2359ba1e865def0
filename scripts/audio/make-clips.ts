// `npm run clips:audio`: makes resources/audio/<language>/<digit>.wav, the clips the spoken captcha is
// composed from, with espeak-ng (Debian package, installed on demand) and sox: 16 kHz mono 16-bit,
// silence trimmed at both ends, peak-normalised. Run again only to change the voice; commit the result.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { AUDIO_SYMBOLS, SPOKEN_WORDS, audioClipsDir, clipPath } from '../../src/main/core/audio'
import { LANGUAGES, type Language } from '../../src/shared/ipc-contract'
import { repoRoot } from '../captcha/lib/paths'
import { requireDebianTools, run } from './lib/debian'

/** espeak-ng voice, words per minute and base pitch (0–99) per language. */
const VOICES: Record<Language, { voice: string; speed: number; pitch: number }> = {
  en: { voice: 'en-us', speed: 150, pitch: 45 },
  'zh-CN': { voice: 'cmn-latn-pinyin', speed: 140, pitch: 45 }
}
export const CLIP_RATE = 16_000

function main(): void {
  requireDebianTools({ 'espeak-ng': 'espeak-ng', sox: 'sox' })
  const work = mkdtempSync(join(tmpdir(), 'audio-clips-'))
  const out = audioClipsDir(join(repoRoot(), 'resources'))
  try {
    for (const language of LANGUAGES) {
      const { voice, speed, pitch } = VOICES[language]
      for (const symbol of AUDIO_SYMBOLS) {
        const raw = join(work, `${language}-${symbol}.wav`)
        run('espeak-ng', ['-v', voice, '-s', String(speed), '-p', String(pitch), '-w', raw, SPOKEN_WORDS[language][symbol]])
        const target = clipPath(out, language, symbol)
        mkdirSync(dirname(target), { recursive: true })
        // Trim below 1 % of full scale at both ends (reverse, trim, reverse), normalise to -1 dBFS; no dither
        // (-D), so running the script again gives the same bytes.
        run('sox', [
          '-D',
          raw,
          '-r',
          String(CLIP_RATE),
          '-c',
          '1',
          '-b',
          '16',
          target,
          'silence',
          '1',
          '0.01',
          '1%',
          'reverse',
          'silence',
          '1',
          '0.01',
          '1%',
          'reverse',
          'gain',
          '-n',
          '-1'
        ])
      }
      process.stdout.write(`${language}: ${AUDIO_SYMBOLS.length} clips (espeak-ng ${voice}) in ${join(out, language)}\n`)
    }
    process.stdout.write(`espeak-ng ${run('espeak-ng', ['--version']).trim()}\n`)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

main()
