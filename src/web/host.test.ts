// The browser host against a real server, a real temporary database (seeded with the embedded
// dataset) and a fixture renderer folder. Requests go through node:http so Host, Origin and the
// fetch-metadata headers can be set freely (fetch forbids setting Host).
import { execFile } from 'node:child_process'
import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { networkInterfaces, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../core/open.ts'
import type { MeasureSummary } from '../shared/api.ts'
import { HTTP_TOKEN_HEADER } from '../shared/bridge.ts'
import type { ExchangeFile } from '../shared/exchange.ts'
import { CONTENT_SECURITY_POLICY, DEFAULT_MAX_BODY_BYTES, startWebHost, type WebHost } from './host.ts'

const execFileAsync = promisify(execFile)
const REPO = resolve(import.meta.dirname, '..', '..')
const INDEX_HTML = '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8">\n    <title>Fixture</title>\n  </head>\n  <body><div id="app"></div></body>\n</html>\n'
const SECRET = 'this file is outside the renderer folder'
const VICTIM = 'cn-mofcom-ga-ge-sb-ban'

interface Reply {
  status: number
  headers: IncomingHttpHeaders
  text: string
  json(): { ok: boolean; value?: unknown; error?: { code: string; message: string } }
}

interface Call {
  method?: string
  path: string
  headers?: OutgoingHttpHeaders
  body?: string | Buffer
  /** false: send no Host header at all. */
  setHost?: boolean
}

function send(port: number, call: Call): Promise<Reply> {
  return new Promise((resolveReply, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: call.method ?? 'GET',
        path: call.path,
        setHost: call.setHost ?? true,
        headers: { host: `127.0.0.1:${port}`, ...call.headers },
        agent: false,
      },
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

describe('browser host', () => {
  let dir: string
  let rendererDir: string
  let dbPath: string
  let host: WebHost
  const MAX_BODY = 256 * 1024

  const api = (method: string, input: unknown, headers: OutgoingHttpHeaders = {}, path = `/api/${method}`): Promise<Reply> =>
    send(host.port, {
      method: 'POST',
      path,
      headers: { 'content-type': 'application/json', [HTTP_TOKEN_HEADER]: host.token, ...headers },
      body: JSON.stringify(input),
    })
  const list = async (): Promise<MeasureSummary[]> => {
    const reply = await api('measures.list', { includeDeleted: true })
    expect(reply.status).toBe(200)
    return reply.json().value as MeasureSummary[]
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mt-web-'))
    rendererDir = join(dir, 'renderer')
    dbPath = join(dir, 'data', 'measures.db')
    await mkdir(join(rendererDir, 'assets', 'sub'), { recursive: true })
    await writeFile(join(rendererDir, 'index.html'), INDEX_HTML)
    await writeFile(join(rendererDir, 'assets', 'index-abc123.js'), 'console.log("app")\n')
    await writeFile(join(rendererDir, 'assets', 'index-abc123.css'), 'body{margin:0}\n')
    await writeFile(join(rendererDir, 'assets', 'sub', 'inner.txt'), 'inner\n')
    await writeFile(join(rendererDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
    await writeFile(join(rendererDir, '.env'), 'HIDDEN=1\n')
    await writeFile(join(dir, 'secret.txt'), SECRET)
    await symlink(join(dir, 'secret.txt'), join(rendererDir, 'assets', 'escape.txt'))
    host = await startWebHost({ dbPath, rendererDir, port: 0, pollMs: 100, heartbeatMs: 300, maxBodyBytes: MAX_BODY })
  })

  afterAll(async () => {
    await host?.close()
    await rm(dir, { recursive: true, force: true })
  })

  describe('listening', () => {
    it('binds 127.0.0.1 only, on the port it reports', () => {
      expect(host.address.address).toBe('127.0.0.1')
      expect(host.address.family).toBe('IPv4')
      expect(host.address.port).toBe(host.port)
      expect(host.url).toBe(`http://127.0.0.1:${host.port}/`)
    })

    it('cannot be reached through another interface', async () => {
      const external = Object.values(networkInterfaces())
        .flat()
        .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)
      if (!external) return
      await expect(
        new Promise((resolveReply, reject) => {
          const req = httpRequest({ host: external.address, port: host.port, path: '/', agent: false, timeout: 2_000 }, resolveReply)
          req.on('error', reject)
          req.on('timeout', () => req.destroy(new Error('timeout')))
          req.end()
        }),
      ).rejects.toThrow()
    })

    it('makes a new 32-byte secret per run', async () => {
      expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      const other = await startWebHost({ dbPath, rendererDir })
      try {
        expect(other.token).not.toBe(host.token)
        expect(other.port).not.toBe(host.port)
      } finally {
        await other.close()
      }
    })
  })

  describe('the page', () => {
    it('serves index.html with the token in <head> and the security headers', async () => {
      const reply = await send(host.port, { path: '/' })
      expect(reply.status).toBe(200)
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(reply.text).toMatch(new RegExp(`<head>\\s*<meta name="measure-tracker-token" content="${host.token}">`))
      expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
      expect(reply.headers['content-security-policy']).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
      )
      expect(reply.headers['x-content-type-options']).toBe('nosniff')
      expect(reply.headers['referrer-policy']).toBe('no-referrer')
      expect(reply.headers['cross-origin-opener-policy']).toBe('same-origin')
      expect(reply.headers['cross-origin-resource-policy']).toBe('same-origin')
      expect(reply.headers['cache-control']).toBe('no-store')
    })

    it('serves the same page at /index.html and for app routes (SPA fallback)', async () => {
      for (const path of ['/index.html', '/measures/us-bis-affiliates-rule', '/board?as-of=2026-11-09', '/assets/sub', '/assets/']) {
        const reply = await send(host.port, { path })
        expect(reply.status, path).toBe(200)
        expect(reply.headers['content-type'], path).toBe('text/html; charset=utf-8')
        expect(reply.text, path).toContain(`content="${host.token}"`)
        expect(reply.text, path).not.toContain('inner.txt')
      }
    })

    it('serves assets with their content types and no token', async () => {
      const js = await send(host.port, { path: '/assets/index-abc123.js' })
      expect(js.status).toBe(200)
      expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8')
      expect(js.text).toBe('console.log("app")\n')
      expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable')
      expect(js.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
      expect(js.headers['x-content-type-options']).toBe('nosniff')
      const css = await send(host.port, { path: '/assets/index-abc123.css' })
      expect(css.headers['content-type']).toBe('text/css; charset=utf-8')
      const svg = await send(host.port, { path: '/favicon.svg' })
      expect(svg.headers['content-type']).toBe('image/svg+xml')
      expect(svg.headers['cache-control']).toBe('no-cache')
    })

    it('answers HEAD without a body', async () => {
      const reply = await send(host.port, { method: 'HEAD', path: '/assets/index-abc123.js' })
      expect(reply.status).toBe(200)
      expect(reply.headers['content-length']).toBe(String('console.log("app")\n'.length))
      expect(reply.text).toBe('')
    })

    it('answers 404 for a missing file with an extension', async () => {
      const reply = await send(host.port, { path: '/assets/missing.js' })
      expect(reply.status).toBe(404)
      expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    })

    it('refuses other methods on the page', async () => {
      const reply = await send(host.port, { method: 'POST', path: '/' })
      expect(reply.status).toBe(405)
      expect(reply.headers.allow).toBe('GET, HEAD')
    })

    it('never serves a file outside the renderer folder or a hidden one', async () => {
      const secretAbsolute = join(dir, 'secret.txt')
      const attempts = [
        '/../secret.txt',
        '/assets/../../secret.txt',
        '/%2e%2e/secret.txt',
        '/%2E%2E/%2E%2E/secret.txt',
        '/assets/%2e%2e/%2e%2e/secret.txt',
        '/..%2fsecret.txt',
        '/assets/..%2f..%2fsecret.txt',
        '/..%5csecret.txt',
        '/assets/..%5c..%5csecret.txt',
        '/%2e%2e%2f%2e%2e%2fsecret.txt',
        secretAbsolute,
        `/${encodeURIComponent(secretAbsolute)}`,
        '/etc/passwd.txt',
        '/assets/escape.txt',
        '/.env',
        '/%2eenv',
        '/assets/index-abc123.js%00.txt',
      ]
      for (const path of attempts) {
        const reply = await send(host.port, { path })
        expect([403, 404], path).toContain(reply.status)
        expect(reply.text, path).not.toContain(SECRET)
        expect(reply.text, path).not.toContain('HIDDEN')
        expect(reply.text, path).not.toContain(host.token)
      }
    })

    it('treats an absolute path without an extension as an app route: the page, never the file', async () => {
      const reply = await send(host.port, { path: '/etc/passwd' })
      expect(reply.status).toBe(200)
      expect(reply.text).toBe((await send(host.port, { path: '/' })).text)
    })

    it('refuses request targets that are not a plain path', async () => {
      for (const path of ['//etc/passwd', `http://127.0.0.1:${host.port}/`, '*']) {
        const reply = await send(host.port, { path, method: path === '*' ? 'OPTIONS' : 'GET' })
        expect(reply.status, path).toBe(400)
        expect(reply.text).not.toContain(host.token)
      }
    })
  })

  describe('the API', () => {
    it('answers measures.list with the 12 seeded measures', async () => {
      const reply = await api('measures.list', {})
      expect(reply.status).toBe(200)
      expect(reply.headers['content-type']).toBe('application/json; charset=utf-8')
      expect(reply.headers['cache-control']).toBe('no-store')
      expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
      const result = reply.json()
      expect(result.ok).toBe(true)
      expect(result.value).toHaveLength(12)
    })

    it('accepts localhost as well as 127.0.0.1, and its own Origin and same-origin fetch metadata', async () => {
      const reply = await api('meta.info', {}, {
        host: `localhost:${host.port}`,
        origin: `http://localhost:${host.port}`,
        'sec-fetch-site': 'same-origin',
        'sec-fetch-mode': 'cors',
      })
      expect(reply.status).toBe(200)
      expect(reply.json()).toMatchObject({ ok: true, value: { measureCount: 12 } })
      const own = await api('meta.info', {}, { origin: `http://127.0.0.1:${host.port}` })
      expect(own.status).toBe(200)
    })

    it('treats an empty body as {}', async () => {
      const reply = await send(host.port, { method: 'POST', path: '/api/meta.info', headers: { [HTTP_TOKEN_HEADER]: host.token } })
      expect(reply.status).toBe(200)
      expect(reply.json().ok).toBe(true)
    })

    it('answers an unknown method with 404 and the service NOT_FOUND result', async () => {
      const reply = await api('measures.dropTable', {})
      expect(reply.status).toBe(404)
      expect(reply.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      const bare = await api('', {}, {}, '/api')
      expect(bare.status).toBe(404)
      expect(bare.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    })

    it('carries the service own failures with 200', async () => {
      const invalid = await api('measures.get', {})
      expect(invalid.status).toBe(200)
      expect(invalid.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      const missing = await api('measures.get', { id: 'no-such-measure' })
      expect(missing.status).toBe(200)
      expect(missing.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    })

    it('answers malformed JSON with 400 VALIDATION', async () => {
      const reply = await send(host.port, {
        method: 'POST',
        path: '/api/measures.list',
        headers: { [HTTP_TOKEN_HEADER]: host.token, 'content-type': 'application/json' },
        body: '{"filter": ',
      })
      expect(reply.status).toBe(400)
      expect(reply.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    })

    it('answers a body over the limit with 413, by Content-Length or while streaming', async () => {
      expect(DEFAULT_MAX_BODY_BYTES).toBe(210 * 1024 * 1024)
      const big = JSON.stringify({ file: 'x'.repeat(MAX_BODY) })
      const declared = await api('exchange.import', JSON.parse(big))
      expect(declared.status).toBe(413)
      expect(declared.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      const streamed = await new Promise<number>((resolveStatus, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: host.port,
            method: 'POST',
            path: '/api/exchange.import',
            headers: { [HTTP_TOKEN_HEADER]: host.token, 'transfer-encoding': 'chunked' },
            agent: false,
          },
          (res) => {
            res.resume()
            resolveStatus(res.statusCode ?? 0)
          },
        )
        // The server closes the connection once it has said no; writing on may fail.
        req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)))
        for (let i = 0; i < 8; i++) req.write(Buffer.alloc(64 * 1024, 0x20))
        req.end()
      })
      expect(streamed).toBe(413)
      // The host is still serving.
      expect((await api('meta.info', {})).status).toBe(200)
    })
  })

  describe('refusals', () => {
    const port = (): number => host.port
    // Each case tries to delete a measure; none of them may reach the service.
    const cases: { name: string; status: number; call: () => Partial<Call> }[] = [
      { name: 'no token', status: 403, call: () => ({ headers: { [HTTP_TOKEN_HEADER]: undefined } }) },
      { name: 'wrong token', status: 403, call: () => ({ headers: { [HTTP_TOKEN_HEADER]: 'A'.repeat(43) } }) },
      { name: 'empty token', status: 403, call: () => ({ headers: { [HTTP_TOKEN_HEADER]: '' } }) },
      { name: 'token in the query string only', status: 403, call: () => ({ path: `/api/measures.delete?token=${host.token}`, headers: { [HTTP_TOKEN_HEADER]: undefined } }) },
      { name: 'token under another header name', status: 403, call: () => ({ headers: { [HTTP_TOKEN_HEADER]: undefined, authorization: `Bearer ${host.token}` } }) },
      { name: 'foreign Host (DNS rebinding)', status: 403, call: () => ({ headers: { host: `evil.example:${port()}` } }) },
      { name: 'Host with another port', status: 403, call: () => ({ headers: { host: `127.0.0.1:${port() + 1}` } }) },
      { name: 'no Host header', status: 403, call: () => ({ setHost: false }) },
      { name: 'foreign Origin', status: 403, call: () => ({ headers: { origin: 'http://evil.example' } }) },
      { name: 'Origin of another local port', status: 403, call: () => ({ headers: { origin: `http://127.0.0.1:${port() + 1}` } }) },
      { name: 'Origin null', status: 403, call: () => ({ headers: { origin: 'null' } }) },
      { name: 'Sec-Fetch-Site cross-site', status: 403, call: () => ({ headers: { 'sec-fetch-site': 'cross-site' } }) },
      { name: 'Sec-Fetch-Site same-site', status: 403, call: () => ({ headers: { 'sec-fetch-site': 'same-site' } }) },
      { name: 'GET', status: 405, call: () => ({ method: 'GET' }) },
      { name: 'PUT', status: 405, call: () => ({ method: 'PUT' }) },
    ]

    for (const refusal of cases) {
      it(`${refusal.name} → ${refusal.status}, and the service is never called`, async () => {
        const call = refusal.call()
        const headers: OutgoingHttpHeaders = { 'content-type': 'application/json', [HTTP_TOKEN_HEADER]: host.token, ...call.headers }
        for (const [name, value] of Object.entries(headers)) if (value === undefined) delete headers[name]
        const reply = await send(host.port, {
          method: call.method ?? 'POST',
          path: call.path ?? '/api/measures.delete',
          headers,
          setHost: call.setHost,
          body: JSON.stringify({ id: VICTIM }),
        })
        expect(reply.status).toBe(refusal.status)
        expect(reply.json()).toMatchObject({ ok: false, error: { code: refusal.status === 403 ? 'FORBIDDEN' : 'VALIDATION' } })
        if (refusal.status === 405) expect(reply.headers.allow).toBe('POST')
        expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
        const measures = await list()
        expect(measures).toHaveLength(12)
        expect(measures.find((m) => m.id === VICTIM)?.deletedAt).toBeNull()
      })
    }

    it('the same request with everything right does reach the service', async () => {
      const reply = await api('measures.delete', { id: VICTIM }, { origin: `http://127.0.0.1:${host.port}`, 'sec-fetch-site': 'same-origin' })
      expect(reply.status).toBe(200)
      expect(reply.json()).toMatchObject({ ok: true, value: { id: VICTIM } })
      expect((await list()).find((m) => m.id === VICTIM)?.deletedAt).not.toBeNull()
      expect((await api('measures.restore', { id: VICTIM })).json().ok).toBe(true)
      const audit = host.store.service.call('measures.get', { id: VICTIM })
      expect(audit.ok && audit.value.history.every((entry) => entry.actor === 'web' || entry.action === 'seed')).toBe(true)
    })

    it('refuses the page itself to a foreign Host, so a rebinding page cannot read the token', async () => {
      for (const path of ['/', '/index.html', '/measures/x', '/assets/index-abc123.js']) {
        const reply = await send(host.port, { path, headers: { host: `evil.example:${host.port}` } })
        expect(reply.status, path).toBe(403)
        expect(reply.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
        expect(reply.text).not.toContain(host.token)
        expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
      }
    })

    it('refuses the page to a foreign Origin and to cross-site subresource reads, but follows a link to it', async () => {
      const foreign = await send(host.port, { path: '/', headers: { origin: 'http://evil.example' } })
      expect(foreign.status).toBe(403)
      expect(foreign.text).not.toContain(host.token)
      const read = await send(host.port, { path: '/', headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script' } })
      expect(read.status).toBe(403)
      expect(read.text).not.toContain(host.token)
      const framed = await send(host.port, { path: '/', headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'iframe' } })
      expect(framed.status).toBe(403)
      const link = await send(host.port, { path: '/', headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' } })
      expect(link.status).toBe(200)
    })
  })

  describe('push events', () => {
    interface Stream {
      status: number
      headers: IncomingHttpHeaders
      /** Everything received so far. */
      received(): string
      waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>
      close(): void
    }

    function openEvents(path: string, headers: OutgoingHttpHeaders = {}): Promise<Stream> {
      return new Promise((resolveStream, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port: host.port, path, headers: { host: `127.0.0.1:${host.port}`, accept: 'text/event-stream', ...headers }, agent: false },
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

    const DATA_CHANGED = /^data: \{"type":"data-changed"\}\n\n/m

    it('refuses the stream without the right token, to a foreign Host or Origin, cross-site, or by POST', async () => {
      const refusals: [string, OutgoingHttpHeaders, number][] = [
        ['/events', {}, 403],
        ['/events?token=wrong', {}, 403],
        [`/events?token=${host.token}`, { host: `evil.example:${host.port}` }, 403],
        [`/events?token=${host.token}`, { origin: 'http://evil.example' }, 403],
        [`/events?token=${host.token}`, { origin: 'null' }, 403],
        [`/events?token=${host.token}`, { 'sec-fetch-site': 'cross-site' }, 403],
      ]
      for (const [path, headers, status] of refusals) {
        const reply = await send(host.port, { path, headers })
        expect(reply.status, `${path} ${JSON.stringify(headers)}`).toBe(status)
        expect(reply.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      }
      const header = await send(host.port, { path: '/events', headers: { [HTTP_TOKEN_HEADER]: host.token } })
      expect(header.status).toBe(403)
      const post = await send(host.port, { method: 'POST', path: `/events?token=${host.token}` })
      expect(post.status).toBe(405)
    })

    it('sends data-changed when another connection commits (a second store on the same file)', async () => {
      const stream = await openEvents(`/events?token=${host.token}`)
      try {
        expect(stream.status).toBe(200)
        expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8')
        expect(stream.headers['cache-control']).toBe('no-store')
        expect(stream.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
        await stream.waitFor(/: connected\n\n/)
        expect(stream.received()).not.toMatch(DATA_CHANGED)
        const other = await openStore({ path: dbPath, actor: 'other-process' })
        try {
          const result = other.service.call('measures.update', { id: VICTIM, facts: { shortName: 'Changed elsewhere' } })
          expect(result.ok).toBe(true)
        } finally {
          other.close()
        }
        await stream.waitFor(DATA_CHANGED)
        const reply = await api('measures.get', { id: VICTIM })
        expect(reply.json()).toMatchObject({ ok: true, value: { shortName: 'Changed elsewhere' } })
      } finally {
        stream.close()
      }
    })

    it('sends data-changed when the command line imports a file', async () => {
      const exported = (await api('exchange.export', {})).json().value as ExchangeFile
      const measure = exported.measures.find((m) => m.id === VICTIM)
      expect(measure).toBeDefined()
      const file: ExchangeFile = { ...exported, measures: [{ ...measure!, id: 'imported-by-cli', links: [] }] }
      const filePath = join(dir, 'import.json')
      await writeFile(filePath, JSON.stringify(file))
      const stream = await openEvents(`/events?token=${host.token}`)
      try {
        await stream.waitFor(/: connected\n\n/)
        await execFileAsync(process.execPath, [join(REPO, 'src', 'cli', 'main.ts'), 'import', filePath, '--db', dbPath], { cwd: REPO })
        await stream.waitFor(DATA_CHANGED)
        expect((await list()).map((m) => m.id)).toContain('imported-by-cli')
      } finally {
        stream.close()
      }
    })

    it('sends data-changed after a mutation made through this host, not after a query', async () => {
      const stream = await openEvents(`/events?token=${host.token}`, { origin: `http://127.0.0.1:${host.port}`, 'sec-fetch-site': 'same-origin' })
      try {
        await stream.waitFor(/: connected\n\n/)
        await api('measures.list', {})
        const refused = await api('measures.update', { id: VICTIM, facts: { shortName: 'x'.repeat(10_000) } })
        expect(refused.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
        const dryRun = await api('exchange.import', { file: (await api('exchange.export', {})).json().value, dryRun: true, replace: true })
        expect(dryRun.json()).toMatchObject({ ok: true, value: { dryRun: true } })
        await new Promise((wait) => setTimeout(wait, 300))
        expect(stream.received()).not.toMatch(DATA_CHANGED)
        await api('measures.update', { id: VICTIM, facts: { shortName: 'Changed here' } })
        await stream.waitFor(DATA_CHANGED)
      } finally {
        stream.close()
      }
    })

    it('keeps the stream alive with heartbeat comments', async () => {
      const stream = await openEvents(`/events?token=${host.token}`)
      try {
        await stream.waitFor(/: heartbeat \d+\n\n/, 3_000)
      } finally {
        stream.close()
      }
    })
  })
})

describe('browser host without a built renderer', () => {
  it('says how to build the app, and the API still answers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mt-web-empty-'))
    const host = await startWebHost({ dbPath: join(dir, 'db.sqlite'), rendererDir: join(dir, 'no-build') })
    try {
      for (const path of ['/', '/index.html', '/measures/x']) {
        const reply = await send(host.port, { path })
        expect(reply.status, path).toBe(503)
        expect(reply.headers['content-type']).toBe('text/html; charset=utf-8')
        expect(reply.text).toContain('npm run web')
        expect(reply.text).not.toContain(host.token)
        expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
      }
      const reply = await send(host.port, { method: 'POST', path: '/api/meta.info', headers: { [HTTP_TOKEN_HEADER]: host.token }, body: '{}' })
      expect(reply.json()).toMatchObject({ ok: true })
    } finally {
      await host.close()
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('closing the host', () => {
  it('ends open event streams, frees the port and closes the database', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mt-web-close-'))
    const host = await startWebHost({ dbPath: join(dir, 'db.sqlite'), rendererDir: dir })
    try {
      const ended = new Promise<void>((resolveEnd, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port: host.port, path: `/events?token=${host.token}`, agent: false }, (res) => {
          res.resume()
          res.on('data', () => void host.close())
          res.on('end', () => resolveEnd())
          res.on('close', () => resolveEnd())
        })
        req.on('error', reject)
        req.end()
      })
      await ended
      await host.close()
      await expect(send(host.port, { path: '/' })).rejects.toThrow(/ECONNREFUSED/)
      expect(host.store.service.call('meta.info', {}).ok).toBe(false)
    } finally {
      await host.close()
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('refuses to start on a port that is taken, and leaves nothing open', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mt-web-busy-'))
    const first = await startWebHost({ dbPath: join(dir, 'db.sqlite'), rendererDir: dir })
    try {
      await expect(startWebHost({ dbPath: join(dir, 'db.sqlite'), rendererDir: dir, port: first.port })).rejects.toMatchObject({ code: 'EADDRINUSE' })
    } finally {
      await first.close()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
