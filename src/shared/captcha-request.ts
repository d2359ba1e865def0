import type { CaptchaRequest, Theme } from './ipc-contract'

/** What a window's captcha depends on, as `window` has it (typed structurally: shared code has no DOM types). */
export interface ScreenView {
  devicePixelRatio: number
  matchMedia(query: string): { matches: boolean }
}

/** The system's colour scheme, which the page's colours and the captcha's follow. */
export function themeOf(view: ScreenView): Theme {
  return view.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

/**
 * The captcha a window shows: drawn for its pixel density and colour scheme. One function for the page
 * and the preload, so the captcha the preload asks for early is the one the page then asks for.
 */
export function captchaRequestFor(view: ScreenView): CaptchaRequest {
  return { scale: view.devicePixelRatio, theme: themeOf(view) }
}
