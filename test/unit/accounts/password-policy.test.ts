import { describe, expect, it } from 'vitest'
import { commonPasswords, commonPasswordsFile } from '../../../src/main/core/accounts/common-passwords'
import { screenPassword } from '../../../src/main/core/accounts/password-policy'
import { RESOURCES_DIR } from '../../support/core'

const list = await commonPasswords(commonPasswordsFile(RESOURCES_DIR))
const screen = (password: string, username = 'someone') => screenPassword(password, username, list)

describe('screenPassword', () => {
  it('refuses a common password, saying so and pointing at the password field', () => {
    expect(screen('iloveyou')).toMatchObject({ ok: false, code: 'PASSWORD_COMMON', field: 'password' })
    expect(screen('Password123')).toMatchObject({ code: 'PASSWORD_COMMON' })
  })

  it.each([
    ['equal to the username', 'marguerite', 'marguerite'],
    ['the username in another case', 'MARGUERITE', 'marguerite'],
    ['the username inside it', 'my name is Marguerite!', 'marguerite'],
    ['a decomposed spelling of a composed username', 'E\u0301LISE-and-the-sea', '\u00c9lise'],
    ['a full-width spelling of the username', 'hello ｂｏｒｉｓ world', 'boris'],
    ['a Chinese username inside it', '张三丰的秘密花园', '张三丰'],
    ['a username with ß spelled ss', 'grossmann forever', 'Großmann']
  ])('refuses a password %s', (_what, password, username) => {
    expect(screen(password, username)).toMatchObject({ ok: false, code: 'PASSWORD_HAS_USERNAME', field: 'password' })
  })

  it.each([
    ['a passphrase', 'correct horse battery staple'],
    ['Chinese', '我的密码很长很长'],
    ['emoji and spaces', '🙂🙃 moonlit kettles'],
    ['only lower-case letters (no composition rules)', 'zebraquantumlantern'],
    ['the longest allowed', 'long passphrase '.repeat(8)]
  ])('accepts %s', (_what, password) => {
    expect(screen(password, 'marguerite')).toBeNull()
  })

  it('checks the username before the list, so the more specific reason is given', () => {
    expect(screen('password1', 'password1')).toMatchObject({ code: 'PASSWORD_HAS_USERNAME' })
  })
})
