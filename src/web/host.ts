// The browser host: the same service as the Electron app, over HTTP on 127.0.0.1, for the same
// renderer (development in a browser, and the Playwright `web` project). See README.md here for
// the protocol and the reasons behind each refusal.
import { createReadStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createCalendarFileKeeper } from '../core/calendar-file.ts'
import { createWatchRunner } from '../core/watch/runner.ts'
import type { FetchFunction } from '../core/watch/fetch-limited.ts'
import { actorName } from '../core/actor.ts'
import { startCore, type CoreClient } from '../core/worker/core-client.ts'
import { api, isMethodName } from '../shared/api.ts'
import { HTTP_API_PREFIX, HTTP_CALENDAR_KEY_PARAM, HTTP_CALENDAR_PATH, HTTP_EVENTS_PATH } from '../shared/bridge.ts'
import { EXPOSED_METHODS } from '../shared/exposed-methods.ts'
import { fail, type Result } from '../shared/result.ts'
import { createEventHub, DEFAULT_HEARTBEAT_MS } from './events.ts'
import { BodyAborted, spoolBody } from './import-body.ts'
import { BodyTimedOut, BodyTooLarge, bodyLimitFor, DEFAULT_LIMITS, readBody, type HostLimits } from './limits.ts'
import { checkRequestSource, createToken, hasSession, sessionCookie, TOKEN_PARAM, tokenMatches, type RequestKind } from './security.ts'
import { findStaticFile, hasExtension, missingBuildPage, readIndexHtml, safeSegments } from './static.ts'
import { contentTypeFor } from '../shared/static-files.ts'

/**
 * After refusing a request whose body has not been read, the host keeps reading (and dropping)
 * what the client still sends for this long before it closes the connection: a client that is
 * still uploading then reads the refusal instead of a connection reset.
 */
const DRAIN_MS = 5_000
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
  /** Body sizes, connection and stream caps, timeouts (limits.ts); unset ones keep their defaults. */
  limits?: Partial<HostLimits>
  /** The API methods served (default: the ones the page uses, src/shared/exposed-methods.ts). */
  exposedMethods?: readonly string[]
  pollMs?: number
  heartbeatMs?: number
  /** Unexpected errors while answering a request (default: printed to stderr). */
  onError?: (error: unknown) => void
  /** Watching official sources (issue 16): the Federal Register search's address and the fetch used (tests serve fixtures locally). */
  watch?: { federalRegisterApi?: string; fetch?: FetchFunction }
}

export interface WebHost {
  /**
   * What to open in a browser, and the only place the secret appears:
   * http://127.0.0.1:PORT/?token=SECRET. Opening it sets the session cookie and lands on baseUrl.
   */
  url: string
  /** http://127.0.0.1:PORT/ — answers 403 to a browser that has not opened `url` yet. */
  baseUrl: string
  /** This run's secret (the `token` of `url`). */
  token: string
  port: number
  /** What the listening socket is bound to (always 127.0.0.1). */
  address: AddressInfo
  /** The core, in its worker thread: the host's service and its connection to the database. */
  store: CoreClient
  close(): Promise<void>
}

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

/**
 * Answers a request whose body may still be on its way without reading it: after the answer, what
 * the client still sends is dropped (never kept) for a moment, then the connection is closed.
 */
function drainAfterAnswer(request: IncomingMessage, response: ServerResponse): void {
  response.once('finish', () => {
    if (request.complete) return
    request.resume()
    const timer = setTimeout(() => request.socket.destroy(), DRAIN_MS)
    timer.unref()
    request.socket.once('close', () => clearTimeout(timer))
  })
}

const NO_ACCESS_TEXT = `Measure Tracker: this browser has no access.

Open the address the host printed when it started (npm run web or npm start): it ends in
?token=... and lets this browser in until the host stops. Paste it into the address bar or open
it from the terminal: a link to it followed from another web site does not count. Another
browser, profile or user without that address is refused.
`

function classify(pathname: string): RequestKind {
  if (pathname === '/api' || pathname.startsWith(HTTP_API_PREFIX)) return 'api'
  if (pathname === HTTP_EVENTS_PATH) return 'events'
  if (pathname === HTTP_CALENDAR_PATH) return 'calendar'
  return 'static'
}

const NO_CALENDAR_TEXT = `Measure Tracker: this calendar address is not valid.

Copy the current address from Settings → Calendar in the app: a renewed address replaces the old
one, and an address that was turned off answers nothing.
`

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const rendererDir = resolve(options.rendererDir ?? 'out/renderer')
  const limits: HostLimits = { ...DEFAULT_LIMITS, ...options.limits }
  const exposed: ReadonlySet<string> = new Set(options.exposedMethods ?? EXPOSED_METHODS)
  const onError = options.onError ?? ((error: unknown) => console.error('Measure Tracker web host:', error))
  // The secret of the printed URL, and the value of the cookie it is exchanged for: two values,
  // so the URL's secret never travels again after the first request.
  const token = createToken()
  const session = createToken()
  // The core runs in a worker thread: an import or a report never stalls this thread's requests.
  const store = await startCore({
    path: options.dbPath,
    actor: options.actor ?? actorName('web'),
    dailyBackup: true,
    log: (message) => onError(new Error(message)),
  })
  const hub = createEventHub(options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS)
  // A crash of the core: the pages say so (and reload what they show), the core is already starting again.
  store.onRestart(() => hub.broadcast({ type: 'core-restarted' }))
  // The subscribable calendar's file, if one is kept, is rewritten after every change this host learns of.
  const calendarFile = createCalendarFileKeeper({ service: store.service, log: (message) => onError(new Error(message)) })
  // Watching official sources (off until the user turns it on): the host, not the page, contacts the network.
  const watch = createWatchRunner({
    service: store.service,
    federalRegisterApi: options.watch?.federalRegisterApi,
    fetch: options.watch?.fetch,
    onRecorded: () => hub.broadcast({ type: 'data-changed' }),
    log: (message) => onError(new Error(message)),
  })
  const dataChanged = (): void => {
    hub.broadcast({ type: 'data-changed' })
    calendarFile.changed()
    watch.changed()
  }
  let port = 0

  /**
   * The printed URL's `?token=`: the right one sets the session cookie and redirects to the same
   * address without it (so the secret leaves the address bar and history); a wrong one is refused.
   */
  function exchangeToken(request: IncomingMessage, response: ServerResponse, pathname: string, query: URLSearchParams): void {
    const head = request.method === 'HEAD'
    const presented = query.getAll(TOKEN_PARAM)
    if ((request.method !== 'GET' && !head) || presented.length !== 1 || !tokenMatches(presented[0], token)) {
      drainAfterAnswer(request, response)
      sendText(response, 403, 'text/plain; charset=utf-8', NO_ACCESS_TEXT, head)
      return
    }
    query.delete(TOKEN_PARAM)
    const rest = query.toString()
    // A path that could read as another host (`/\evil`) never goes into Location.
    const path = safeSegments(pathname) === null ? '/' : pathname
    response.writeHead(303, {
      Location: rest === '' ? path : `${path}?${rest}`,
      'Set-Cookie': sessionCookie(port, session),
      'Content-Length': '0',
    })
    response.end()
  }

  function refuseWithoutSession(request: IncomingMessage, response: ServerResponse, kind: RequestKind): void {
    drainAfterAnswer(request, response)
    if (kind === 'static') sendText(response, 403, 'text/plain; charset=utf-8', NO_ACCESS_TEXT, request.method === 'HEAD')
    else
      sendJson(
        response,
        403,
        fail('FORBIDDEN', 'No access: open the address the host printed (it ends in ?token=...) in this browser first'),
      )
  }

  async function serveApi(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
    if (request.method !== 'POST') {
      drainAfterAnswer(request, response)
      sendJson(response, 405, fail('VALIDATION', `${request.method} is not allowed here: call the API with POST`), { Allow: 'POST' })
      return
    }
    let method: string
    try {
      method = decodeURIComponent(pathname.slice(HTTP_API_PREFIX.length))
    } catch {
      method = pathname.slice(HTTP_API_PREFIX.length)
    }
    // Decided by name, before a byte of the body is read or the service is asked anything.
    if (!isMethodName(method)) {
      drainAfterAnswer(request, response)
      sendJson(response, 404, fail('NOT_FOUND', `Unknown method "${method}"`))
      return
    }
    if (!exposed.has(method)) {
      drainAfterAnswer(request, response)
      sendJson(response, 403, fail('FORBIDDEN', `${method} is not available to the page (the command line has it)`))
      return
    }
    const limit = bodyLimitFor(method, limits)
    // A client that asked first (Expect: 100-continue) sends its body only once told to.
    const expectsContinue = /100-continue/i.test(request.headers.expect ?? '')
    const proceed = () => expectsContinue && response.writeContinue()
    if (method === 'exchange.import') return serveImport(request, response, limit, proceed)
    let raw: Buffer
    try {
      raw = await readBody(request, limit, limits.bodyTimeoutMs, proceed)
    } catch (error) {
      refuseBody(request, response, method, limit, error)
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
    const result = await store.service.call(method, input)
    if (result.ok && api[method].kind === 'mutation' && (input as { dryRun?: unknown } | undefined)?.dryRun !== true) dataChanged()
    sendJson(response, 200, result)
  }

  /** 413 for a body past the limit, 408 for one that stopped arriving; anything else is rethrown. */
  function refuseBody(request: IncomingMessage, response: ServerResponse, method: string, limit: number, error: unknown): void {
    if (!(error instanceof BodyTooLarge) && !(error instanceof BodyTimedOut)) throw error
    drainAfterAnswer(request, response)
    if (error instanceof BodyTooLarge)
      sendJson(response, 413, fail('VALIDATION', `The request body of ${method} is larger than ${limit} bytes`, { limit }))
    else sendJson(response, 408, fail('VALIDATION', error.message))
  }

  /**
   * exchange.import: the body is spooled to a private temporary file and imported one measure at
   * a time (import-body.ts), so neither the body nor the file it carries is ever held whole; a
   * hostile shape is refused by the scan before anything is parsed, and this process serves every
   * other request meanwhile.
   */
  async function serveImport(request: IncomingMessage, response: ServerResponse, limit: number, proceed: () => void): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), 'measure-tracker-upload-'))
    try {
      const path = join(dir, 'body.json')
      try {
        await spoolBody(request, path, limit, limits.bodyTimeoutMs, proceed)
      } catch (error) {
        if (error instanceof BodyAborted) return
        refuseBody(request, response, 'exchange.import', limit, error)
        return
      }
      const answer = await store.importRequestFile(path)
      if (answer.result.ok && !answer.result.value.dryRun) dataChanged()
      sendJson(response, answer.status, answer.result)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }

  /**
   * GET /calendar.ics?key=…: the calendar for a program that subscribes to it. The subscription's
   * own key (compared in constant time) is the only credential; no key, a wrong one or none set → 403.
   */
  async function serveCalendar(request: IncomingMessage, response: ServerResponse, query: URLSearchParams): Promise<void> {
    const head = request.method === 'HEAD'
    if (request.method !== 'GET' && !head) {
      drainAfterAnswer(request, response)
      response.setHeader('Allow', 'GET, HEAD')
      sendText(response, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', false)
      return
    }
    const subscription = await store.service.call('calendar.subscription', {})
    const presented = query.getAll(HTTP_CALENDAR_KEY_PARAM)
    const key = subscription.ok ? subscription.value.feedKey : null
    if (key === null || presented.length !== 1 || !tokenMatches(presented[0], key)) {
      sendText(response, 403, 'text/plain; charset=utf-8', NO_CALENDAR_TEXT, head)
      return
    }
    const file = await store.service.call('calendar.export', { locale: subscription.ok ? subscription.value.locale : 'en' })
    if (!file.ok) {
      sendText(response, 500, 'text/plain; charset=utf-8', `Measure Tracker: the calendar could not be made: ${file.error.message}\n`, head)
      return
    }
    response.setHeader('Content-Disposition', `inline; filename="${file.value.filename}"`)
    sendText(response, 200, 'text/calendar; charset=utf-8', file.value.content, head)
  }

  function serveEvents(request: IncomingMessage, response: ServerResponse): void {
    if (request.method !== 'GET') {
      drainAfterAnswer(request, response)
      sendJson(response, 405, fail('VALIDATION', `${request.method} is not allowed here: open the stream with GET`), { Allow: 'GET' })
      return
    }
    // One stream per open tab; past the cap a tab left open elsewhere is likelier than a need.
    if (hub.size >= limits.eventClients) {
      sendJson(
        response,
        503,
        fail('INTERNAL', `Too many open event streams (${limits.eventClients}): close other tabs of Measure Tracker`),
        {
          'Retry-After': '10',
        },
      )
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
      const html = await readIndexHtml(rendererDir)
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
      drainAfterAnswer(request, response)
      sendJson(response, 400, fail('VALIDATION', 'Bad request target'))
      return
    }
    const queryAt = target.indexOf('?')
    const pathname = queryAt < 0 ? target : target.slice(0, queryAt)
    const query = new URLSearchParams(queryAt < 0 ? '' : target.slice(queryAt + 1))
    const kind = classify(pathname)
    // Every request — the page and its files too, so a rebinding page cannot even read them.
    const refusal = checkRequestSource(request.headers, port, kind)
    if (refusal !== null) {
      drainAfterAnswer(request, response)
      sendJson(response, 403, fail('FORBIDDEN', refusal))
      return
    }
    // A calendar program has no cookie: the calendar address carries its own key.
    if (kind === 'calendar') {
      await serveCalendar(request, response, query)
      return
    }
    // The printed URL is opened as a page; the API and the stream take the cookie only.
    if (kind === 'static' && query.has(TOKEN_PARAM)) {
      exchangeToken(request, response, pathname, query)
      return
    }
    if (!hasSession(request.headers, port, session)) {
      refuseWithoutSession(request, response, kind)
      return
    }
    if (kind === 'api') await serveApi(request, response, pathname)
    else if (kind === 'events') serveEvents(request, response)
    else await serveStatic(request, response, pathname)
  }

  const onRequest = (request: IncomingMessage, response: ServerResponse): void => {
    handle(request, response).catch((error: unknown) => {
      onError(error)
      if (!response.headersSent) sendJson(response, 500, fail('INTERNAL', 'The server could not answer this request'))
      else response.destroy()
    })
  }
  const server: Server = createServer(
    {
      // A missing Host header is refused by checkHost with the same 403 and headers as a wrong one.
      requireHostHeader: false,
      // Slow senders: headers within headersTimeout, the whole request within requestTimeout
      // (Node answers 408 and closes), looked at often enough for short test limits to bite.
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(30_000, limits.headersTimeoutMs / 4)),
    },
    onRequest,
  )
  // Handling Expect: 100-continue ourselves means a client that asks first is refused (403, 413)
  // before it sends the body at all; Node would otherwise tell it to go ahead.
  server.on('checkContinue', onRequest)
  // Past this many open connections, new ones are closed at once (Node's own cap).
  server.maxConnections = limits.connections

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
    await store.close()
    throw error
  }
  const address = server.address() as AddressInfo
  port = address.port
  const stopWatching = store.watchExternalChanges(dataChanged, options.pollMs ?? DEFAULT_POLL_MS)
  calendarFile.changed()
  watch.changed()

  let closing: Promise<void> | null = null
  const baseUrl = `http://${LOOPBACK}:${port}/`
  return {
    url: `${baseUrl}?${TOKEN_PARAM}=${token}`,
    baseUrl,
    token,
    port,
    address,
    store,
    close() {
      closing ??= (async () => {
        stopWatching()
        calendarFile.stop()
        watch.stop()
        hub.close()
        const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()))
        server.closeAllConnections()
        await closed
        // A check in flight was aborted by stop(); it records its end before the store closes.
        await watch.idle()
        await store.close()
      })()
      return closing
    },
  }
}
