// How much the browser host accepts, and for how long it waits: so that one slow or huge request
// (or many of them) cannot freeze the host or run it out of memory. See README.md, "Limits".
import type { IncomingMessage } from 'node:http'
import { MAX_DATASET_FILE_BYTES } from '../shared/dataset-update.ts'

export interface HostLimits {
  /**
   * Request body of every API method but the large ones. The largest valid input of a method the
   * page may call (measures.update or events.record: two 20,000-character texts, every character
   * escaped as `\uXXXX`) is under 300 KB, so 1 MB never refuses a real call.
   */
  bodyBytes: number
  /**
   * Request body of exchange.import: 1 GiB. The body is spooled to a temporary file and imported
   * one measure at a time (import-body.ts), so memory does not grow with it; what this bounds is
   * the disk and time one hostile request can take. The hostile-input bounds of the scan allow at
   * most 100,000 measures, whose generated export is ~520 MB, so any file the program exports at
   * that scale fits twice over. The page does not call exchange.import
   * (src/shared/exposed-methods.ts), so this applies only when a host is started with it exposed.
   */
  largeBodyBytes: number
  /** Open TCP connections at once; more are closed at once (a browser uses ~6 per host and profile). */
  connections: number
  /** Open event streams at once (one per open tab); more get 503. */
  eventClients: number
  /** Until the request headers have arrived (slowloris). Node answers 408 and closes. */
  headersTimeoutMs: number
  /** Until the whole request, body included, has arrived (Node's own backstop, checked every few seconds). */
  requestTimeoutMs: number
  /** Until an API call's body has arrived, from the moment the host starts reading it: 408 after. */
  bodyTimeoutMs: number
}

export const DEFAULT_LIMITS: Readonly<HostLimits> = {
  bodyBytes: 1024 * 1024,
  largeBodyBytes: 1024 * 1024 * 1024,
  connections: 64,
  eventClients: 16,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 120_000,
  bodyTimeoutMs: 60_000,
}

/** Methods whose input is a whole file rather than a form's worth of fields. */
const LARGE_BODY_METHODS: ReadonlySet<string> = new Set(['exchange.import'])

/**
 * Methods whose input is a dataset file the page opened (the update review, issue 16): read into
 * memory like any call, so bounded by the dataset file limit (plus room for the JSON around it),
 * never less than the ordinary limit.
 */
const DATASET_BODY_METHODS: ReadonlySet<string> = new Set(['dataset.diff', 'dataset.apply'])
const DATASET_BODY_BYTES = MAX_DATASET_FILE_BYTES + 1024 * 1024

export function bodyLimitFor(method: string, limits: HostLimits): number {
  if (LARGE_BODY_METHODS.has(method)) return limits.largeBodyBytes
  return DATASET_BODY_METHODS.has(method) ? Math.max(limits.bodyBytes, DATASET_BODY_BYTES) : limits.bodyBytes
}

export class BodyTooLarge extends Error {
  readonly limit: number
  constructor(limit: number) {
    super(`The request body is larger than ${limit} bytes`)
    this.limit = limit
  }
}

export class BodyTimedOut extends Error {
  readonly timeoutMs: number
  constructor(timeoutMs: number) {
    super(`The request body did not arrive within ${timeoutMs / 1000} s`)
    this.timeoutMs = timeoutMs
  }
}

/**
 * Reads the whole body. Refuses before reading a byte when Content-Length already says it is too
 * large, and stops as soon as the bytes received pass `limit` (a chunked body has no length), so
 * nothing over the limit is ever held in memory. Gives up after `timeoutMs`. `proceed` runs once
 * the declared length has passed (the host answers `Expect: 100-continue` there).
 */
export function readBody(request: IncomingMessage, limit: number, timeoutMs: number, proceed: () => void = () => {}): Promise<Buffer> {
  const declared = Number(request.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLarge(limit))
  proceed()
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let total = 0
    const stop = (error: Error | null): void => {
      clearTimeout(timer)
      request.off('data', onData)
      request.off('end', onEnd)
      request.off('error', onError)
      if (error === null) {
        resolveBody(Buffer.concat(chunks, total))
        return
      }
      // Stop reading: the caller answers and then closes the connection.
      request.pause()
      chunks.length = 0
      reject(error)
    }
    const onData = (chunk: Buffer): void => {
      total += chunk.length
      if (total > limit) stop(new BodyTooLarge(limit))
      else chunks.push(chunk)
    }
    const onEnd = (): void => stop(null)
    const onError = (error: Error): void => stop(error)
    const timer = setTimeout(() => stop(new BodyTimedOut(timeoutMs)), timeoutMs)
    request.on('data', onData)
    request.on('end', onEnd)
    request.on('error', onError)
  })
}
