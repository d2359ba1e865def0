import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { nodeVersionProblem, requiredNodeRange } from '../../../scripts/node-version.mjs'

const root = join(__dirname, '../../..')

describe('the Node.js version check of npm start, npm run dev and npm test', () => {
  it('reads the requirement from package.json', () => {
    expect(requiredNodeRange()).toBe('>=22.13')
  })

  it('accepts the required version and newer ones', () => {
    for (const found of ['22.12.0', '22.12.1', '22.13.0', '23.0.0', '24.21.0', 'v30.1.2'])
      expect(nodeVersionProblem(found, '>=22.12')).toBeNull()
  })

  it('names the needed and the found version, in one line, for older ones', () => {
    for (const found of ['22.11.9', '22.0.0', '20.20.2', '18.19.1']) {
      const line = nodeVersionProblem(found, '>=22.12', '/usr/bin/node')
      expect(line).toBe(`This project needs Node.js 22.12 or newer (Node 24 recommended); found v${found} at /usr/bin/node.`)
    }
  })

  it('holds this project to 22.13, so 22.12 is refused too', () => {
    expect(nodeVersionProblem('22.12.0', requiredNodeRange(), 'node')).toMatch(/needs Node\.js 22\.13 or newer .*found v22\.12\.0/)
  })

  it('refuses a range it cannot judge rather than passing it', () => {
    expect(() => nodeVersionProblem('24.0.0', '^22.12 || >=24')).toThrow(/unsupported engines.node range/)
  })

  it('lets every entry script through on this Node', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts/require-node.mjs')], { encoding: 'utf8' })
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' })
  })
})
