import { spawnSync } from 'node:child_process'

function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

/**
 * Makes sure the Debian tools a script needs are there, installing the missing ones with apt-get on the
 * spot (bench and maintenance scripts only: the app and `npm test` never need them).
 */
export function requireDebianTools(tools: Record<string, string>): void {
  const missing = Object.entries(tools).filter(([command]) => !hasCommand(command))
  if (missing.length === 0) return
  const packages = [...new Set(missing.map(([, pkg]) => pkg))]
  const installed = aptInstall(packages)
  const still = missing.filter(([command]) => !hasCommand(command)).map(([command]) => command)
  if (!installed || still.length > 0) {
    throw new Error(`missing ${still.join(', ')}: run \`apt-get install ${packages.join(' ')}\` (as root) and try again`)
  }
}

/** Installs Debian packages with apt-get, saying so on stderr; whether apt-get succeeded (it needs root). */
export function aptInstall(packages: readonly string[]): boolean {
  process.stderr.write(`installing ${packages.join(' ')} with apt-get…\n`)
  const result = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  })
  return result.status === 0
}

/** Runs a tool and returns its stdout; a failure throws with its stderr. */
export function run(command: string, args: string[], input?: string): string {
  const result = spawnSync(command, args, { encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024 })
  if (result.error !== undefined) throw result.error
  if (result.status !== 0) throw new Error(`${command} exited ${result.status}: ${result.stderr.slice(0, 500)}`)
  return result.stdout
}
