import type { CaptchaPreset } from '../../../src/main/core/captcha/options'

// What the parent and its child processes of `npm run bench` must agree on.
export const PRESETS: CaptchaPreset[] = ['easy', 'normal', 'hard']
export const SCALES = [1, 2] as const
/**
 * Requests kept open in the throughput runs: enough that no worker waits for the next one while the main
 * thread is busy. The main isolate allocates almost no JavaScript, so the PNGs it receives are freed only
 * by a full GC, every ~500–800 captchas, which pauses it for 2–10 ms; with 32 open each worker idles
 * under 0.5% of the time, with 8 up to 2.6% (timed inside the workers).
 */
export const IN_FLIGHT = 32
/** The app (pool, bounded young generation), the pool with V8's own young-generation sizing, no pool. */
export const MEMORY_VARIANTS = ['app', 'v8-young', 'in-thread'] as const
export type MemoryVariant = (typeof MEMORY_VARIANTS)[number]
