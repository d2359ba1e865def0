// The strength meter's words. The estimator (zxcvbn-ts) runs without its translations and returns
// warning keys; these dictionaries give each key in both languages, so every word on screen is ours.

/** The warning keys zxcvbn-ts can return (its translationKeys.warnings). */
export const STRENGTH_WARNINGS = [
  'straightRow',
  'keyPattern',
  'simpleRepeat',
  'extendedRepeat',
  'sequences',
  'recentYears',
  'dates',
  'topTen',
  'topHundred',
  'common',
  'similarToCommon',
  'wordByItself',
  'namesByThemselves',
  'commonNames',
  'userInputs',
  'pwned'
] as const

export type StrengthWarning = (typeof STRENGTH_WARNINGS)[number]

export interface StrengthTexts {
  /** Names the meter (its accessible name) and starts the sentence under it. */
  label: string
  /** zxcvbn's score 0–4, weakest first. */
  levels: readonly [string, string, string, string, string]
  /** Shown for scores below 3 when the estimator has no specific warning. */
  advice: string
  warnings: Record<StrengthWarning, string>
  /** "label: level. warning" in the language's own punctuation. */
  sentence: (label: string, level: string, note: string) => string
}

export const STRENGTH_ZH: StrengthTexts = {
  label: '密码强度',
  levels: ['非常弱', '弱', '一般', '强', '非常强'],
  advice: '再加一两个不常见的词，长一些的密码短语更安全。',
  warnings: {
    straightRow: '键盘上连成一排的按键很容易被猜到。',
    keyPattern: '简短的键盘图案很容易被猜到。',
    simpleRepeat: '“aaa”这样的重复字符很容易被猜到。',
    extendedRepeat: '“abcabcabc”这样的重复模式很容易被猜到。',
    sequences: '“abc”这样的常见序列很容易被猜到。',
    recentYears: '近些年的年份很容易被猜到。',
    dates: '日期很容易被猜到。',
    topTen: '这是最常用的密码之一。',
    topHundred: '这是非常常用的密码。',
    common: '这是常用密码。',
    similarToCommon: '这与常用密码很相似。',
    wordByItself: '单个词语很容易被猜到。',
    namesByThemselves: '单独的名字或姓氏很容易被猜到。',
    commonNames: '常见的名字和姓氏很容易被猜到。',
    userInputs: '密码不应包含用户名等个人信息。',
    pwned: '这个密码曾在数据泄露中公开。'
  },
  sentence: (label, level, note) => `${label}：${level}。${note}`
}

export const STRENGTH_EN: StrengthTexts = {
  label: 'Password strength',
  levels: ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'],
  advice: 'Add another uncommon word or two: longer passphrases are stronger.',
  warnings: {
    straightRow: 'Straight rows of keys are easy to guess.',
    keyPattern: 'Short keyboard patterns are easy to guess.',
    simpleRepeat: 'Repeated characters like "aaa" are easy to guess.',
    extendedRepeat: 'Repeated patterns like "abcabcabc" are easy to guess.',
    sequences: 'Common sequences like "abc" are easy to guess.',
    recentYears: 'Recent years are easy to guess.',
    dates: 'Dates are easy to guess.',
    topTen: 'This is one of the most used passwords.',
    topHundred: 'This is a very frequently used password.',
    common: 'This is a commonly used password.',
    similarToCommon: 'This is similar to a commonly used password.',
    wordByItself: 'Single words are easy to guess.',
    namesByThemselves: 'Single names or surnames are easy to guess.',
    commonNames: 'Common names and surnames are easy to guess.',
    userInputs: 'Leave out your username and other personal details.',
    pwned: 'This password was exposed in a data breach.'
  },
  sentence: (label, level, note) => `${label}: ${level}.${note ? ` ${note}` : ''}`
}
