// The thread that holds the PostgreSQL driver for the core (blocking-client.ts). The core is
// synchronous (node:sqlite is); the driver is asynchronous. This thread runs each statement the
// core sends, on one connection (a transaction's statements must share it), posts the answer and
// wakes the core, which waits with Atomics.wait. One statement at a time, in the order sent.
import { workerData, type MessagePort } from 'node:worker_threads'
import { openPostgres } from '../connect.ts'
import type { DriverFailure, DriverReply, DriverRequest, DriverStart } from './protocol.ts'

const { url, signal, port } = workerData as DriverStart & { port: MessagePort }
const flag = new Int32Array(signal)
// One connection: BEGIN … COMMIT sent as separate statements must reach the same session.
const sql = openPostgres(url, { max: 1, sqliteValues: true })

function failure(error: unknown): DriverFailure {
  const fields = error as { message?: unknown; code?: unknown; detail?: unknown }
  return {
    message: typeof fields.message === 'string' ? fields.message : String(error),
    code: typeof fields.code === 'string' ? fields.code : null,
    detail: typeof fields.detail === 'string' ? fields.detail : null,
  }
}

async function answer(request: DriverRequest): Promise<DriverReply> {
  try {
    if (request.op === 'close') {
      await sql.end({ timeout: 5 })
      return { ok: true, value: null }
    }
    if (request.op === 'exec') {
      await sql.unsafe(request.text).simple()
      return { ok: true, value: null }
    }
    const query = sql.unsafe(request.text, request.params as never[], { prepare: true })
    const result = request.arrays ? await query.values() : await query
    return {
      ok: true,
      value: { rows: [...result], columns: (result.columns ?? []).map((column) => column.name), changes: result.count ?? 0 },
    }
  } catch (error) {
    return { ok: false, error: failure(error) }
  }
}

// Requests are answered strictly one after another, so the core's view is a sequential connection.
let queue = Promise.resolve()
port.on('message', (request: DriverRequest) => {
  queue = queue.then(async () => {
    const reply = await answer(request)
    port.postMessage(reply)
    Atomics.store(flag, 0, 1)
    Atomics.notify(flag, 0)
    if (request.op === 'close') port.close()
  })
})
