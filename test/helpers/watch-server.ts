// A local stand-in for the Federal Register API and for feeds (issue 16): a loopback HTTP server that
// serves the fixtures in test/fixtures/watch/ (formats and provenance in its README) and records
// every request, so no test touches the internet.
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'

export const WATCH_FIXTURES = join(import.meta.dirname, '../fixtures/watch')
export const watchFixture = (name: string): string => readFileSync(join(WATCH_FIXTURES, name), 'utf8')

export type Route = (request: IncomingMessage, response: ServerResponse, url: URL) => void

export interface WatchServer {
  /** http://127.0.0.1:PORT */
  origin: string
  /** The Federal Register search's address on this server. */
  federalRegisterApi: string
  /** Every request's URL, in order. */
  requests: URL[]
  /** Replaces what a path answers (default: the fixture files by name under /feeds/, the document search below). */
  route(path: string, handler: Route): void
  close(): Promise<void>
}

export const sendFixture =
  (name: string, type: string): Route =>
  (_request, response) => {
    const body = watchFixture(name)
    response.writeHead(200, { 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)) })
    response.end(body)
  }

export async function startWatchServer(): Promise<WatchServer> {
  const requests: URL[] = []
  const routes = new Map<string, Route>()
  routes.set('/api/v1/documents.json', sendFixture('federal-register-documents.json', 'application/json; charset=utf-8'))
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    requests.push(url)
    const route = routes.get(url.pathname)
    if (route) return route(request, response, url)
    const feed = /^\/feeds\/([a-z-]+\.(rss|atom))$/.exec(url.pathname)
    if (feed) return sendFixture(feed[1]!, feed[2] === 'rss' ? 'application/rss+xml' : 'application/atom+xml')(request, response, url)
    response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    federalRegisterApi: `${origin}/api/v1/documents.json`,
    requests,
    route: (path, handler) => routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
