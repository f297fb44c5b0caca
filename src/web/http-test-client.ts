// Raw HTTP for the browser host's tests (host.test.ts, host-limits.test.ts): node:http so Host,
// Origin, Cookie and the fetch-metadata headers can be set freely (fetch forbids some of them),
// one connection per request so nothing is shared between calls.
import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http'
import type { WebHost } from './host.ts'

export interface Reply {
  status: number
  headers: IncomingHttpHeaders
  text: string
  json(): { ok: boolean; value?: unknown; error?: { code: string; message: string; details?: Record<string, unknown> } }
}

export interface Call {
  method?: string
  path: string
  headers?: OutgoingHttpHeaders
  body?: string | Buffer
  /** false: send no Host header at all. */
  setHost?: boolean
}

export function send(port: number, call: Call): Promise<Reply> {
  return new Promise((resolveReply, reject) => {
    const headers: OutgoingHttpHeaders = { host: `127.0.0.1:${port}`, ...call.headers }
    for (const [name, value] of Object.entries(headers)) if (value === undefined) delete headers[name]
    const req = httpRequest(
      { host: '127.0.0.1', port, method: call.method ?? 'GET', path: call.path, setHost: call.setHost ?? true, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolveReply({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) })
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    if (call.setHost === false) req.removeHeader('host')
    req.end(call.body)
  })
}

/** Opens the printed URL as a browser would and returns the `name=value` of the cookie it set. */
export async function signIn(host: WebHost): Promise<string> {
  const reply = await send(host.port, { path: new URL(host.url).pathname + new URL(host.url).search })
  const setCookie = reply.headers['set-cookie']?.[0]
  if (reply.status !== 303 || setCookie === undefined) throw new Error(`signing in answered ${reply.status}`)
  return setCookie.split(';')[0]!
}

export interface Stream {
  status: number
  headers: IncomingHttpHeaders
  /** Everything received so far. */
  received(): string
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>
  close(): void
}

export function openEvents(port: number, path: string, headers: OutgoingHttpHeaders = {}): Promise<Stream> {
  return new Promise((resolveStream, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, accept: 'text/event-stream', ...headers }, agent: false },
      (res) => {
        let text = ''
        const waiters = new Set<() => void>()
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          text += chunk
          for (const waiter of waiters) waiter()
        })
        res.on('error', () => undefined)
        resolveStream({
          status: res.statusCode ?? 0,
          headers: res.headers,
          received: () => text,
          waitFor(pattern, timeoutMs = 5_000) {
            return new Promise((done, fail) => {
              const check = (): void => {
                if (pattern.test(text)) {
                  waiters.delete(check)
                  clearTimeout(timer)
                  done()
                }
              }
              const timer = setTimeout(() => {
                waiters.delete(check)
                fail(new Error(`no ${pattern} within ${timeoutMs} ms; got ${JSON.stringify(text)}`))
              }, timeoutMs)
              waiters.add(check)
              check()
            })
          },
          close: () => req.destroy(),
        })
      },
    )
    req.on('error', reject)
    req.end()
  })
}
