import { protocol } from 'electron'
import { APP_HOST, APP_SCHEME } from '../core/app-origin/trusted-sender'
import { notFound, serveRendererFile } from '../core/app-origin/renderer-files'

/** Must run before `app` is ready: a standard, secure scheme behaves like https for the page. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

/** Serves the built renderer from `app://renderer/…`, only files inside `rendererDir`, with the CSP header. */
export function handleAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    // Refusals carry the same CSP and nosniff headers as the files.
    const file = url.host !== APP_HOST || request.method !== 'GET' ? notFound() : await serveRendererFile(rendererDir, url.pathname)
    return new Response(file.body as ConstructorParameters<typeof Response>[0], { status: file.status, headers: file.headers })
  })
}
