import { readFile } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'

/** The policy the renderer runs under, sent as a response header (the HTML carries the same as a meta tag). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  // The spoken captcha plays from a Blob URL; nothing else is media.
  'media-src blob:',
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2'
}

export interface FileResponse {
  status: number
  body: Uint8Array | string
  headers: Record<string, string>
}

/**
 * Maps a request path to a file strictly inside `root`; null for anything that would escape it
 * (`..`, encoded separators, absolute paths) or that is not a plain path.
 */
export function resolveInside(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const base = resolve(root)
  const target = resolve(base, '.' + (decoded === '/' ? '/index.html' : decoded))
  return target.startsWith(base + sep) ? target : null
}

/** Sent with every app:// response, refusals included. */
const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff'
}

/** The one refusal app:// gives (wrong host or method, a path outside the folder, a missing file). */
export function notFound(): FileResponse {
  return { status: 404, body: 'Not found', headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' } }
}

export async function serveRendererFile(root: string, pathname: string): Promise<FileResponse> {
  const file = resolveInside(root, pathname)
  if (!file) return notFound()
  try {
    const body = await readFile(file)
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
    return { status: 200, body: new Uint8Array(body), headers: { ...SECURITY_HEADERS, 'Content-Type': type } }
  } catch {
    return notFound()
  }
}
