import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'

/**
 * The policy the renderer runs under, sent as a response header; the built HTML carries the same as a meta
 * tag (without frame-ancestors, which a meta tag cannot set). `styleHashes` are the 'sha256-…' sources of
 * the document's own <style> elements: the build inlines the stylesheet so the first frame needs no
 * second request, and each hash admits exactly that text, never any other inline style.
 */
export function contentSecurityPolicy(styleHashes: readonly string[] = [], { meta = false } = {}): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    ['style-src', "'self'", ...styleHashes.map((hash) => `'${hash}'`)].join(' '),
    // The captcha is drawn on a canvas from its bytes (captcha-view.ts), so no image comes from a blob: URL.
    "img-src 'self'",
    // The spoken captcha plays from a Blob URL; nothing else is media.
    'media-src blob:',
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    ...(meta ? [] : ["frame-ancestors 'none'"])
  ].join('; ')
}

/** The policy of every response that is not a document with inline styles. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy()

/** The CSP source ('sha256-…') that admits one inline <style>'s exact text. */
export function styleHash(css: string): string {
  return `sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}`
}

/** The texts of an HTML document's <style> elements, in document order. */
export function inlineStyles(html: string): string[] {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(([, css]) => css!)
}

/** The hashes of an HTML document's <style> elements: what its policy admits. */
export function inlineStyleHashes(html: string): string[] {
  return inlineStyles(html).map(styleHash)
}

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
    const extension = extname(file).toLowerCase()
    const type = TYPES[extension] ?? 'application/octet-stream'
    // A document's policy admits its own inline styles, as its meta tag does (the build wrote both from
    // the same text); the files are the app's own, as trusted as the scripts 'self' already admits.
    const policy = extension === '.html' ? contentSecurityPolicy(inlineStyleHashes(body.toString('utf8'))) : CONTENT_SECURITY_POLICY
    return {
      status: 200,
      body: new Uint8Array(body),
      headers: { ...SECURITY_HEADERS, 'Content-Security-Policy': policy, 'Content-Type': type }
    }
  } catch {
    return notFound()
  }
}
