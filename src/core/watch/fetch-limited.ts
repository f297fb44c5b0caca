// One network request with the limits every watch request has: http(s) only, a timeout, a size
// limit checked on the declared length and again while reading, cancellable. Failures become a
// WatchFetchError whose `kind` the schedule and Settings tell apart (offline, timeout, too large…).

export type FetchFailure = 'offline' | 'timeout' | 'too-large' | 'http' | 'cancelled' | 'address'

export class WatchFetchError extends Error {
  readonly kind: FetchFailure
  constructor(kind: FetchFailure, message: string) {
    super(message)
    this.kind = kind
  }
}

export interface FetchLimits {
  timeoutMs: number
  maxBytes: number
}

export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>

const USER_AGENT = 'MeasureTracker (local desktop app; watches documents the user chose)'

export async function fetchLimited(
  fetchFn: FetchFunction,
  address: string,
  limits: FetchLimits,
  cancel: AbortSignal,
  accept = 'application/json',
): Promise<string> {
  return new TextDecoder('utf-8').decode(await fetchLimitedBytes(fetchFn, address, limits, cancel, accept))
}

/** The same request, answering the exact bytes (a signature is checked over them, not over decoded text). */
export async function fetchLimitedBytes(
  fetchFn: FetchFunction,
  address: string,
  limits: FetchLimits,
  cancel: AbortSignal,
  accept = 'application/json',
): Promise<Uint8Array> {
  const url = new URL(address)
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new WatchFetchError('address', `Only http(s) addresses are contacted: ${url.protocol}`)
  const timeout = AbortSignal.timeout(limits.timeoutMs)
  const signal = AbortSignal.any([cancel, timeout])
  const failed = (error: unknown): WatchFetchError => {
    if (error instanceof WatchFetchError) return error
    if (cancel.aborted) return new WatchFetchError('cancelled', 'The check was cancelled.')
    if (timeout.aborted)
      return new WatchFetchError('timeout', `${url.host} did not answer within ${Math.round(limits.timeoutMs / 1000)} s.`)
    return new WatchFetchError('offline', `${url.host} could not be reached (${(error as Error).message}).`)
  }
  let response: Response
  try {
    response = await fetchFn(url.href, { signal, redirect: 'follow', headers: { Accept: accept, 'User-Agent': USER_AGENT } })
  } catch (error) {
    throw failed(error)
  }
  const tooLarge = () =>
    new WatchFetchError('too-large', `${url.host} sent more than ${Math.round(limits.maxBytes / 1_000_000)} MB; nothing was read.`)
  try {
    if (!response.ok) throw new WatchFetchError('http', `${url.host} answered ${response.status} ${response.statusText}`.trim() + '.')
    const declared = Number(response.headers.get('content-length'))
    if (Number.isFinite(declared) && declared > limits.maxBytes) throw tooLarge()
    const reader = response.body?.getReader()
    if (!reader) return new Uint8Array()
    const chunks: Uint8Array[] = []
    let size = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > limits.maxBytes) {
        await reader.cancel().catch(() => undefined)
        throw tooLarge()
      }
      chunks.push(value)
    }
    return Buffer.concat(chunks)
  } catch (error) {
    await response.body?.cancel().catch(() => undefined)
    throw failed(error)
  }
}
