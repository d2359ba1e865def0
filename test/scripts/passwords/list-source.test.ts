import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { commonPasswords, commonPasswordsFile, foldPassword } from '../../../src/main/core/accounts/common-passwords'
import { LIMITS } from '../../../src/shared/ipc-contract'
import { buildListFromPackage, sourceListPath } from '../../../scripts/passwords/list-source'
import { RESOURCES_DIR } from '../../support/core'

const file = commonPasswordsFile(RESOURCES_DIR)

describe('resources/passwords/common-passwords.txt', () => {
  it('is exactly what scripts/passwords/make-list.ts makes from the pinned package', () => {
    const shipped = readFileSync(file, 'utf8')
    expect(shipped).toBe(`${buildListFromPackage().join('\n')}\n`)
  })

  it('refuses every one of the 100 000 most common passwords that is long enough to be allowed', async () => {
    // The package's first 100 000 lines are SecLists' 10-million-password-list top 100 000, in rank order.
    const top = gunzipSync(readFileSync(sourceListPath())).toString('utf8').split('\n').slice(0, 100_000)
    const list = await commonPasswords(file)
    const allowedByLength = top.filter((password) => [...foldPassword(password)].length >= LIMITS.passwordMin)
    expect(allowedByLength.length).toBeGreaterThan(30_000)
    expect(allowedByLength.filter((password) => !list.has(password))).toEqual([])
  })
})
