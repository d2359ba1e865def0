import { describe, expect, it } from 'vitest'
import { pickLanguage } from '../../../src/shared/language'

describe('pickLanguage', () => {
  it.each([
    [null, ['en-US', 'zh-CN'], 'en'],
    [null, ['zh-TW'], 'zh-CN'],
    [null, ['zh_Hans_CN'], 'zh-CN'],
    [null, ['fr-FR', 'en-GB'], 'en'],
    [null, ['fr-FR', 'de'], 'zh-CN'],
    [null, [], 'zh-CN'],
    ['zh-CN', ['en-US'], 'zh-CN'],
    ['en', ['zh-CN'], 'en']
  ] as const)('saved %s, system %j → %s', (saved, locales, expected) => {
    expect(pickLanguage(saved, locales)).toBe(expected)
  })
})
