// The production dependency tree as npm sees it: `npm ls --omit=dev --parseable --all`.
// `--package-lock-only` reads package-lock.json, i.e. what `npm ci` installs, so the list is the same on
// every host and includes the platform packages of other operating systems (not installed here), while
// a host whose node_modules is a link (a git worktree sharing one install) cannot confuse it.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { relative, sep } from 'node:path'
import { root } from './electron-builder-lib'

export interface ProductionPackage {
  name: string
  /** Where the package sits relative to the app root, e.g. `node_modules/@napi-rs/canvas`. */
  path: string
  installed: boolean
}

function npm(args: string[]): string {
  // Under `npm test`, npm tells us which npm runs; call that one rather than whatever PATH finds.
  const npmCli = process.env['npm_execpath']
  const [command, prefix] = npmCli && /npm-cli\.[cm]?js$/.test(npmCli) ? [process.execPath, [npmCli]] : ['npm', []]
  return execFileSync(command, [...prefix, ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

export function productionPackages(): ProductionPackage[] {
  const lines = npm(['ls', '--omit=dev', '--parseable', '--all', '--package-lock-only']).split('\n').filter(Boolean)
  return lines
    .filter((line) => line !== root)
    .map((line) => {
      const path = relative(root, line).split(sep).join('/')
      return { name: path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length), path, installed: existsSync(line) }
    })
}
