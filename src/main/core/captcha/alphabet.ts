/**
 * Upper-case letters and digits with one side of every look-alike pair removed (0/O/D/Q, 1/I, 2/Z, 5/S,
 * 8/B, 6/G, U/V), so whichever of a pair a reader thinks they see, only one is possible. No lower case:
 * answers are compared case-insensitively, and 'x'/'X' drawn side by side would only look inconsistent.
 */
export const DEFAULT_ALPHABET = 'ACEFHJKLMNPRTUWXY23456789'

/** Characters the default alphabet must never contain; a test checks the two against each other. */
export const LOOK_ALIKES = '0OoDQ1IilZzSsBbGgVv'
