import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeJsonFileAtomic } from '../../../src/main/core/prefs/json-file'
import { PrefsStore } from '../../../src/main/core/prefs/prefs-store'
import { tempDir } from '../../support/temp-dir'

let dir: ReturnType<typeof tempDir>
let path: string

beforeEach(() => {
  dir = tempDir()
  path = join(dir.path, 'prefs.json')
})
afterEach(() => dir.remove())

describe('PrefsStore', () => {
  it('starts empty when there is no file, and remembers across instances', () => {
    expect(new PrefsStore(path).get()).toEqual({ language: null, lastUsername: null })
    const store = new PrefsStore(path)
    store.setLanguage('en')
    store.rememberUsername('alice')
    expect(new PrefsStore(path).get()).toEqual({ language: 'en', lastUsername: 'alice' })
  })

  it.each([
    ['not JSON', '{"language": "en"', { language: null, lastUsername: null }],
    ['an array', '[1, 2]', { language: null, lastUsername: null }],
    ['an unknown language', '{"language": "fr", "lastUsername": "bob"}', { language: null, lastUsername: 'bob' }],
    ['an over-long username', `{"language": "en", "lastUsername": "${'x'.repeat(300)}"}`, { language: 'en', lastUsername: null }]
  ])('survives a damaged file (%s) by dropping what is wrong', (_what, text, expected) => {
    writeFileSync(path, text)
    expect(new PrefsStore(path).get()).toEqual(expected)
  })

  it('never writes a password field: only language and last username reach the file', () => {
    const store = new PrefsStore(path)
    store.rememberUsername('carol')
    expect(Object.keys(JSON.parse(readFileSync(path, 'utf8'))).sort()).toEqual(['language', 'lastUsername'])
  })
})

describe('writeJsonFileAtomic', () => {
  it('replaces the file whole and leaves no temp file behind', () => {
    writeJsonFileAtomic(path, { a: 1 })
    writeJsonFileAtomic(path, { b: 2 })
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ b: 2 })
    expect(readdirSync(dir.path)).toEqual(['prefs.json'])
  })

  it('creates the folder when userData does not exist yet', () => {
    const nested = join(dir.path, 'a', 'b', 'state.json')
    writeJsonFileAtomic(nested, { ok: true })
    expect(existsSync(nested)).toBe(true)
  })

  it('leaves the old file intact and no temp file when the rename fails', () => {
    writeJsonFileAtomic(path, { old: true })
    // A directory where the file should go makes rename fail after the temp file was written.
    const blocked = join(dir.path, 'blocked')
    writeJsonFileAtomic(join(blocked, 'x.json'), {})
    expect(() => writeJsonFileAtomic(blocked, { new: true })).toThrow()
    expect(readdirSync(dir.path).sort()).toEqual(['blocked', 'prefs.json'])
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ old: true })
  })
})
