import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The comparison form for the deny list and the username rule: NFKC so that full-width, ligature and
 * composed/decomposed spellings of the same text compare equal; upper- then lower-casing as a close,
 * dependency-free stand-in for Unicode case folding (it also maps "ß" to "ss" and final "ς" to "σ").
 */
export function foldPassword(text: string): string {
  return text.normalize('NFKC').toUpperCase().toLowerCase()
}

/** Where the shipped list lives inside resources/ (unpacked next to app.asar in installers). */
export function commonPasswordsFile(resourcesDir: string): string {
  return join(resourcesDir, 'passwords', 'common-passwords.txt')
}

export interface CommonPasswords {
  /** True when the password, folded, is on the list. */
  has(password: string): boolean
  readonly size: number
}

/** Reads the list (one folded password per line, see scripts/passwords/make-list.ts) into a Set. */
export function loadCommonPasswords(file: string): CommonPasswords {
  const entries = new Set(readFileSync(file, 'utf8').split('\n'))
  entries.delete('')
  if (entries.size === 0) throw new Error(`The common-password list ${file} is empty`)
  return { has: (password) => entries.has(foldPassword(password)), size: entries.size }
}

const loaded = new Map<string, CommonPasswords>()

/**
 * The list for a file, read on first use and kept: ~100 ms and tens of MB, paid once per process only
 * when someone signs up, not at every start. A missing list throws, so sign-up fails closed.
 */
export function commonPasswords(file: string): CommonPasswords {
  let list = loaded.get(file)
  if (!list) {
    list = loadCommonPasswords(file)
    loaded.set(file, list)
  }
  return list
}
