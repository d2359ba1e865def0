/** `--name value`, `--name=value` and `--flag`; enough for these scripts, with no dependency. Unknown names throw. */
export function parseArgs(argv: readonly string[], known: readonly string[]): Map<string, string> {
  const out = new Map<string, string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`)
    const name = arg.slice(2).split('=')[0]!
    if (!known.includes(name)) throw new Error(`unknown option --${name}`)
    const eq = arg.indexOf('=')
    if (eq > 0) {
      out.set(arg.slice(2, eq), arg.slice(eq + 1))
    } else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) {
      out.set(arg.slice(2), argv[++i]!)
    } else {
      out.set(arg.slice(2), 'true')
    }
  }
  return out
}

export function intArg(args: Map<string, string>, name: string, fallback: number, min: number, max: number): number {
  const raw = args.get(name)
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be an integer ${min}–${max}`)
  return value
}

export function numberArg(args: Map<string, string>, name: string, fallback: number): number {
  const raw = args.get(name)
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isFinite(value)) throw new Error(`--${name} must be a number`)
  return value
}

export function choiceArg<T extends string>(args: Map<string, string>, name: string, choices: readonly T[], fallback: T): T {
  const raw = args.get(name)
  if (raw === undefined) return fallback
  if (!(choices as readonly string[]).includes(raw)) throw new Error(`--${name} must be one of ${choices.join(', ')}`)
  return raw as T
}
