// The browser host against a real server, a real temporary database (seeded with the embedded
// dataset) and a fixture renderer folder. Requests go through node:http (http-test-client.ts) so
// Host, Origin, Cookie and the fetch-metadata headers can be set freely. Limits and the methods
// the host refuses to expose: host-limits.test.ts.
import { actorName } from '../core/actor.ts'
import { execFile } from 'node:child_process'
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { networkInterfaces, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../core/open.ts'
import type { MeasureSummary } from '../shared/api-views.ts'
import type { ExchangeFile } from '../shared/exchange.ts'
import { CONTENT_SECURITY_POLICY, startWebHost, type WebHost } from './host.ts'
import { openEvents as openStream, send, signIn, type Call, type Reply } from './http-test-client.ts'

const execFileAsync = promisify(execFile)
const REPO = resolve(import.meta.dirname, '..', '..')
const INDEX_HTML =
  '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8">\n    <title>Fixture</title>\n  </head>\n  <body><div id="app"></div></body>\n</html>\n'
const SECRET = 'this file is outside the renderer folder'
const VICTIM = 'cn-mofcom-ga-ge-sb-ban'

describe('browser host', () => {
  let dir: string
  let rendererDir: string
  let dbPath: string
  let host: WebHost
  /** `name=value` of the session cookie, as a browser that opened the printed URL holds it. */
  let cookie: string
  /** How many measures the embedded dataset seeds (read through the store, not the host). */
  let seeded: number

  /** A request from that browser: its cookie unless the call sets `cookie` itself. */
  const asUser = (call: Call): Promise<Reply> => send(host.port, { ...call, headers: { cookie, ...call.headers } })
  const api = (method: string, input: unknown, headers: OutgoingHttpHeaders = {}, path = `/api/${method}`): Promise<Reply> =>
    asUser({ method: 'POST', path, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) })
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
    await mkdir(join(dir, 'data'))
    await writeFile(join(rendererDir, 'index.html'), INDEX_HTML)
    await writeFile(join(rendererDir, 'assets', 'index-abc123.js'), 'console.log("app")\n')
    await writeFile(join(rendererDir, 'assets', 'index-abc123.css'), 'body{margin:0}\n')
    await writeFile(join(rendererDir, 'assets', 'sub', 'inner.txt'), 'inner\n')
    await writeFile(join(rendererDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
    await writeFile(join(rendererDir, '.env'), 'HIDDEN=1\n')
    await writeFile(join(dir, 'secret.txt'), SECRET)
    await symlink(join(dir, 'secret.txt'), join(rendererDir, 'assets', 'escape.txt'))
    host = await startWebHost({ dbPath, rendererDir, port: 0, pollMs: 100, heartbeatMs: 300 })
    cookie = await signIn(host)
    const measures = await host.store.service.call('measures.list', {})
    seeded = measures.ok ? measures.value.length : NaN
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
      expect(host.baseUrl).toBe(`http://127.0.0.1:${host.port}/`)
      expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`)
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

  describe('the secret: only in the printed URL, then in an HttpOnly cookie', () => {
    const NO_COOKIE = { cookie: undefined }

    it('refuses the page, every asset, app routes, the API and the event stream to a browser without the cookie', async () => {
      // Another local user, or another browser profile: it can connect, but has not seen the URL.
      for (const path of [
        '/',
        '/index.html',
        '/measures/us-bis-affiliates-rule',
        '/assets/index-abc123.js',
        '/assets/index-abc123.css',
        '/favicon.svg',
        '/assets/missing.js',
      ]) {
        const reply = await send(host.port, { path })
        expect(reply.status, path).toBe(403)
        expect(reply.headers['content-type'], path).toBe('text/plain; charset=utf-8')
        expect(reply.text, path).toMatch(/no access/)
        expect(reply.text, path).not.toContain('console.log')
        expect(reply.text, path).not.toContain('<div id="app">')
        expect(reply.headers['set-cookie'], path).toBeUndefined()
        expect(reply.headers['content-security-policy'], path).toBe(CONTENT_SECURITY_POLICY)
      }
      const head = await send(host.port, { method: 'HEAD', path: '/' })
      expect(head.status).toBe(403)
      const list = await api('measures.list', {}, NO_COOKIE)
      expect(list.status).toBe(403)
      expect(list.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      const stream = await send(host.port, { path: '/events' })
      expect(stream.status).toBe(403)
      expect(stream.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    })

    it('exchanges the printed URL for an HttpOnly, SameSite=Strict, host-only cookie and redirects to the clean address', async () => {
      const reply = await send(host.port, { path: `/?token=${host.token}` })
      expect(reply.status).toBe(303)
      expect(reply.headers.location).toBe('/')
      expect(reply.headers['cache-control']).toBe('no-store')
      expect(reply.headers['referrer-policy']).toBe('no-referrer')
      const setCookie = reply.headers['set-cookie']
      expect(setCookie).toHaveLength(1)
      const [pair, ...attributes] = setCookie![0]!.split(';').map((part) => part.trim())
      expect(pair).toMatch(new RegExp(`^measure-tracker-${host.port}=[A-Za-z0-9_-]{43}$`))
      expect(attributes.map((a) => a.toLowerCase()).sort()).toEqual(['httponly', 'path=/', 'samesite=strict'])
      // The cookie is not the URL's secret: the secret is never sent again.
      expect(pair).not.toContain(host.token)
      expect(reply.text).not.toContain(host.token)

      // With it, the clean address serves the page, which carries neither secret.
      const page = await send(host.port, { path: '/', headers: { cookie: pair } })
      expect(page.status).toBe(200)
      expect(page.text).toBe(INDEX_HTML)
      expect(page.text).not.toContain(host.token)
      expect(page.text).not.toContain(pair!.split('=')[1])
    })

    it('keeps the path and the rest of the query when it redirects, and never a path that reads as another host', async () => {
      const route = await send(host.port, { path: `/measures/x?token=${host.token}&as-of=2026-11-09` })
      expect(route.status).toBe(303)
      expect(route.headers.location).toBe('/measures/x?as-of=2026-11-09')
      const odd = await send(host.port, { path: `/%5Cevil.example?token=${host.token}` })
      expect(odd.status).toBe(303)
      expect(odd.headers.location).toBe('/')
    })

    it('refuses a wrong, empty or repeated token, and the token sent by POST, without a cookie', async () => {
      const attempts: Call[] = [
        { path: '/?token=' + 'A'.repeat(43) },
        { path: '/?token=' },
        { path: `/?token=${host.token.slice(0, -1)}` },
        { path: `/?token=${host.token}&token=${host.token}` },
        { path: `/?TOKEN=${host.token}` },
        { method: 'POST', path: `/?token=${host.token}` },
      ]
      for (const call of attempts) {
        const reply = await send(host.port, call)
        expect(reply.status, call.path).toBe(403)
        expect(reply.headers['set-cookie'], call.path).toBeUndefined()
      }
    })

    it("takes only its own cookie: not a wrong value, not another port's cookie, not the URL secret in its place", async () => {
      const value = cookie.split('=')[1]!
      const refused: [string, OutgoingHttpHeaders, string?][] = [
        ['wrong value', { cookie: `measure-tracker-${host.port}=${'A'.repeat(43)}` }],
        ['another port', { cookie: `measure-tracker-${host.port + 1}=${value}` }],
        ['URL secret as the cookie', { cookie: `measure-tracker-${host.port}=${host.token}` }],
        ['empty', { cookie: `measure-tracker-${host.port}=` }],
        ['old token header', { cookie: undefined, 'x-measure-tracker-token': host.token }],
        ['bearer', { cookie: undefined, authorization: `Bearer ${host.token}` }],
        ['token in the API query', { cookie: undefined }, `/api/measures.list?token=${host.token}`],
      ]
      for (const [name, headers, path] of refused) {
        const reply = await api('measures.list', {}, headers, path)
        expect(reply.status, name).toBe(403)
      }
      const events = await send(host.port, { path: `/events?token=${host.token}` })
      expect(events.status).toBe(403)
      // Among other cookies, and next to a stale one of the same name, it is still found.
      const mixed = await api('measures.list', {}, { cookie: `theme=dark; measure-tracker-${host.port}=stale; ${cookie}` })
      expect(mixed.status).toBe(200)
    })

    it('accepts the URL again (a second profile opens it too), and its token is new on every run', async () => {
      const again = await signIn(host)
      expect(again).toBe(cookie)
      const other = await startWebHost({ dbPath, rendererDir })
      try {
        expect(other.token).not.toBe(host.token)
        expect((await send(other.port, { path: `/?token=${host.token}` })).status).toBe(403)
        const otherCookie = await signIn(other)
        expect(otherCookie).not.toBe(cookie)
        expect((await send(other.port, { path: '/', headers: { cookie } })).status).toBe(403)
      } finally {
        await other.close()
      }
    })
  })

  describe('the page', () => {
    it('serves index.html as built, with the security headers', async () => {
      const reply = await asUser({ path: '/' })
      expect(reply.status).toBe(200)
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(reply.text).toBe(INDEX_HTML)
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
        const reply = await asUser({ path })
        expect(reply.status, path).toBe(200)
        expect(reply.headers['content-type'], path).toBe('text/html; charset=utf-8')
        expect(reply.text, path).toBe(INDEX_HTML)
        expect(reply.text, path).not.toContain('inner.txt')
      }
    })

    it('serves assets with their content types', async () => {
      const js = await asUser({ path: '/assets/index-abc123.js' })
      expect(js.status).toBe(200)
      expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8')
      expect(js.text).toBe('console.log("app")\n')
      expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable')
      expect(js.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
      expect(js.headers['x-content-type-options']).toBe('nosniff')
      const css = await asUser({ path: '/assets/index-abc123.css' })
      expect(css.headers['content-type']).toBe('text/css; charset=utf-8')
      const svg = await asUser({ path: '/favicon.svg' })
      expect(svg.headers['content-type']).toBe('image/svg+xml')
      expect(svg.headers['cache-control']).toBe('no-cache')
    })

    it('answers HEAD without a body', async () => {
      const reply = await asUser({ method: 'HEAD', path: '/assets/index-abc123.js' })
      expect(reply.status).toBe(200)
      expect(reply.headers['content-length']).toBe(String('console.log("app")\n'.length))
      expect(reply.text).toBe('')
    })

    it('answers 404 for a missing file with an extension', async () => {
      const reply = await asUser({ path: '/assets/missing.js' })
      expect(reply.status).toBe(404)
      expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    })

    it('refuses other methods on the page', async () => {
      const reply = await asUser({ method: 'POST', path: '/' })
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
        const reply = await asUser({ path })
        expect([403, 404], path).toContain(reply.status)
        expect(reply.text, path).not.toContain(SECRET)
        expect(reply.text, path).not.toContain('HIDDEN')
      }
    })

    it('treats an absolute path without an extension as an app route: the page, never the file', async () => {
      const reply = await asUser({ path: '/etc/passwd' })
      expect(reply.status).toBe(200)
      expect(reply.text).toBe(INDEX_HTML)
    })

    it('refuses request targets that are not a plain path', async () => {
      for (const path of ['//etc/passwd', `http://127.0.0.1:${host.port}/`, '*']) {
        const reply = await asUser({ path, method: path === '*' ? 'OPTIONS' : 'GET' })
        expect(reply.status, path).toBe(400)
      }
    })
  })

  describe('the API', () => {
    it('answers measures.list with the seeded measures', async () => {
      const reply = await api('measures.list', {})
      expect(reply.status).toBe(200)
      expect(reply.headers['content-type']).toBe('application/json; charset=utf-8')
      expect(reply.headers['cache-control']).toBe('no-store')
      expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
      const result = reply.json()
      expect(result.ok).toBe(true)
      expect(result.value).toHaveLength(seeded)
      expect(seeded).toBeGreaterThan(0)
    })

    it('accepts its own Origin and same-origin fetch metadata', async () => {
      const reply = await api(
        'measures.list',
        {},
        { origin: `http://127.0.0.1:${host.port}`, 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' },
      )
      expect(reply.status).toBe(200)
      expect(reply.json().value).toHaveLength(seeded)
    })

    it('answers on localhost too, once the URL has been opened under that name (cookies are per host name)', async () => {
      const onLocalhost = { host: `localhost:${host.port}` }
      expect((await api('measures.list', {}, { ...onLocalhost, cookie: undefined })).status).toBe(403)
      const exchange = await send(host.port, { path: `/?token=${host.token}`, headers: onLocalhost })
      expect(exchange.status).toBe(303)
      const localCookie = exchange.headers['set-cookie']![0]!.split(';')[0]!
      const reply = await api(
        'measures.tags',
        {},
        { ...onLocalhost, origin: `http://localhost:${host.port}`, 'sec-fetch-site': 'same-origin', cookie: localCookie },
      )
      expect(reply.status).toBe(200)
      expect(reply.json().ok).toBe(true)
    })

    it('treats an empty body as {}', async () => {
      const reply = await asUser({ method: 'POST', path: '/api/measures.tags' })
      expect(reply.status).toBe(200)
      expect(reply.json().ok).toBe(true)
    })

    it('answers an unknown method with 404 NOT_FOUND', async () => {
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
      const reply = await asUser({
        method: 'POST',
        path: '/api/measures.list',
        headers: { 'content-type': 'application/json' },
        body: '{"filter": ',
      })
      expect(reply.status).toBe(400)
      expect(reply.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    })
  })

  describe('refusals', () => {
    const port = (): number => host.port
    // Each case tries to delete a measure; none of them may reach the service.
    const cases: { name: string; status: number; call: () => Partial<Call> }[] = [
      { name: 'no cookie', status: 403, call: () => ({ headers: { cookie: undefined } }) },
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
        const reply = await asUser({
          method: call.method ?? 'POST',
          path: call.path ?? '/api/measures.delete',
          headers: { 'content-type': 'application/json', ...call.headers },
          setHost: call.setHost,
          body: JSON.stringify({ id: VICTIM }),
        })
        expect(reply.status).toBe(refusal.status)
        expect(reply.json()).toMatchObject({ ok: false, error: { code: refusal.status === 403 ? 'FORBIDDEN' : 'VALIDATION' } })
        if (refusal.status === 405) expect(reply.headers.allow).toBe('POST')
        expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
        const measures = await list()
        expect(measures).toHaveLength(seeded)
        expect(measures.find((m) => m.id === VICTIM)?.deletedAt).toBeNull()
      })
    }

    it('the same request with everything right does reach the service', async () => {
      const reply = await api(
        'measures.delete',
        { id: VICTIM },
        { origin: `http://127.0.0.1:${host.port}`, 'sec-fetch-site': 'same-origin' },
      )
      expect(reply.status).toBe(200)
      expect(reply.json()).toMatchObject({ ok: true, value: { id: VICTIM } })
      expect((await list()).find((m) => m.id === VICTIM)?.deletedAt).not.toBeNull()
      expect((await api('measures.restore', { id: VICTIM })).json().ok).toBe(true)
      const audit = await host.store.service.call('measures.get', { id: VICTIM })
      expect(audit.ok && audit.value.history.every((entry) => entry.actor === actorName('web') || entry.action === 'seed')).toBe(true)
    })

    it('refuses the page and the URL exchange to a foreign Host, even with the cookie or the token', async () => {
      for (const path of ['/', '/index.html', '/measures/x', '/assets/index-abc123.js', `/?token=${host.token}`]) {
        const reply = await asUser({ path, headers: { host: `evil.example:${host.port}` } })
        expect(reply.status, path).toBe(403)
        expect(reply.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
        expect(reply.headers['set-cookie']).toBeUndefined()
        expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
      }
    })

    it('refuses the page to a foreign Origin and to cross-site subresource reads, and a cross-site link carries no cookie', async () => {
      const foreign = await asUser({ path: '/', headers: { origin: 'http://evil.example' } })
      expect(foreign.status).toBe(403)
      const read = await asUser({
        path: '/',
        headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script' },
      })
      expect(read.status).toBe(403)
      const framed = await asUser({
        path: '/',
        headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'iframe' },
      })
      expect(framed.status).toBe(403)
      // A link followed from another site passes the fetch-metadata check, but the browser does
      // not send a SameSite=Strict cookie with it: the host then says there is no access.
      const link = { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' }
      expect((await asUser({ path: '/', headers: link })).status).toBe(200)
      const withoutCookie = await asUser({ path: '/', headers: { ...link, cookie: undefined } })
      expect(withoutCookie.status).toBe(403)
      expect(withoutCookie.text).toMatch(/no access/)
    })
  })

  describe('push events', () => {
    const openEvents = (path: string, headers: OutgoingHttpHeaders = {}) => openStream(host.port, path, { cookie, ...headers })
    const DATA_CHANGED = /^data: \{"type":"data-changed"\}\n\n/m

    it('refuses the stream without the cookie, to a foreign Host or Origin, cross-site, or by POST', async () => {
      const refusals: [OutgoingHttpHeaders, number][] = [
        [{ cookie: undefined }, 403],
        [{ cookie: `measure-tracker-${host.port}=wrong` }, 403],
        [{ host: `evil.example:${host.port}` }, 403],
        [{ origin: 'http://evil.example' }, 403],
        [{ origin: 'null' }, 403],
        [{ 'sec-fetch-site': 'cross-site' }, 403],
        [{ 'sec-fetch-site': 'same-site' }, 403],
      ]
      for (const [headers, status] of refusals) {
        const reply = await asUser({ path: '/events', headers })
        expect(reply.status, JSON.stringify(headers)).toBe(status)
        expect(reply.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      }
      const post = await asUser({ method: 'POST', path: '/events' })
      expect(post.status).toBe(405)
    })

    it('sends data-changed when another connection commits (a second store on the same file)', async () => {
      const stream = await openEvents('/events')
      try {
        expect(stream.status).toBe(200)
        expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8')
        expect(stream.headers['cache-control']).toBe('no-store')
        expect(stream.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
        await stream.waitFor(/: connected\n\n/)
        expect(stream.received()).not.toMatch(DATA_CHANGED)
        const other = await openStore({ path: dbPath, actor: 'other-process' })
        try {
          const result = other.core.call('measures.update', { id: VICTIM, facts: { shortName: 'Changed elsewhere' } })
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
      const exported = await host.store.service.call('exchange.export', {})
      if (!exported.ok) throw new Error(exported.error.message)
      const file = exported.value as ExchangeFile
      const measure = file.measures.find((m) => m.id === VICTIM)
      expect(measure).toBeDefined()
      const filePath = join(dir, 'import.json')
      await writeFile(filePath, JSON.stringify({ ...file, measures: [{ ...measure!, id: 'imported-by-cli', links: [] }] }))
      const stream = await openEvents('/events')
      try {
        await stream.waitFor(/: connected\n\n/)
        await execFileAsync(process.execPath, [join(REPO, 'src', 'cli', 'main.ts'), 'import', filePath, '--db', dbPath], { cwd: REPO })
        await stream.waitFor(DATA_CHANGED)
        expect((await list()).map((m) => m.id)).toContain('imported-by-cli')
      } finally {
        stream.close()
      }
    })

    it('sends data-changed after a mutation made through this host, not after a query or a refused one', async () => {
      const stream = await openEvents('/events', { origin: `http://127.0.0.1:${host.port}`, 'sec-fetch-site': 'same-origin' })
      try {
        await stream.waitFor(/: connected\n\n/)
        await api('measures.list', {})
        const refused = await api('measures.update', { id: VICTIM, facts: { shortName: 'x'.repeat(10_000) } })
        expect(refused.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
        await new Promise((wait) => setTimeout(wait, 300))
        expect(stream.received()).not.toMatch(DATA_CHANGED)
        await api('measures.update', { id: VICTIM, facts: { shortName: 'Changed here' } })
        await stream.waitFor(DATA_CHANGED)
      } finally {
        stream.close()
      }
    })

    it('tells the pages when the core crashed and was started again, and goes on answering', async () => {
      const stream = await openEvents('/events')
      try {
        await stream.waitFor(/: connected\n\n/)
        await host.store.stopAbruptly()
        await stream.waitFor(/^data: \{"type":"core-restarted"\}\n\n/m, 20_000)
        expect((await api('measures.get', { id: VICTIM })).json()).toMatchObject({ ok: true, value: { id: VICTIM } })
      } finally {
        stream.close()
      }
    })

    it('keeps the stream alive with heartbeat comments', async () => {
      const stream = await openEvents('/events')
      try {
        await stream.waitFor(/: heartbeat \d+\n\n/, 3_000)
      } finally {
        stream.close()
      }
    })
  })
})

describe('browser host without a built renderer', () => {
  it('says how to build the app (once the URL is opened), and the API still answers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mt-web-empty-'))
    const host = await startWebHost({ dbPath: join(dir, 'db.sqlite'), rendererDir: join(dir, 'no-build') })
    try {
      expect((await send(host.port, { path: '/' })).status).toBe(403)
      const cookie = await signIn(host)
      for (const path of ['/', '/index.html', '/measures/x']) {
        const reply = await send(host.port, { path, headers: { cookie } })
        expect(reply.status, path).toBe(503)
        expect(reply.headers['content-type']).toBe('text/html; charset=utf-8')
        expect(reply.text).toContain('npm run web')
        expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
      }
      const reply = await send(host.port, { method: 'POST', path: '/api/measures.tags', headers: { cookie }, body: '{}' })
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
      const cookie = await signIn(host)
      const ended = new Promise<void>((resolveEnd, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port: host.port, path: '/events', headers: { cookie }, agent: false }, (res) => {
          expect(res.statusCode).toBe(200)
          res.resume()
          res.on('data', () => {
            host.close().catch(reject)
          })
          res.on('end', () => resolveEnd())
          res.on('close', () => resolveEnd())
        })
        req.on('error', reject)
        req.end()
      })
      await ended
      await host.close()
      await expect(send(host.port, { path: '/' })).rejects.toThrow(/ECONNREFUSED/)
      expect((await host.store.service.call('meta.info', {})).ok).toBe(false)
    } finally {
      await host.close()
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('refuses to start on a port that is taken, and leaves nothing open', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mt-web-busy-'))
    const first = await startWebHost({ dbPath: join(dir, 'db.sqlite'), rendererDir: dir })
    try {
      await expect(startWebHost({ dbPath: join(dir, 'db.sqlite'), rendererDir: dir, port: first.port })).rejects.toMatchObject({
        code: 'EADDRINUSE',
      })
    } finally {
      await first.close()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
