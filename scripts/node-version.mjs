// The Node.js version this project needs, read from package.json's `engines`, and the one-line verdict
// for a Node that is older. Plain syntax and old built-ins only: this must run on the Node it rejects.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** `engines.node` of package.json, e.g. ">=22.12". */
export function requiredNodeRange() {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node
}

function parts(version) {
  const match = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(version)
  if (!match) throw new Error(`not a Node version: ${version}`)
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)]
}

/** Null when `found` satisfies `range` (only the ">=x.y[.z]" form is used), else the line to print. */
export function nodeVersionProblem(found, range, executable = process.execPath) {
  if (!/^>=\s*\d+\.\d+(\.\d+)?$/.test(range.trim())) throw new Error(`unsupported engines.node range: ${range}`)
  const need = parts(range)
  const have = parts(found)
  const older = have.findIndex((part, i) => part !== need[i])
  if (older === -1 || have[older] > need[older]) return null
  const wanted = range.trim().replace(/^>=\s*/, '')
  return `This project needs Node.js ${wanted} or newer (Node 24 recommended); found ${found.replace(/^v?/, 'v')} at ${executable}.`
}
