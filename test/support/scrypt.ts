import type { ScryptParams } from '../../src/main/core/accounts/password'

/** Cheap scrypt for tests: the rules under test do not depend on the cost, only production does. */
export const FAST_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1, keyLength: 32 }
