import { z } from 'zod'
import { LANGUAGES, LIMITS, type Language } from '../../../shared/ipc-contract'
import { readJsonFile, writeJsonFileAtomic } from './json-file'

export interface Prefs {
  language: Language | null
  lastUsername: string | null
}

// Read back through the same limits as IPC: the file is on disk where anything may have edited it.
const prefsSchema = z.object({
  language: z.enum(LANGUAGES).nullable().catch(null),
  lastUsername: z.string().min(1).max(LIMITS.usernameMax).nullable().catch(null)
})

const EMPTY: Prefs = { language: null, lastUsername: null }

/** The window's small remembered choices, in a JSON file of their own (not in the accounts database). */
export class PrefsStore {
  #prefs: Prefs

  constructor(private readonly path: string) {
    const parsed = prefsSchema.safeParse(readJsonFile(path))
    this.#prefs = parsed.success ? parsed.data : { ...EMPTY }
  }

  get(): Prefs {
    return { ...this.#prefs }
  }

  setLanguage(language: Language): void {
    this.#update({ language })
  }

  /** Called after a successful sign-in or sign-up; the password is never given to this store. */
  rememberUsername(username: string): void {
    this.#update({ lastUsername: username })
  }

  #update(change: Partial<Prefs>): void {
    const next = { ...this.#prefs, ...change }
    writeJsonFileAtomic(this.path, next)
    this.#prefs = next
  }
}
