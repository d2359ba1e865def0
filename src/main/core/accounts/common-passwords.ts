import { readFile } from 'node:fs/promises'
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

/** Where each line starts, plus one past the end of the last; trailing newlines end the text, not lines. */
function lineStarts(bytes: Buffer): Uint32Array {
  let length = bytes.length
  while (length > 0 && bytes[length - 1] === 0x0a) length--
  let lines = length > 0 ? 1 : 0
  for (let i = 0; i < length; i++) if (bytes[i] === 0x0a) lines++
  const starts = new Uint32Array(lines + 1)
  for (let i = 0, line = 1; i < length; i++) if (bytes[i] === 0x0a) starts[line++] = i + 1
  starts[lines] = length + 1
  return starts
}

/** Whether bytes[a..aEnd) sorts at or before bytes[b..bEnd). In JS: neighbours share short prefixes, and a native call per line cost more than the comparing. */
function ascending(bytes: Buffer, a: number, aEnd: number, b: number, bEnd: number): boolean {
  for (; a < aEnd && b < bEnd; a++, b++) if (bytes[a] !== bytes[b]) return bytes[a]! < bytes[b]!
  return aEnd - a <= bEnd - b
}

/**
 * The list as the file's own bytes, searched by halving: its lines are sorted by their UTF-8 bytes
 * (scripts/passwords/list-source.ts writes them so), so ~18 comparisons answer a check, and the list
 * costs its 2 MB instead of a Set's tens of MB and a second of building on a busy machine.
 */
export function commonPasswordsFrom(bytes: Buffer, file: string): CommonPasswords {
  const starts = lineStarts(bytes)
  const lines = starts.length - 1
  const end = (line: number) => starts[line + 1]! - 1
  let size = 0
  for (let line = 0; line < lines; line++) {
    if (end(line) > starts[line]!) size++
    // Each line against the one before it: a line that sorts lower could never be found.
    if (line > 0 && !ascending(bytes, starts[line - 1]!, end(line - 1), starts[line]!, end(line))) {
      throw new Error(`The common-password list ${file} is not sorted by bytes at line ${line + 1}`)
    }
  }
  if (size === 0) throw new Error(`The common-password list ${file} is empty`)
  return {
    size,
    has(password) {
      const key = Buffer.from(foldPassword(password), 'utf8')
      let low = 0
      let high = lines - 1
      while (low <= high) {
        const middle = (low + high) >>> 1
        const order = key.compare(bytes, starts[middle], end(middle))
        if (order === 0) return key.length > 0
        if (order < 0) high = middle - 1
        else low = middle + 1
      }
      return false
    }
  }
}

/** Reads the list (one folded password per line, sorted by bytes; see scripts/passwords/make-list.ts). */
export async function loadCommonPasswords(file: string): Promise<CommonPasswords> {
  return commonPasswordsFrom(await readFile(file), file)
}

const loaded = new Map<string, Promise<CommonPasswords>>()

/**
 * The list for a file, read on first use without blocking the main thread, and kept. A missing or
 * damaged list rejects, so sign-up fails closed, and the next sign-up reads it again.
 */
export function commonPasswords(file: string): Promise<CommonPasswords> {
  let list = loaded.get(file)
  if (!list) {
    list = loadCommonPasswords(file)
    list.catch(() => loaded.delete(file))
    loaded.set(file, list)
  }
  return list
}
