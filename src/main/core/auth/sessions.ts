import type { User } from '../../../shared/ipc-contract'

/**
 * Who is signed in, per window. The key is chosen by the shell (the webContents id in Electron), so a
 * renderer can never name another window's session.
 */
export class SessionStore {
  private readonly users = new Map<string, User>()

  get(key: string): User | null {
    return this.users.get(key) ?? null
  }

  set(key: string, user: User): void {
    this.users.set(key, user)
  }

  clear(key: string): void {
    this.users.delete(key)
  }
}
