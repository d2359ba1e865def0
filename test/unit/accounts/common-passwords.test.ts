import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { commonPasswords, commonPasswordsFile, foldPassword, loadCommonPasswords } from '../../../src/main/core/accounts/common-passwords'
import { RESOURCES_DIR } from '../../support/core'
import { tempDir } from '../../support/temp-dir'

const list = await commonPasswords(commonPasswordsFile(RESOURCES_DIR))

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
  it('reads one password per line, folding what it is asked', async () => {
    const dir = tempDir()
    try {
      const file = join(dir.path, 'list.txt')
      // The file holds folded entries (scripts/passwords/list-source.ts folds them when it writes).
      writeFileSync(file, 'hunter22\nstrasse123\n\n')
      const small = await loadCommonPasswords(file)
      expect(small.size).toBe(2)
      expect(small.has('HUNTER22')).toBe(true)
      expect(small.has('Straße123')).toBe(true)
      expect(small.has('hunter2')).toBe(false)
    } finally {
      dir.remove()
    }
  })

  it('finds the first and the last line, Unicode ones too, but neither a prefix nor an extension of a line', async () => {
    const dir = tempDir()
    try {
      const file = join(dir.path, 'list.txt')
      // Sorted by UTF-8 bytes, no newline after the last line.
      writeFileSync(file, ['abcdefgh', 'password', 'password12', 'zzzzzzzz', '密码密码密码密码'].join('\n'))
      const small = await loadCommonPasswords(file)
      expect(small.size).toBe(5)
      for (const hit of ['ABCDEFGH', 'password', 'Password12', 'zzzzzzzz', '密码密码密码密码']) expect(small.has(hit), hit).toBe(true)
      for (const miss of ['passwor', 'password1', 'password123', 'abcdefg', 'zzzzzzzzz', '', '密码'])
        expect(small.has(miss), miss).toBe(false)
    } finally {
      dir.remove()
    }
  })

  it('rejects a missing, empty or unsorted list, so sign-up fails closed', async () => {
    const dir = tempDir()
    try {
      await expect(loadCommonPasswords(join(dir.path, 'missing.txt'))).rejects.toThrow()
      writeFileSync(join(dir.path, 'empty.txt'), '\n')
      await expect(loadCommonPasswords(join(dir.path, 'empty.txt'))).rejects.toThrow(/empty/)
      // The search halves the list, so an entry out of order could be missed: refused at load instead.
      writeFileSync(join(dir.path, 'unsorted.txt'), 'password1\nabcdefgh\n')
      await expect(loadCommonPasswords(join(dir.path, 'unsorted.txt'))).rejects.toThrow(/not sorted/)
    } finally {
      dir.remove()
    }
  })

  it('reads a file once per process', async () => {
    expect(await commonPasswords(commonPasswordsFile(RESOURCES_DIR))).toBe(list)
  })
})
