import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/** scrypt cost parameters; stored with every hash so they can be raised later without breaking logins. */
export interface ScryptParams {
  N: number
  r: number
  p: number
  keyLength: number
}

/** OWASP's scrypt baseline (N=2^17, r=8, p=1) costs ~128 MiB per hash; 2^15 keeps a login near 50–100 ms. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 }

export interface PasswordHash {
  params: ScryptParams
  salt: Buffer
  hash: Buffer
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    // Node's default maxmem (32 MiB) is just too small for N=2^15, r=8; allow twice what is needed.
    maxmem: 256 * params.N * params.r
  }
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, params.keyLength, options, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<PasswordHash> {
  const salt = randomBytes(16)
  return { params, salt, hash: await derive(password, salt, params) }
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const candidate = await derive(password, stored.salt, stored.params)
  return candidate.length === stored.hash.length && timingSafeEqual(candidate, stored.hash)
}

/** A stored hash no password derives to (random salt and key): the same scrypt cost, no hashing needed. */
export function decoyHash(params: ScryptParams = DEFAULT_SCRYPT): PasswordHash {
  return { params, salt: randomBytes(16), hash: randomBytes(params.keyLength) }
}
