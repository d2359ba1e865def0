import { describe, expect, it, vi } from 'vitest'
import { createWindowApi, sendEarly } from '../../../src/preload/api'
import { CHANNELS, type Invoke } from '../../../src/shared/ipc-contract'

const image = (expiresInMs: number) => ({ ok: true, id: 'c1', png: new Uint8Array([1]), width: 270, height: 40, expiresInMs })
const view = (dark: boolean) => ({ devicePixelRatio: 2, matchMedia: () => ({ matches: dark }) })

describe('the reads the preload sends as the document starts', () => {
  it("asks for the captcha the page will ask for, the app's info and the session, once each", async () => {
    const invoke = vi.fn<Invoke>(async (channel) => (channel === CHANNELS.captchaNew ? image(60_000) : { ok: true }) as never)
    const api = createWindowApi(invoke, view(true))
    expect(invoke.mock.calls).toEqual([
      [CHANNELS.captchaNew, { scale: 2, theme: 'dark' }],
      [CHANNELS.appInfo, undefined],
      [CHANNELS.session, undefined]
    ])
    await api.newCaptcha({ scale: 2, theme: 'dark' })
    await api.appInfo()
    await api.session()
    expect(invoke).toHaveBeenCalledTimes(3)
    // Only the first call takes the early answer: the next one is a new captcha.
    await api.newCaptcha({ scale: 2, theme: 'dark' })
    expect(invoke).toHaveBeenCalledTimes(4)
  })

  it('sends a call that asks for something else to main', async () => {
    const invoke = vi.fn<Invoke>(async () => image(60_000) as never)
    const api = createWindowApi(invoke, view(false))
    await api.newCaptcha({ scale: 2, theme: 'dark' })
    expect(invoke).toHaveBeenLastCalledWith(CHANNELS.captchaNew, { scale: 2, theme: 'dark' })
    expect(invoke).toHaveBeenCalledTimes(4)
  })

  it('hands over a captcha with the time it has left, not the time it had when main answered', async () => {
    vi.useFakeTimers()
    try {
      const invoke = sendEarly(
        vi.fn<Invoke>(async () => image(60_000) as never),
        [[CHANNELS.captchaNew, undefined]]
      )
      await vi.advanceTimersByTimeAsync(5_000)
      expect(await invoke(CHANNELS.captchaNew, undefined)).toMatchObject({ ok: true, expiresInMs: 55_000 })
    } finally {
      vi.useRealTimers()
    }
  })

  it('passes a failure or a broken transport to the page that asks, and to nobody else', async () => {
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    try {
      const failing = sendEarly(
        async () => Promise.reject(new Error('gone')),
        [
          [CHANNELS.session, undefined],
          [CHANNELS.appInfo, undefined]
        ]
      )
      await expect(failing(CHANNELS.session, undefined)).rejects.toThrow('gone')
      await new Promise((resolve) => setTimeout(resolve, 10))
      expect(unhandled).not.toHaveBeenCalled()
    } finally {
      process.off('unhandledRejection', unhandled)
    }
  })
})
