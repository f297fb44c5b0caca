// The browser host: the same service as the Electron app, over HTTP on 127.0.0.1, for the same
// renderer (development in a browser, and the Playwright `web` project). See README.md here for
// the protocol and the reasons behind each refusal.
import { createReadStream } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { openStore, type Store } from '../core/open.ts'
import { api, isMethodName } from '../shared/api.ts'
import { HTTP_API_PREFIX, HTTP_EVENTS_PATH, HTTP_TOKEN_HEADER } from '../shared/bridge.ts'
import { fail, type Result } from '../shared/result.ts'
import { createEventHub, DEFAULT_HEARTBEAT_MS } from './events.ts'
import { checkRequestSource, createToken, tokenMatches, type RequestKind } from './security.ts'
import { contentTypeFor, findStaticFile, hasExtension, missingBuildPage, readIndexHtml, safeSegments } from './static.ts'

/** Big enough for `exchange.import` of a very large dataset; anything bigger gets 413. */
export const DEFAULT_MAX_BODY_BYTES = 210 * 1024 * 1024
/** How often the database is polled for commits made by other processes. */
export const DEFAULT_POLL_MS = 500
export const LOOPBACK = '127.0.0.1'

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ')

/** Sent with every response, refusals and the event stream included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  // The default; static assets other than HTML override it below.
  'Cache-Control': 'no-store',
}

export interface WebHostOptions {
  dbPath: string
  /** 0 (the default) picks a free port. */
  port?: number
  /** The built renderer (electron-vite's out/renderer), resolved against the working directory. */
  rendererDir?: string
  /** Who the audit log names for changes made through this host. */
  actor?: string
  maxBodyBytes?: number
  pollMs?: number
  heartbeatMs?: number
  /** Unexpected errors while answering a request (default: printed to stderr). */
  onError?: (error: unknown) => void
}

export interface WebHost {
  /** Where to point the browser: http://127.0.0.1:PORT/ */
  url: string
  /** The per-run secret the served page carries in its meta tag. */
  token: string
  port: number
  /** What the listening socket is bound to (always 127.0.0.1). */
  address: AddressInfo
  /** The host's own connection to the database. */
  store: Store
  close(): Promise<void>
}

class BodyTooLarge extends Error {}

function sendJson(response: ServerResponse, status: number, result: Result<unknown>, extraHeaders: Record<string, string> = {}): void {
  let body: string
  try {
    body = JSON.stringify(result)
  } catch (error) {
    status = 500
    body = JSON.stringify(fail('INTERNAL', `The result could not be encoded: ${(error as Error).message}`))
  }
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    ...extraHeaders,
  })
  response.end(body)
}

function sendText(response: ServerResponse, status: number, contentType: string, body: string, head: boolean): void {
  response.writeHead(status, { 'Content-Type': contentType, 'Content-Length': String(Buffer.byteLength(body)) })
  response.end(head ? undefined : body)
}

/** Reads the whole body, refusing early (by Content-Length) or as soon as it passes `limit`. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLarge())
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let total = 0
    const onData = (chunk: Buffer): void => {
      total += chunk.length
      if (total > limit) {
        request.off('data', onData)
        request.pause()
        reject(new BodyTooLarge())
        return
      }
      chunks.push(chunk)
    }
    request.on('data', onData)
    request.on('end', () => resolveBody(Buffer.concat(chunks, total)))
    request.on('error', reject)
  })
}

function classify(pathname: string): RequestKind {
  if (pathname === '/api' || pathname.startsWith(HTTP_API_PREFIX)) return 'api'
  if (pathname === HTTP_EVENTS_PATH) return 'events'
  return 'static'
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const rendererDir = resolve(options.rendererDir ?? 'out/renderer')
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  const onError = options.onError ?? ((error: unknown) => console.error('Measure Tracker web host:', error))
  const token = createToken()
  const store = await openStore({ path: options.dbPath, actor: options.actor ?? 'web' })
  const hub = createEventHub(options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS)
  const dataChanged = (): void => hub.broadcast({ type: 'data-changed' })
  let port = 0

  async function serveApi(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
    if (request.method !== 'POST') {
      sendJson(response, 405, fail('VALIDATION', `${request.method} is not allowed here: call the API with POST`), { Allow: 'POST' })
      return
    }
    // Only the header counts: a token in the query string (or anywhere else) is not looked at.
    if (!tokenMatches(request.headers[HTTP_TOKEN_HEADER], token)) {
      sendJson(response, 403, fail('FORBIDDEN', `Missing or wrong ${HTTP_TOKEN_HEADER} header`))
      return
    }
    let method: string
    try {
      method = decodeURIComponent(pathname.slice(HTTP_API_PREFIX.length))
    } catch {
      method = pathname.slice(HTTP_API_PREFIX.length)
    }
    let raw: Buffer
    try {
      raw = await readBody(request, maxBodyBytes)
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error
      sendJson(response, 413, fail('VALIDATION', `The request body is larger than ${maxBodyBytes} bytes`, { limit: maxBodyBytes }), {
        Connection: 'close',
      })
      response.on('finish', () => request.socket.destroy())
      return
    }
    let input: unknown = undefined
    const text = raw.toString('utf8')
    if (text.trim() !== '') {
      try {
        input = JSON.parse(text)
      } catch (error) {
        sendJson(response, 400, fail('VALIDATION', `The request body is not valid JSON: ${(error as Error).message}`))
        return
      }
    }
    const result = store.service.call(method, input)
    if (!isMethodName(method)) {
      // The service's own NOT_FOUND result, with the HTTP status that says the same.
      sendJson(response, 404, result)
      return
    }
    if (result.ok && api[method].kind === 'mutation' && (input as { dryRun?: unknown } | undefined)?.dryRun !== true) dataChanged()
    sendJson(response, 200, result)
  }

  function serveEvents(request: IncomingMessage, response: ServerResponse, search: string): void {
    if (request.method !== 'GET') {
      sendJson(response, 405, fail('VALIDATION', `${request.method} is not allowed here: open the stream with GET`), { Allow: 'GET' })
      return
    }
    // EventSource cannot set headers, so the stream takes the token from the query string.
    if (!tokenMatches(new URLSearchParams(search).get('token'), token)) {
      sendJson(response, 403, fail('FORBIDDEN', 'Missing or wrong token'))
      return
    }
    hub.attach(response)
  }

  async function serveStatic(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
    const head = request.method === 'HEAD'
    if (request.method !== 'GET' && !head) {
      response.setHeader('Allow', 'GET, HEAD')
      sendText(response, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', false)
      return
    }
    // A path that cannot name a file inside the renderer folder (`..`, encoded or not, dotfiles,
    // backslashes) is not found — not even the page is served for it.
    if (safeSegments(pathname) === null) {
      sendText(response, 404, 'text/plain; charset=utf-8', 'Not found\n', head)
      return
    }
    const [file, index] = await Promise.all([findStaticFile(rendererDir, pathname), findStaticFile(rendererDir, '/index.html')])
    // The page itself, under any name that reaches it, and the app's own routes (SPA fallback).
    const isPage = pathname === '/' || pathname === '/index.html' || (file !== null && index !== null && file.path === index.path)
    if (isPage || (!file && !hasExtension(pathname))) {
      const html = await readIndexHtml(rendererDir, token)
      if (html === null) sendText(response, 503, 'text/html; charset=utf-8', missingBuildPage(rendererDir), head)
      else sendText(response, 200, 'text/html; charset=utf-8', html, head)
      return
    }
    if (!file) {
      sendText(response, 404, 'text/plain; charset=utf-8', 'Not found\n', head)
      return
    }
    const type = contentTypeFor(file.path)
    const immutable = pathname.startsWith('/assets/') && !type.startsWith('text/html')
    response.writeHead(200, {
      'Content-Type': type,
      'Content-Length': String(file.size),
      // Vite names built assets by content hash; everything else is revalidated, HTML never stored.
      'Cache-Control': type.startsWith('text/html') ? 'no-store' : immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
    if (head) {
      response.end()
      return
    }
    const stream = createReadStream(file.path)
    stream.on('error', (error) => {
      onError(error)
      response.destroy()
    })
    stream.pipe(response)
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value)
    const target = request.url ?? ''
    // Origin-form only: absolute-form (`GET http://other/…`) and `*` are not for this server.
    if (!target.startsWith('/') || target.startsWith('//')) {
      sendJson(response, 400, fail('VALIDATION', 'Bad request target'))
      return
    }
    const queryAt = target.indexOf('?')
    const pathname = queryAt < 0 ? target : target.slice(0, queryAt)
    const search = queryAt < 0 ? '' : target.slice(queryAt + 1)
    const kind = classify(pathname)
    // Every request — the page and its files too, so a rebinding page cannot even read the token.
    const refusal = checkRequestSource(request.headers, port, kind)
    if (refusal !== null) {
      sendJson(response, 403, fail('FORBIDDEN', refusal))
      return
    }
    if (kind === 'api') await serveApi(request, response, pathname)
    else if (kind === 'events') serveEvents(request, response, search)
    else await serveStatic(request, response, pathname)
  }

  // A missing Host header is refused by checkHost with the same 403 and headers as a wrong one.
  const server: Server = createServer({ requireHostHeader: false }, (request, response) => {
    handle(request, response).catch((error: unknown) => {
      onError(error)
      if (!response.headersSent) sendJson(response, 500, fail('INTERNAL', 'The server could not answer this request'))
      else response.destroy()
    })
  })

  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject)
      server.listen({ host: LOOPBACK, port: options.port ?? 0 }, () => {
        server.off('error', reject)
        resolveListen()
      })
    })
  } catch (error) {
    hub.close()
    store.close()
    throw error
  }
  const address = server.address() as AddressInfo
  port = address.port
  const stopWatching = store.watchExternalChanges(dataChanged, options.pollMs ?? DEFAULT_POLL_MS)

  let closing: Promise<void> | null = null
  return {
    url: `http://${LOOPBACK}:${port}/`,
    token,
    port,
    address,
    store,
    close() {
      closing ??= (async () => {
        stopWatching()
        hub.close()
        const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()))
        server.closeAllConnections()
        await closed
        store.close()
      })()
      return closing
    },
  }
}
