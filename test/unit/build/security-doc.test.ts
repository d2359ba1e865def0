import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// SECURITY.md is a claim about the code; these checks keep its checklist complete and its pointers real.
const root = join(__dirname, '../../..')
const doc = readFileSync(join(root, 'SECURITY.md'), 'utf8')
const CHECKLIST_SIZE = 20

describe('SECURITY.md', () => {
  const rows = [...doc.matchAll(/^\| (\d+) \| (.+)$/gm)]

  it(`has one row per item of Electron's checklist, 1 to ${CHECKLIST_SIZE}, in order`, () => {
    expect(rows.map((row) => Number(row[1]))).toEqual(Array.from({ length: CHECKLIST_SIZE }, (_, i) => i + 1))
  })

  it('points only at source and test files that exist', () => {
    const paths = [...doc.matchAll(/`((?:src|test|scripts)\/[^`]+)`/g)].map((match) => match[1]!)
    expect(paths.length).toBeGreaterThan(20)
    expect(paths.filter((path) => !existsSync(join(root, path)))).toEqual([])
  })

  it('names a proof for every row', () => {
    for (const row of rows) expect(row[2]!.split(' | ').at(-1)!.trim().replace(/\|$/, '').trim(), `row ${row[1]}`).not.toBe('')
  })
})
