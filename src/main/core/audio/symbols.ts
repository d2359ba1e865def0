import type { Language } from '../../../shared/ipc-contract'

/**
 * Digits only, as reCAPTCHA's audio does: every listener can type them on any keyboard and in any input
 * method, they have short unambiguous names in both languages, and six of them still leave 10^6 answers.
 */
export const AUDIO_SYMBOLS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const
export type AudioSymbol = (typeof AUDIO_SYMBOLS)[number]

export const AUDIO_ANSWER_LENGTH = 6

/**
 * What the synthesizer is given for each digit. Mandarin says 1 as 幺 (yāo), as phone numbers are read
 * aloud, because 一 (yī) and 七 (qī) differ only in their first consonant and are easily confused.
 */
export const SPOKEN_WORDS: Record<Language, Record<AudioSymbol, string>> = {
  en: { 0: 'zero', 1: 'one', 2: 'two', 3: 'three', 4: 'four', 5: 'five', 6: 'six', 7: 'seven', 8: 'eight', 9: 'nine' },
  'zh-CN': { 0: '零', 1: '幺', 2: '二', 3: '三', 4: '四', 5: '五', 6: '六', 7: '七', 8: '八', 9: '九' }
}

/**
 * What a listener may type: any digits (full-width ones from a Chinese input method included, via NFKC),
 * with spaces or hyphens between them as people group numbers they hear.
 */
export function normaliseSpokenAnswer(text: string): string {
  return text.normalize('NFKC').replace(/[\s-]+/gu, '')
}
