// Preloaded into Electron's own installer (`node --require this install.js`). On failure the installer
// prints only the error's stack, which for a network error reads "fetch failed" without the reason or the
// address; this records both for the launcher's message. It also prints download progress, since the
// installer's own bar shows only on a terminal, and the launcher keeps the installer's stderr to itself.
const { writeFileSync } = require('node:fs')
const { basename } = require('node:path')

const reportFile = process.env.LOGIN_APP_INSTALL_REPORT
const realFetch = globalThis.fetch
/** Bodies smaller than this (SHASUMS256.txt) download without progress. */
const PROGRESS_FROM_BYTES = 1 << 20

function reasonOf(error) {
  const cause = error && error.cause
  if (!cause) return String((error && error.message) || error)
  if (cause.message) return cause.message
  if (Array.isArray(cause.errors)) return cause.errors.map((inner) => inner.message || inner.code).join('; ')
  return String(cause.code || cause)
}

function record(url, reason) {
  if (reportFile) writeFileSync(reportFile, JSON.stringify({ url, reason }))
}

function withProgress(url, response) {
  const total = Number(response.headers.get('content-length'))
  if (!response.body || !(total >= PROGRESS_FROM_BYTES)) return response
  process.stdout.write(`Downloading ${basename(new URL(url).pathname)} (${Math.round(total / 1e6)} MB):`)
  let received = 0
  let shownTenths = 0
  const counter = new TransformStream({
    transform(chunk, controller) {
      received += chunk.byteLength
      const tenths = Math.min(10, Math.floor((received * 10) / total))
      for (; shownTenths < tenths; shownTenths++) process.stdout.write(` ${(shownTenths + 1) * 10}%`)
      controller.enqueue(chunk)
    },
    flush() {
      process.stdout.write('\n')
    }
  })
  return new Response(response.body.pipeThrough(counter), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers
  })
}

globalThis.fetch = async function fetchAndReport(input, init) {
  const url = String(input instanceof Request ? input.url : input)
  let response
  try {
    response = await realFetch(input, init)
  } catch (error) {
    record(url, reasonOf(error))
    throw error
  }
  if (!response.ok) {
    record(url, `HTTP ${response.status} ${response.statusText}`.trim())
    return response
  }
  return withProgress(url, response)
}
