// Child process for the crash-safety test: signs up accounts until killed, printing
// `ack <username> <password>` only after the sign-up has returned, i.e. after SQLite committed it.
// Usage: tsx test/support/signup-loop.ts <db file> <name prefix> (the test runs a bundled copy with node).
import { randomBytes } from 'node:crypto'
import { AccountStore } from '../../src/main/core/accounts/account-store'
import { openDatabase } from '../../src/main/core/accounts/database'
import { FAST_SCRYPT } from './scrypt'

const [dbPath, prefix] = process.argv.slice(2)
if (!dbPath || !prefix) throw new Error('usage: signup-loop.ts <db> <prefix>')
const store = new AccountStore(openDatabase(dbPath), { scrypt: FAST_SCRYPT })

async function loop(): Promise<never> {
  for (let i = 0; ; i++) {
    const username = `${prefix}n${i}`
    const password = randomBytes(9).toString('base64url')
    const result = await store.create(username, password)
    if (!result.ok) throw new Error(`sign-up refused: ${result.code}`)
    // Writes to a pipe are synchronous on Linux: once this returns, the parent can read the line.
    process.stdout.write(`ack ${username} ${password}\n`)
  }
}

// The package is CommonJS, so no top-level await here.
void loop()
