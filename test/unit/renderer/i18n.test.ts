import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MESSAGES } from '../../../src/renderer/src/i18n'

const html = readFileSync(join(__dirname, '../../../src/renderer/index.html'), 'utf8')
const HAN = /\p{Script=Han}/u

describe('the dictionary', () => {
  it('names every key index.html asks for, with text in both languages', () => {
    const keys = [...html.matchAll(/data-i18n(?:-[a-z-]+)?="([^"]+)"/g)].map((match) => match[1]!)
    expect(keys.length).toBeGreaterThan(10)
    for (const [language, t] of Object.entries(MESSAGES)) {
      for (const key of keys) {
        const value = (t as unknown as Record<string, unknown>)[key]
        expect(typeof value === 'string' && value.trim().length > 0, `${language}.${key}`).toBe(true)
      }
    }
  })

  it('index.html has no words of its own outside the language names of the switcher', () => {
    const text = html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<option[^>]*>[^<]*<\/option>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .trim()
    expect(text).toBe('')
  })

  it('keeps the seed labels in Chinese and has no Chinese in English', () => {
    const zh = MESSAGES['zh-CN']
    expect([zh.username, zh.password, zh.captcha, zh.submitSignIn]).toEqual(['用户名', '密码', '验证码', '登录'])
    const strings = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : typeof value === 'object' && value ? Object.values(value).flatMap(strings) : []
    for (const text of strings(MESSAGES.en)) expect(text).not.toMatch(HAN)
    const info = {
      version: '1',
      versions: { electron: 'e', chrome: 'c', node: 'n' },
      systemLocales: [],
      language: null,
      lastUsername: null
    }
    expect(MESSAGES.en.lockedFor('1:05')).not.toMatch(HAN)
    expect(MESSAGES.en.about(info)).not.toMatch(HAN)
  })
})
