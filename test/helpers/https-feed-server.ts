// A loopback HTTPS server for the signed dataset feed tests (issue 16): no test touches the internet,
// and the feed's https-only rule is exercised over real TLS. The certificate is a committed fixture
// (test/fixtures/https/: self-signed for localhost and 127.0.0.1, made with openssl, valid to 2126);
// only the test's fetch (`fetchTrusting`) or a test process's NODE_EXTRA_CA_CERTS trusts it — the
// app's own fetch never does.
import { readFileSync } from 'node:fs'
import { request as httpsRequest, createServer } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import type { FetchFunction } from '../../src/core/watch/fetch-limited.ts'

export const TEST_CERT_PATH = join(import.meta.dirname, '../fixtures/https/localhost-cert.pem')
const TEST_KEY_PATH = join(import.meta.dirname, '../fixtures/https/localhost-key.pem')
export const TEST_CA = readFileSync(TEST_CERT_PATH, 'utf8')

export type Route = (request: IncomingMessage, response: ServerResponse) => void

export interface HttpsFeedServer {
  /** https://127.0.0.1:PORT */
  origin: string
  /** Every request's path, in order. */
  requests: string[]
  route(path: string, handler: Route): void
  close(): Promise<void>
}

export const sendBytes =
  (body: Uint8Array | string, type = 'application/json'): Route =>
  (_request, response) => {
    response.writeHead(200, { 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)) })
    response.end(body)
  }

/**
 * An endless-looking answer of `totalBytes` written a megabyte at a time with back-pressure, so the
 * server never holds it: `sent()` says how much went out before the client hung up.
 */
export function streamLarge(totalBytes: number, declareLength: boolean): { route: Route; sent(): number } {
  let sent = 0
  const chunk = Buffer.alloc(1_000_000, 0x20)
  const route: Route = (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json', ...(declareLength ? { 'Content-Length': String(totalBytes) } : {}) })
    let closed = false
    response.on('close', () => (closed = true))
    const pump = () => {
      while (!closed && sent < totalBytes) {
        const piece = chunk.subarray(0, Math.min(chunk.length, totalBytes - sent))
        sent += piece.length
        if (!response.write(piece)) return void response.once('drain', pump)
      }
      if (!closed) response.end()
    }
    pump()
  }
  return { route, sent: () => sent }
}

export async function startHttpsFeedServer(): Promise<HttpsFeedServer> {
  const requests: string[] = []
  const routes = new Map<string, Route>()
  const server = createServer({ key: readFileSync(TEST_KEY_PATH), cert: TEST_CA }, (request, response) => {
    const path = new URL(request.url ?? '/', 'https://127.0.0.1').pathname
    requests.push(path)
    const handler = routes.get(path)
    if (handler) return handler(request, response)
    response.writeHead(404, { 'Content-Type': 'text/plain' })
    response.end('not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `https://127.0.0.1:${port}`,
    requests,
    route: (path, handler) => void routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/**
 * A fetch that trusts `ca` besides nothing else — the test's injected option. Built on node:https
 * (the platform fetch has no per-call CA), answering a standard Response whose body streams, so the
 * bounded fetch's size cap and cancel behave as with the real one.
 */
export function fetchTrusting(ca: string): FetchFunction {
  return (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const request = httpsRequest(
        url,
        { ca, signal: init.signal ?? undefined, headers: init.headers as Record<string, string> },
        (incoming) => {
          const headers = new Headers()
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (typeof value === 'string') headers.set(name, value)
            else if (Array.isArray(value)) for (const one of value) headers.append(name, one)
          }
          const body = Readable.toWeb(incoming) as unknown as ReadableStream<Uint8Array>
          resolve(new Response(body, { status: incoming.statusCode ?? 500, statusText: incoming.statusMessage ?? '', headers }))
        },
      )
      request.on('error', reject)
      request.end()
    })
}
