// What the browser host accepts and for how long (limits.ts), and which API methods it serves at
// all (src/shared/exposed-methods.ts), against a real server and a real seeded database.
// Nothing here measures time: a slow client is simulated by not sending, and each test waits
// for what the client observes (an answer, a closed connection).
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http'
import { connect, type Socket } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { METHOD_NAMES } from '../shared/api.ts'
import type { MeasureSummary } from '../shared/api-views.ts'
import { EXPOSED_METHODS } from '../shared/exposed-methods.ts'
import { startWebHost, type WebHost, type WebHostOptions } from './host.ts'
import { DEFAULT_LIMITS } from './limits.ts'
import { openEvents, send, signIn, type Stream } from './http-test-client.ts'

const VICTIM = 'cn-mofcom-ga-ge-sb-ban'
const MB = 1024 * 1024

let dir: string
const hosts: WebHost[] = []

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mt-web-limits-'))
})
afterAll(async () => {
  await Promise.all(hosts.map((host) => host.close()))
  await rm(dir, { recursive: true, force: true })
})

let count = 0
async function start(options: Partial<WebHostOptions> = {}): Promise<{ host: WebHost; cookie: string }> {
  const host = await startWebHost({ dbPath: join(dir, `db-${count++}.sqlite`), rendererDir: join(dir, 'no-build'), ...options })
  hosts.push(host)
  return { host, cookie: await signIn(host) }
}

interface Early {
  status: number
  body: string
  /** Whether the server said "100 Continue" (it should not when it is going to refuse). */
  continued: boolean
}

/**
 * Starts a POST, sends its headers and `send` bytes of body (a promise of more to come by the
 * declared length or chunked encoding), and resolves with the answer — which must come without
 * the rest of the body ever being sent.
 */
function postWithoutFinishing(host: WebHost, cookie: string, path: string, headers: Record<string, string>, send: Buffer): Promise<Early> {
  return new Promise((resolve, reject) => {
    let continued = false
    const req: ClientRequest = httpRequest(
      {
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path,
        agent: false,
        headers: { host: `127.0.0.1:${host.port}`, cookie, ...headers },
      },
      (res: IncomingMessage) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => {
          req.destroy()
          resolve({ status: res.statusCode ?? 0, body, continued })
        })
      },
    )
    req.on('continue', () => (continued = true))
    // The server may close the connection after answering; the answer is what counts.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)))
    req.flushHeaders()
    if (send.length > 0) req.write(send)
  })
}

const measureCount = async (host: WebHost, cookie: string): Promise<number> => {
  const reply = await send(host.port, { method: 'POST', path: '/api/measures.list', headers: { cookie }, body: '{"includeDeleted":true}' })
  expect(reply.status).toBe(200)
  return (reply.json().value as MeasureSummary[]).length
}

describe('only what the page uses is served', () => {
  afterEach(() => vi.restoreAllMocks())
  const hidden = METHOD_NAMES.filter((name) => !(EXPOSED_METHODS as readonly string[]).includes(name))

  it('leaves out, among others, exchange.import and reminders.markShown', () => {
    expect(hidden).toEqual(expect.arrayContaining(['exchange.import', 'exchange.export', 'reminders.markShown', 'reminders.due']))
  })

  it('refuses every other method with 403 FORBIDDEN before the service is asked', async () => {
    const { host, cookie } = await start()
    const call = vi.spyOn(host.store.service, 'call')
    for (const method of hidden) {
      const reply = await send(host.port, {
        method: 'POST',
        path: `/api/${method}`,
        headers: { cookie, 'content-type': 'application/json' },
        body: '{}',
      })
      expect(reply.status, method).toBe(403)
      expect(reply.json(), method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(call).not.toHaveBeenCalled()
  })

  it('an import that would replace every measure changes nothing; marking reminders as shown silences nothing', async () => {
    const { host, cookie } = await start()
    const before = await measureCount(host, cookie)
    const exported = await host.store.service.call('exchange.export', {})
    if (!exported.ok) throw new Error(exported.error.message)
    const empty = { ...(exported.value as object), measures: [] }
    const imported = await send(host.port, {
      method: 'POST',
      path: '/api/exchange.import',
      headers: { cookie },
      body: JSON.stringify({ file: empty, replace: true }),
    })
    expect(imported.status).toBe(403)
    expect(await measureCount(host, cookie)).toBe(before)

    const due = await host.store.service.call('reminders.due', {})
    if (!due.ok) throw new Error(due.error.message)
    expect(due.value.reminders.length).toBeGreaterThan(0)
    const keys = due.value.reminders.map((reminder) => reminder.key)
    const marked = await send(host.port, {
      method: 'POST',
      path: '/api/reminders.markShown',
      headers: { cookie },
      body: JSON.stringify({ keys }),
    })
    expect(marked.status).toBe(403)
    const dueAfter = await host.store.service.call('reminders.due', {})
    expect(dueAfter.ok && dueAfter.value.reminders).toEqual(due.value.reminders)
  })

  it('answers a name that is no method at all with 404, also without asking the service', async () => {
    const { host, cookie } = await start()
    const call = vi.spyOn(host.store.service, 'call')
    const reply = await send(host.port, { method: 'POST', path: '/api/measures.dropTable', headers: { cookie }, body: '{}' })
    expect(reply.status).toBe(404)
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    // The host's own timers (the calendar file keeper, the watch runner) may ask the service meanwhile: not for this name.
    expect(call.mock.calls.map(([method]) => method)).not.toContain('measures.dropTable')
  })

  it('serves every method the page uses', async () => {
    const { host, cookie } = await start()
    for (const method of EXPOSED_METHODS) {
      const reply = await send(host.port, { method: 'POST', path: `/api/${method}`, headers: { cookie }, body: '{}' })
      // Reaching the service is what counts here: most of these answer VALIDATION to {} (with 200).
      expect(reply.status, method).toBe(200)
    }
  })
})

describe('request bodies', () => {
  it('refuses 200 MB to an ordinary method as soon as Content-Length says so, without reading it', async () => {
    const { host, cookie } = await start()
    const before = await measureCount(host, cookie)
    expect(DEFAULT_LIMITS.bodyBytes).toBe(1 * MB)
    const early = await postWithoutFinishing(
      host,
      cookie,
      '/api/notes.add',
      { 'content-type': 'application/json', 'content-length': String(200 * MB) },
      Buffer.from('{"measureId":'),
    )
    expect(early.status).toBe(413)
    expect(JSON.parse(early.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { limit: MB } } })
    // And it is still serving.
    expect(await measureCount(host, cookie)).toBe(before)
  })

  it('refuses a chunked body once it passes the limit, without waiting for its end', async () => {
    const { host, cookie } = await start()
    const before = await measureCount(host, cookie)
    const early = await postWithoutFinishing(
      host,
      cookie,
      '/api/measures.update',
      { 'transfer-encoding': 'chunked' },
      Buffer.alloc(MB + 64 * 1024, 0x20),
    )
    expect(early.status).toBe(413)
    expect(await measureCount(host, cookie)).toBe(before)
  })

  it('tells a client that asks first (Expect: 100-continue) no, before it sends a byte', async () => {
    const { host, cookie } = await start()
    const early = await postWithoutFinishing(
      host,
      cookie,
      '/api/notes.add',
      { expect: '100-continue', 'content-length': String(200 * MB) },
      Buffer.alloc(0),
    )
    expect(early).toMatchObject({ status: 413, continued: false })
    const hidden = await postWithoutFinishing(
      host,
      cookie,
      '/api/exchange.import',
      { expect: '100-continue', 'content-length': String(50 * MB) },
      Buffer.alloc(0),
    )
    expect(hidden).toMatchObject({ status: 403, continued: false })
  })

  it('lets a client that asks first send a body within the limit', async () => {
    const { host, cookie } = await start()
    const reply = await new Promise<{ status: number; continued: boolean }>((resolve, reject) => {
      let continued = false
      const body = JSON.stringify({ id: VICTIM })
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/measures.get',
          agent: false,
          headers: { cookie, expect: '100-continue', 'content-length': String(body.length) },
        },
        (res) => {
          res.resume()
          res.on('end', () => resolve({ status: res.statusCode ?? 0, continued }))
        },
      )
      req.on('continue', () => {
        continued = true
        req.end(body)
      })
      req.on('error', reject)
      req.flushHeaders()
    })
    expect(reply).toEqual({ status: 200, continued: true })
  })

  it('accepts a body just under the limit (whitespace is JSON too)', async () => {
    const { host, cookie } = await start()
    const body = JSON.stringify({ id: VICTIM }) + ' '.repeat(MB - 100)
    const reply = await send(host.port, { method: 'POST', path: '/api/measures.get', headers: { cookie }, body })
    expect(reply.status).toBe(200)
    expect(reply.json()).toMatchObject({ ok: true, value: { id: VICTIM } })
  })

  it('gives exchange.import, where a host serves it, the large limit and every other method the small one', async () => {
    const { host, cookie } = await start({
      exposedMethods: [...EXPOSED_METHODS, 'exchange.import', 'exchange.export'],
      limits: { bodyBytes: 64 * 1024, largeBodyBytes: 4 * MB },
    })
    const exported = await send(host.port, { method: 'POST', path: '/api/exchange.export', headers: { cookie }, body: '{}' })
    const file = exported.json().value
    // ~2 MB: the exchange file padded with whitespace, as a pretty-printed export would be.
    const importBody = JSON.stringify({ file, dryRun: true, replace: true }) + ' '.repeat(2 * MB)
    const imported = await send(host.port, { method: 'POST', path: '/api/exchange.import', headers: { cookie }, body: importBody })
    expect(imported.status).toBe(200)
    expect(imported.json()).toMatchObject({ ok: true, value: { dryRun: true } })
    const update = await send(host.port, {
      method: 'POST',
      path: '/api/measures.update',
      headers: { cookie },
      body: JSON.stringify({ id: VICTIM, facts: {} }) + ' '.repeat(128 * 1024),
    })
    expect(update.status).toBe(413)
    // Past the large limit: refused too, and the client (still sending) reads the answer.
    const tooBig = await send(host.port, {
      method: 'POST',
      path: '/api/exchange.import',
      headers: { cookie },
      body: importBody + ' '.repeat(2 * MB),
    })
    expect(tooBig.status).toBe(413)
  })

  it('answers 408 to a body that stops arriving, and goes on serving', async () => {
    const { host, cookie } = await start({ limits: { bodyTimeoutMs: 200 } })
    const before = await measureCount(host, cookie)
    const early = await postWithoutFinishing(host, cookie, '/api/measures.get', { 'content-length': '100' }, Buffer.from('{"id":'))
    expect(early.status).toBe(408)
    expect(JSON.parse(early.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await measureCount(host, cookie)).toBe(before)
  })
})

/** A raw TCP connection and everything the server sends on it, until it closes. */
function rawConnection(port: number): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let text = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (text += chunk))
    socket.on('error', () => undefined)
    const closed = new Promise<void>((done) => socket.on('close', () => done()))
    socket.once('connect', () => resolve({ socket, received: () => text, closed }))
    socket.once('error', reject)
  })
}

describe('slow and many clients', () => {
  it('closes a connection whose headers never finish (408)', async () => {
    const { host } = await start({ limits: { headersTimeoutMs: 200 } })
    const raw = await rawConnection(host.port)
    raw.socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Slow: `)
    await raw.closed
    expect(raw.received()).toMatch(/^HTTP\/1\.1 408 /)
  })

  it('closes connections past the cap at once, and takes new ones when one goes', async () => {
    const { host, cookie } = await start({ limits: { connections: 3 } })
    const request = `POST /api/measures.tags HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nCookie: ${cookie}\r\nContent-Length: 2\r\n\r\n{}`
    /** A kept-alive connection the host has answered on (so it counts), or null when it was closed unanswered. */
    const answered = async (): Promise<Awaited<ReturnType<typeof rawConnection>> | null> => {
      const raw = await rawConnection(host.port)
      raw.socket.write(request)
      await Promise.race([raw.closed, new Promise<void>((wait) => raw.socket.once('data', () => wait()))])
      return raw.received() === '' ? null : raw
    }
    const open: Awaited<ReturnType<typeof rawConnection>>[] = []
    try {
      // The sign-in's own connection may still be closing: a refused one is tried again.
      while (open.length < 3) {
        const raw = await answered()
        if (raw) open.push(raw)
      }
      expect(open.every((raw) => raw.received().startsWith('HTTP/1.1 200 '))).toBe(true)
      // The fourth connection is accepted by the kernel, then closed by the host unanswered.
      expect(await answered()).toBeNull()
      open.shift()!.socket.destroy()
      await expect
        .poll(
          async () =>
            (await send(host.port, { method: 'POST', path: '/api/measures.tags', headers: { cookie }, body: '{}' }).catch(() => null))
              ?.status,
        )
        .toBe(200)
    } finally {
      for (const raw of open) raw.socket.destroy()
    }
  })

  it('refuses event streams past the cap with 503, and takes one again when a tab closes', async () => {
    const { host, cookie } = await start({ limits: { eventClients: 2 } })
    const streams: Stream[] = []
    try {
      for (let i = 0; i < 2; i++) {
        const stream = await openEvents(host.port, '/events', { cookie })
        expect(stream.status).toBe(200)
        streams.push(stream)
      }
      const extra = await send(host.port, { path: '/events', headers: { cookie } })
      expect(extra.status).toBe(503)
      expect(extra.headers['retry-after']).toBeDefined()
      expect(extra.json()).toMatchObject({ ok: false })
      streams.shift()!.close()
      await expect
        .poll(async () => {
          const stream = await openEvents(host.port, '/events', { cookie })
          if (stream.status === 200) streams.push(stream)
          else stream.close()
          return stream.status
        })
        .toBe(200)
    } finally {
      for (const stream of streams) stream.close()
    }
  })
})
