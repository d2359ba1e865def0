import { describe, expect, it } from 'vitest'
import { checkPassword, checkUsername, normalizeUsername, usernameKey } from '../../../src/main/core/accounts/rules'

describe('username rules', () => {
  it('trims and NFC-normalises', () => {
    expect(normalizeUsername('  e\u0301lise \n')).toBe('\u00e9lise')
  })

  it('keys case-insensitively', () => {
    expect(usernameKey(normalizeUsername('Alice'))).toBe(usernameKey(normalizeUsername('aLICE')))
  })

  it.each(['abc', 'a.b-c_d', 'x'.repeat(32), '张三丰', 'élise'])('accepts %j', (name) => {
    expect(checkUsername(normalizeUsername(name))).toBeNull()
  })

  it.each(['ab', 'x'.repeat(33), 'has space', 'semi;colon', 'emoji🙂x', '', 'nul\u0000x'])('rejects %j', (name) => {
    expect(checkUsername(normalizeUsername(name))).toMatchObject({ field: 'username' })
  })
})

describe('password rules', () => {
  it('accepts 8 to 128 characters, counted as code points', () => {
    expect(checkPassword('12345678')).toBeNull()
    expect(checkPassword('p'.repeat(128))).toBeNull()
    expect(checkPassword('🙂'.repeat(8))).toBeNull()
  })

  it('rejects shorter and longer', () => {
    expect(checkPassword('1234567')).toMatchObject({ field: 'password' })
    expect(checkPassword('p'.repeat(129))).toMatchObject({ field: 'password' })
  })
})
