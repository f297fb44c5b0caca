// A synchronous connection to PostgreSQL for the core, which runs synchronously in its own thread
// (src/core/worker): each call posts the statement to the driver's thread (driver-thread.ts) and
// blocks this thread with Atomics.wait until the answer is on the port, then reads it with
// receiveMessageOnPort. Measured on loopback: about 0.1 ms more per statement than the driver's own
// await (ARCHITECTURE.md, "The PostgreSQL driver"). Never used on a thread that must stay
// responsive: the core's thread is one already.
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads'
import type { DriverFailure, DriverReply, DriverRequest, DriverRows, SqlValue } from './protocol.ts'

/** How long one statement may take before the store says the server did not answer. */
export const DEFAULT_ANSWER_TIMEOUT_MS = 60_000

const DEFAULT_ENTRY = new URL('./driver-thread.ts', import.meta.url)

/** A statement PostgreSQL (or the driver) refused: its SQLSTATE in `code`, as the store's error mapping reads it. */
export class PostgresFailure extends Error {
  readonly code: string | null
  readonly detail: string | null
  constructor(failure: DriverFailure) {
    super(failure.message)
    this.name = 'PostgresFailure'
    this.code = failure.code
    this.detail = failure.detail
  }
}

export interface BlockingPostgresOptions {
  /** The driver thread's file (the built app passes its bundled copy). */
  entry?: URL | string
  answerTimeoutMs?: number
}

export interface BlockingPostgres {
  query(text: string, params: readonly SqlValue[], arrays: boolean): DriverRows
  exec(text: string): void
  close(): void
  readonly closed: boolean
}

export function openBlockingPostgres(url: string, options: BlockingPostgresOptions = {}): BlockingPostgres {
  const signal = new SharedArrayBuffer(4)
  const flag = new Int32Array(signal)
  const { port1: ours, port2: theirs } = new MessageChannel()
  const thread = new Worker(options.entry ?? DEFAULT_ENTRY, {
    workerData: { url, signal, port: theirs },
    transferList: [theirs],
  })
  // The thread must not keep a finished process alive; the core closes the store before it ends.
  thread.unref()
  const timeoutMs = options.answerTimeoutMs ?? DEFAULT_ANSWER_TIMEOUT_MS
  let closed = false

  function ask(request: DriverRequest): DriverRows | null {
    if (closed) throw new PostgresFailure({ message: 'The database connection is closed.', code: 'CONNECTION_ENDED', detail: null })
    Atomics.store(flag, 0, 0)
    ours.postMessage(request)
    if (Atomics.wait(flag, 0, 0, timeoutMs) === 'timed-out') {
      // The connection's state is unknown now (a statement may still run): it is not used again.
      closed = true
      thread.terminate().catch(() => {}) // a thread already gone has nothing left to end
      throw new PostgresFailure({
        message: `The database server did not answer within ${Math.round(timeoutMs / 1000)} s.`,
        code: 'ANSWER_TIMEOUT',
        detail: null,
      })
    }
    const received = receiveMessageOnPort(ours as MessagePort)
    if (received === undefined) throw new Error('the PostgreSQL driver thread woke the core without an answer')
    const reply = received.message as DriverReply
    if (!reply.ok) {
      // MT_SQL_DEBUG=1 names the refused statement on stderr (the core's statements hold no secrets).
      if (process.env.MT_SQL_DEBUG) console.error('PostgreSQL refused:', reply.error.message, '—', JSON.stringify(request).slice(0, 600))
      throw new PostgresFailure(reply.error)
    }
    return reply.value
  }

  return {
    query: (text, params, arrays) => ask({ op: 'query', text, params: [...params], arrays })!,
    exec(text) {
      ask({ op: 'exec', text })
    },
    close() {
      if (closed) return
      try {
        ask({ op: 'close' })
      } finally {
        closed = true
        ours.close()
        thread.terminate().catch(() => {}) // a thread already gone has nothing left to end
      }
    },
    get closed() {
      return closed
    },
  }
}
