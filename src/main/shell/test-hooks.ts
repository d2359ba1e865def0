// Compiled only into `electron-vite build --mode e2e` (see electron.vite.config.ts) and switched on
// only by LOGIN_APP_TEST_HOOKS=1: lets end-to-end tests read a captcha's answer by its id.
import type { Core } from '../core/app-core'
import type { HandlerContext } from '../core/handlers/handlers'

export interface TestHooks {
  captchaAnswer(id: string): string | null
  /** How many times the page called a channel (set by countInvocations). */
  invocations?(channel: string): number
  /** Answers the next call of a channel with this result instead of the core. */
  respondOnce?(channel: string, result: unknown): void
}

declare global {
  var __loginAppTestHooks: TestHooks | undefined
}

const KEEP = 50

export function installTestHooks(): (id: string, answer: string) => void {
  const answers = new Map<string, string>()
  globalThis.__loginAppTestHooks = { captchaAnswer: (id) => answers.get(id) ?? null }
  return (id, answer) => {
    answers.set(id, answer)
    if (answers.size > KEEP) answers.delete(answers.keys().next().value as string)
  }
}

/** Wraps the core the IPC layer calls so tests can count calls (one request per double click) and can queue one canned result. */
export function instrumentCore(core: Core): Core {
  const counts = new Map<string, number>()
  const canned = new Map<string, unknown>()
  const hooks = globalThis.__loginAppTestHooks!
  hooks.invocations = (channel) => counts.get(channel) ?? 0
  hooks.respondOnce = (channel, result) => canned.set(channel, result)
  return {
    ...core,
    invoke: (async (channel: unknown, payload: unknown, context: HandlerContext) => {
      const name = String(channel)
      counts.set(name, (counts.get(name) ?? 0) + 1)
      const result = canned.get(name)
      canned.delete(name)
      return result ?? core.invoke(channel, payload, context)
    }) as Core['invoke']
  }
}
