import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { commonPasswords, commonPasswordsFile, foldPassword, loadCommonPasswords } from '../../../src/main/core/accounts/common-passwords'
import { RESOURCES_DIR } from '../../support/core'
import { tempDir } from '../../support/temp-dir'

const list = commonPasswords(commonPasswordsFile(RESOURCES_DIR))

describe('foldPassword', () => {
  it('ignores case, including case pairs that differ in length', () => {
    expect(foldPassword('PassWord')).toBe('password')
    expect(foldPassword('STRASSE')).toBe(foldPassword('straße'))
    expect(foldPassword('ΣΟΦΟΣ')).toBe(foldPassword('σοφος'))
  })

  it('treats composed and decomposed, full-width and ligature spellings alike (NFKC)', () => {
    expect(foldPassword('caf\u00e9')).toBe(foldPassword('cafe\u0301'))
    expect(foldPassword('ｐａｓｓｗｏｒｄ')).toBe('password')
    expect(foldPassword('\ufb01rewall')).toBe('firewall')
  })

  it('keeps spaces and symbols: they are part of the password', () => {
    expect(foldPassword(' a b!')).toBe(' a b!')
  })
})

describe('the shipped list', () => {
  it('holds well over 100 000 passwords, none the length rule already refuses', () => {
    expect(list.size).toBeGreaterThan(100_000)
  })

  it.each(['password1', 'iloveyou', 'qwertyuiop', '12345678', 'sunshine', 'football'])('knows %j', (password) => {
    expect(list.has(password)).toBe(true)
  })

  it.each(['PASSWORD1', 'IloveYou', 'QwertyUIOP'])('knows %j whatever its case', (password) => {
    expect(list.has(password)).toBe(true)
  })

  it.each(['ｐａｓｓｗｏｒｄ１', 'ＩＬＯＶＥＹＯＵ'])('knows the full-width spelling %j', (password) => {
    expect(list.has(password)).toBe(true)
  })

  it.each(['correct horse battery staple', '我的密码很长很长', 'zebra-quantum-lantern-42', '🙂🙃 moonlit kettles', 'x'.repeat(128)])(
    'does not know %j',
    (password) => {
      expect(list.has(password)).toBe(false)
    }
  )
})

describe('loading', () => {
  it('reads one password per line, folding what it is asked', () => {
    const dir = tempDir()
    try {
      const file = join(dir.path, 'list.txt')
      // The file holds folded entries (scripts/passwords/list-source.ts folds them when it writes).
      writeFileSync(file, 'hunter22\nstrasse123\n\n')
      const small = loadCommonPasswords(file)
      expect(small.size).toBe(2)
      expect(small.has('HUNTER22')).toBe(true)
      expect(small.has('Straße123')).toBe(true)
      expect(small.has('hunter2')).toBe(false)
    } finally {
      dir.remove()
    }
  })

  it('throws for a missing or empty list, so sign-up fails closed', () => {
    const dir = tempDir()
    try {
      expect(() => loadCommonPasswords(join(dir.path, 'missing.txt'))).toThrow()
      writeFileSync(join(dir.path, 'empty.txt'), '\n')
      expect(() => loadCommonPasswords(join(dir.path, 'empty.txt'))).toThrow(/empty/)
    } finally {
      dir.remove()
    }
  })

  it('reads a file once per process', () => {
    expect(commonPasswords(commonPasswordsFile(RESOURCES_DIR))).toBe(list)
  })
})
