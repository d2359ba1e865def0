// The captcha engine's surface for the app: the service the handlers call and the two image sources it
// can be given. Nothing here imports electron. Tests and tools import the modules behind it directly.
export { CaptchaService } from './service'
export type { CaptchaImageSource, CaptchaServiceOptions } from './service'
export { CaptchaWorkerPool } from './worker-pool'
export { CaptchaGenerator } from './generator'
export { resolveOptions } from './options'
