import { afterEach, describe, expect, it } from 'vitest'
import type { GeneratedCaptcha } from '../../../src/main/core/captcha/generator'
import { CaptchaService, type CaptchaServiceOptions } from '../../../src/main/core/captcha/service'
import { TryAgainError } from '../../../src/main/core/try-again'
import { CHANNELS } from '../../../src/shared/ipc-contract'
import { createTestCore, type TestCore } from '../../support/core'

// A window asking for captchas without end must not push out the captcha another window's user is
// typing, nor answer it, nor make main queue work without bound.
let serial = 0
/** Stands in for the worker pool: each captcha is drawn when the test says so (or at once). */
function manualSource(autoDraw: boolean) {
  const waiting: Array<() => void> = []
  const source = {
    generate: () =>
      new Promise<GeneratedCaptcha>((resolve) => {
        const draw = () => resolve({ answer: `ANS${++serial}`, png: new Uint8Array(8), width: 270, height: 40, scale: 1 })
        if (autoDraw) draw()
        else waiting.push(draw)
      })
  }
  return { source, drawAll: () => waiting.splice(0).forEach((draw) => draw()), waiting }
}

function service(options: Partial<CaptchaServiceOptions> = {}) {
  const answers = new Map<string, string>()
  const captcha = new CaptchaService({
    source: manualSource(true).source,
    onIssued: (id, answer) => answers.set(id, answer),
    ...options
  })
  return { captcha, answers }
}

describe('challenges are bound to the window that asked', () => {
  it('another window cannot answer a challenge, nor use it up', async () => {
    const { captcha, answers } = service()
    const image = await captcha.create(undefined, 'window-A')
    expect(captcha.verify(image.id, answers.get(image.id)!, 'window-B')).toBe(false)
    expect(captcha.verify(image.id, answers.get(image.id)!, 'window-A')).toBe(true)
  })

  it("a burst from one window never evicts another window's live challenge", async () => {
    const { captcha, answers } = service({ maxPerOwner: 8 })
    const typing = await captcha.create(undefined, 'window-A')
    for (let i = 0; i < 200; i++) await captcha.create(undefined, 'window-B')
    // B keeps only its 8 newest.
    expect(captcha.size).toBe(1 + 8)
    expect(captcha.verify(typing.id, answers.get(typing.id)!, 'window-A')).toBe(true)
  })

  it('when the whole store is full, a window may replace only its own challenges, else it is told to try again', async () => {
    const { captcha, answers } = service({ maxEntries: 4, maxPerOwner: 2 })
    const a = [await captcha.create(undefined, 'A'), await captcha.create(undefined, 'A')]
    const b = [await captcha.create(undefined, 'B'), await captcha.create(undefined, 'B')]
    await expect(captcha.create(undefined, 'C')).rejects.toBeInstanceOf(TryAgainError)
    const newer = await captcha.create(undefined, 'A')
    expect(captcha.verify(a[0]!.id, answers.get(a[0]!.id)!, 'A')).toBe(false)
    for (const [image, owner] of [
      [a[1]!, 'A'],
      [newer, 'A'],
      [b[0]!, 'B'],
      [b[1]!, 'B']
    ] as const) {
      expect(captcha.verify(image.id, answers.get(image.id)!, owner)).toBe(true)
    }
  })
})

describe('requests in flight are bounded per window', () => {
  it('refuses at once what is over the bound, while other windows are still served', async () => {
    const { source, drawAll, waiting } = manualSource(false)
    const { captcha } = service({ source, maxInFlightPerOwner: 3 })
    const drawing = Array.from({ length: 3 }, () => captcha.create(undefined, 'flood'))
    // Rejected before a single captcha was drawn: the refusal does not wait for the queue.
    await expect(captcha.create(undefined, 'flood')).rejects.toBeInstanceOf(TryAgainError)
    expect(waiting).toHaveLength(3)
    const other = captcha.create(undefined, 'calm')
    drawAll()
    expect(await Promise.all([...drawing, other])).toHaveLength(4)
    // Drawn: the window may ask again.
    const again = captcha.create(undefined, 'flood')
    drawAll()
    await expect(again).resolves.toMatchObject({ width: 270 })
  })
})

describe('through the IPC handlers', () => {
  const cores: TestCore[] = []
  afterEach(() => cores.splice(0).forEach((core) => core.dispose()))

  it('an overloaded captcha:new answers a typed BUSY failure, and a sign-in from another window fails the captcha', async () => {
    const { source, drawAll } = manualSource(false)
    const core = createTestCore({ captcha: { source, maxInFlightPerOwner: 2 } })
    cores.push(core)
    const flood = [0, 1].map(() => core.invoke(CHANNELS.captchaNew, undefined, { sessionKey: '1' }))
    expect(await core.invoke(CHANNELS.captchaNew, undefined, { sessionKey: '1' })).toMatchObject({ ok: false, code: 'BUSY' })
    drawAll()
    const [image] = await Promise.all(flood)
    if (!image?.ok || !('id' in image)) throw new Error('no captcha')
    const credentials = { captchaId: image.id, captchaText: core.answers.get(image.id)!, username: 'mallory', password: 'whatever123' }
    expect(await core.invoke(CHANNELS.signIn, credentials, { sessionKey: '2' })).toMatchObject({ code: 'CAPTCHA_INVALID' })
    expect(await core.invoke(CHANNELS.signIn, credentials, { sessionKey: '1' })).toMatchObject({ code: 'BAD_CREDENTIALS' })
  })
})
