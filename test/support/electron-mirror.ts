// A stand-in Electron and a local mirror that serves it the way Electron's release host does, so the
// real fetch-and-launch path can run offline. Everything listens on 127.0.0.1 only.
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import { zipSync } from 'fflate'

/** Where the executable sits in an unpacked Electron on this platform (what Electron's installer writes to path.txt). */
export const EXECUTABLE_IN_DIST = process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron'

/** A shell script that writes how it was started (its path, working directory, then each argument, one a line) to $STAND_IN_RECORD. */
const STAND_IN = '#!/bin/sh\n{ printf "%s\\n" "$0" "$PWD"; for arg in "$@"; do printf "%s\\n" "$arg"; done; } > "$STAND_IN_RECORD"\n'

export interface StandInStart {
  executable: string
  cwd: string
  args: string[]
}

export function parseStandInRecord(text: string): StandInStart {
  const [executable = '', cwd = '', ...args] = text.replace(/\n$/, '').split('\n')
  return { executable, cwd, args }
}

/** An unpacked "Electron": the stand-in where the real executable would be. */
export function writeUnpackedStandIn(dir: string): string {
  const executable = join(dir, EXECUTABLE_IN_DIST)
  mkdirSync(dirname(executable), { recursive: true })
  writeFileSync(executable, STAND_IN, { mode: 0o755 })
  return executable
}

/** The release zip's name and bytes, as Electron publishes them: the executable (mode 755) and `version`. */
export function standInReleaseZip(version: string): { name: string; bytes: Buffer } {
  const unixFile = (mode: number): { os: number; attrs: number } => ({ os: 3, attrs: (0o100000 | mode) << 16 })
  const bytes = zipSync({
    [EXECUTABLE_IN_DIST]: [Buffer.from(STAND_IN), unixFile(0o755)],
    version: [Buffer.from(`v${version}`), unixFile(0o644)]
  })
  return { name: `electron-v${version}-${process.platform}-${process.arch}.zip`, bytes: Buffer.from(bytes) }
}

export interface Mirror {
  /** The ELECTRON_MIRROR value: http://127.0.0.1:<port>/ */
  url: string
  /** Paths asked for, in order. */
  requests: string[]
  close(): Promise<void>
}

/** Serves `v<version>/<zip>` and a SHASUMS256.txt that matches it, as Electron's release pages do. */
export async function startMirror(version: string, zip: { name: string; bytes: Buffer }): Promise<Mirror> {
  const sha256 = createHash('sha256').update(zip.bytes).digest('hex')
  const files = new Map<string, Buffer>([
    [`/v${version}/${zip.name}`, zip.bytes],
    [`/v${version}/SHASUMS256.txt`, Buffer.from(`${sha256} *${zip.name}\n`)]
  ])
  const requests: string[] = []
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://mirror').pathname
    requests.push(path)
    const body = files.get(path)
    response.writeHead(body ? 200 : 404, { 'content-length': body?.length ?? 0 }).end(body)
  })
  const port = await listen(server)
  return { url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
}

/** A port on 127.0.0.1 that nothing listens on (just released by the OS), so connecting is refused at once. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  const port = await listen(server)
  await new Promise((resolve) => server.close(resolve))
  return port
}
