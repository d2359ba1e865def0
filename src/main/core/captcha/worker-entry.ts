// Entry of a captcha worker thread: draws and encodes, nothing else. IDs, expiry and verification stay in
// the main thread's store; the answer travels back only to the pool that asked, never to a renderer.
import { setPriority } from 'node:os'
import { parentPort, workerData } from 'node:worker_threads'
import { CaptchaGenerator } from './generator'
import type { CaptchaWorkerData, WorkerReply, WorkerRequest } from './worker-protocol'

const port = parentPort
if (port === null) throw new Error('worker-entry must run in a worker thread')

const data = workerData as CaptchaWorkerData
if (data.nice !== null) {
  try {
    // Linux keeps a nice value per thread and pid 0 means this thread: the main thread, woken for IPC,
    // now preempts the drawing instead of queueing behind it. (Lowering one's own priority needs no rights.)
    setPriority(0, data.nice)
  } catch {
    // A sandbox that forbids it only costs responsiveness under load; the captchas still come.
  }
}
const generator = new CaptchaGenerator(data.options, data.kind)

async function answer({ id, request }: WorkerRequest): Promise<void> {
  let reply: WorkerReply
  try {
    const captcha = await generator.generate(request)
    reply = { id, ok: true, ...captcha }
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) }
  }
  // Transfer rather than copy, but only a buffer the PNG owns alone: a pooled slab would detach its neighbours.
  const png = reply.ok ? reply.png : undefined
  const whole = png !== undefined && png.byteOffset === 0 && png.byteLength === png.buffer.byteLength
  port!.postMessage(reply, whole ? [png.buffer as ArrayBuffer] : [])
}

// The generator already draws one request per event-loop turn, in arrival order (turns.ts), so requests
// need no queue of their own here: parallelism comes from the number of workers.
port.on('message', (message: WorkerRequest) => {
  void answer(message)
})
