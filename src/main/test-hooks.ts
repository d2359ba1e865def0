// Compiled only into `electron-vite build --mode e2e` (see electron.vite.config.ts) and switched on
// only by LOGIN_APP_TEST_HOOKS=1: lets end-to-end tests read a captcha's answer by its id.
export interface TestHooks {
  captchaAnswer(id: string): string | null
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
