import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { LANGUAGES, type Language } from '../../../shared/ipc-contract'
import { AUDIO_SYMBOLS, type AudioSymbol } from './symbols'
import { decodeWav } from './wav'

/** One voice: a clip per digit, all at one sample rate. */
export interface ClipSet {
  sampleRate: number
  clips: Record<AudioSymbol, Float32Array>
}

export type ClipLibrary = Record<Language, ClipSet>

/** `<resources>/audio`: one folder per language, `<digit>.wav` in each (made by scripts/audio/make-clips.ts). */
export function audioClipsDir(resourcesDir: string): string {
  return join(resourcesDir, 'audio')
}

export function clipPath(audioDir: string, language: Language, symbol: AudioSymbol): string {
  return join(audioDir, language, `${symbol}.wav`)
}

/** Reads every clip once at start: twenty small files, kept in memory so no request touches the disk. */
export function loadClipLibrary(audioDir: string): ClipLibrary {
  const load = (language: Language): ClipSet => {
    let sampleRate = 0
    const clips = {} as Record<AudioSymbol, Float32Array>
    for (const symbol of AUDIO_SYMBOLS) {
      const audio = decodeWav(readFileSync(clipPath(audioDir, language, symbol)))
      if (sampleRate !== 0 && audio.sampleRate !== sampleRate) throw new Error(`clips of ${language} differ in sample rate`)
      sampleRate = audio.sampleRate
      clips[symbol] = audio.samples
    }
    return { sampleRate, clips }
  }
  return Object.fromEntries(LANGUAGES.map((language) => [language, load(language)])) as ClipLibrary
}
