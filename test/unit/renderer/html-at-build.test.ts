import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bakeTexts, inlineStylesheet, linkedStylesheet, setPolicy } from '../../../src/renderer/src/html-at-build'
import { MESSAGES } from '../../../src/renderer/src/i18n'

const source = readFileSync(join(__dirname, '../../../src/renderer/index.html'), 'utf8')

describe('bakeTexts', () => {
  it('fills empty data-i18n elements and adds the attribute each data-i18n-<attr> names', () => {
    const html =
      '<label for="a" data-i18n="username"></label><button data-i18n-aria-label="refresh" data-i18n-title="hint"><canvas data-i18n-aria-label="alt"></canvas></button>'
    expect(bakeTexts(html, { username: '用户名', refresh: 'New', hint: 'Get another', alt: 'Captcha' })).toBe(
      '<label for="a" data-i18n="username">用户名</label><button data-i18n-aria-label="refresh" aria-label="New" data-i18n-title="hint" title="Get another"><canvas data-i18n-aria-label="alt" aria-label="Captcha"></canvas></button>'
    )
  })

  it('escapes markup in texts and attributes', () => {
    expect(bakeTexts('<p data-i18n="a"></p><b data-i18n-title="a"></b>', { a: 'a < b & "c"' })).toBe(
      '<p data-i18n="a">a &lt; b &amp; &quot;c&quot;</p><b data-i18n-title="a" title="a &lt; b &amp; &quot;c&quot;"></b>'
    )
  })

  it('fails the build on a key with no text', () => {
    expect(() => bakeTexts('<p data-i18n="missing"></p>', {})).toThrow(/missing/)
    expect(() => bakeTexts('<p data-i18n="about"></p>', { about: () => 'a function' })).toThrow(/about/)
  })

  it('writes every text of the real index.html in Chinese, the default language', () => {
    const zh = MESSAGES['zh-CN']
    const baked = bakeTexts(source, zh)
    for (const text of [zh.username, zh.password, zh.captcha, zh.submitSignIn, zh.signInTitle, zh.toSignUp]) {
      expect(baked).toContain(`>${text}</`)
    }
    expect(baked).toContain(`aria-label="${zh.captchaRefresh}"`)
    expect(baked).toContain(`aria-label="${zh.captchaAlt}"`)
    expect(baked).toContain(`<title data-i18n="title">${zh.title}</title>`)
    // main.ts takes the page's texts to be in <html lang>'s language, and rewrites them only on a change.
    expect(source).toMatch(/<html lang="zh-CN"[ >]/)
    // Each data-i18n element of the source is empty, so each got its text.
    expect(baked.match(/data-i18n="[^"]+"[^>]*><\//g)).toBeNull()
  })
})

describe('inlining the stylesheet', () => {
  const html =
    '<head><script type="module" src="./assets/a.js"></script><link rel="stylesheet" crossorigin href="./assets/index-b.css"></head>'

  it('finds the one stylesheet Vite linked, and fails the build on none or two', () => {
    expect(linkedStylesheet(html)).toBe('assets/index-b.css')
    expect(() => linkedStylesheet('<head></head>')).toThrow(/0 stylesheets/)
    expect(() => linkedStylesheet(html + html)).toThrow(/2 stylesheets/)
  })

  it('puts the CSS in place of the link, its url(./file) rebased on the document and data: URLs kept', () => {
    const css = `a{background:url(./x.svg)}b{background:url("./y.svg")}c{background:url("data:image/svg+xml,%3csvg xmlns='z'/%3e")}`
    expect(inlineStylesheet(html, 'assets/index-b.css', css)).toBe(
      '<head><script type="module" src="./assets/a.js"></script><style>' +
        `a{background:url(./assets/x.svg)}b{background:url(./assets/y.svg)}c{background:url("data:image/svg+xml,%3csvg xmlns='z'/%3e")}` +
        '</style></head>'
    )
  })

  it('fails the build on CSS it cannot inline safely', () => {
    expect(() => inlineStylesheet(html, 'assets/index-b.css', 'a::after{content:"</style>"}')).toThrow(/<\/style/)
    expect(() => inlineStylesheet(html, 'assets/index-b.css', 'a{background:url(../x.svg)}')).toThrow(/cannot rebase/)
  })

  it('writes the policy into the meta tag of the real index.html', () => {
    const written = setPolicy(source, "default-src 'none'")
    expect(written).toContain(`http-equiv="Content-Security-Policy"\n      content="default-src 'none'"`)
    expect(() => setPolicy('<head></head>', 'x')).toThrow(/no Content-Security-Policy meta/)
  })
})
