// The browser host's refusals (src/web/README.md), proven from a real browser and from raw HTTP:
// no token, a foreign origin (another local server's page, same-site and cross-site), a foreign
// Host header (DNS rebinding), and the event stream without its token. Nothing is changed by any
// refused request. Web-only: the Electron app has no HTTP host.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import { test, expect, WEB_ONLY_REASON } from './support/fixtures.ts'
import { AFFILIATES } from './support/board.ts'

test.skip(({ projectName }) => projectName !== 'web', WEB_ONLY_REASON)

const TOKEN_HEADER = 'x-measure-tracker-token'

interface RawAnswer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/** One HTTP request from Node, with exactly the headers given (Node adds Host unless we do). */
function raw(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string; headersOnly?: boolean }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      if (options.headersOnly) {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' })
        res.destroy()
        return
      }
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

function forbidden(answer: RawAnswer): void {
  expect(answer.status).toBe(403)
  expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
}

/** What the app's own page can see through the API (with its token): the measures, deleted or not. */
type ApiAnswer = { status: number; json: { ok: boolean; value?: unknown; error?: { code: string } } }

async function apiFromPage(page: Page, method: string, input: unknown): Promise<ApiAnswer> {
  return page.evaluate(
    async ({ method, input, header }) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="measure-tracker-token"]')?.content ?? ''
      const response = await fetch(`/api/${method}`, { method: 'POST', headers: { [header]: token }, body: JSON.stringify(input) })
      return { status: response.status, json: (await response.json()) as ApiAnswer['json'] }
    },
    { method, input, header: TOKEN_HEADER },
  )
}

test('the page itself: the API needs the token from the page, the event stream its token too', async ({ page }) => {
  const withoutToken = await page.evaluate(async () => {
    const response = await fetch('/api/measures.list', { method: 'POST', body: '{}' })
    return { status: response.status, json: await response.json() }
  })
  expect(withoutToken.status).toBe(403)
  expect(withoutToken.json).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

  const wrongToken = await page.evaluate(async (header) => {
    const response = await fetch('/api/measures.list', { method: 'POST', headers: { [header]: 'not-the-token' }, body: '{}' })
    return response.status
  }, TOKEN_HEADER)
  expect(wrongToken).toBe(403)

  const withToken = await apiFromPage(page, 'measures.list', {})
  expect(withToken.status).toBe(200)
  expect(withToken.json.ok).toBe(true)
  expect(withToken.json.value).toHaveLength(12)

  // The event stream: no token → 403, the page's token → a stream.
  const events = await page.evaluate(async () => {
    const token = document.querySelector<HTMLMetaElement>('meta[name="measure-tracker-token"]')!.content
    const bare = await fetch('/events')
    const controller = new AbortController()
    const good = await fetch(`/events?token=${encodeURIComponent(token)}`, { signal: controller.signal })
    const result = { bare: bare.status, good: good.status, type: good.headers.get('content-type') }
    controller.abort()
    return result
  })
  expect(events).toEqual({ bare: 403, good: 200, type: expect.stringMatching(/^text\/event-stream/) })
})

test.describe('a page on another origin', () => {
  let server: Server
  let otherPort: number

  test.beforeAll(async () => {
    // Another local web server, as another dev server or a hostile page the user opened would be.
    server = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      res.end('<!doctype html><html lang="en"><title>Another site</title><h1>Another site</h1></html>')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    otherPort = (server.address() as AddressInfo).port
  })
  test.afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  for (const name of ['127.0.0.1', 'localhost'] as const) {
    const kind = name === '127.0.0.1' ? 'same-site (another port)' : 'cross-site'
    test(`${kind}: cannot read the page or its token, call the API, change data or open the stream`, async ({ app, page, context }) => {
      const host = app.host!
      const foreign = await context.newPage()
      // The browser hides refused answers from the page; its network layer still sees the status.
      // (CDP may report a response's extra info before the request itself: join them at the end.)
      const urls = new Map<string, string>()
      const statuses = new Map<string, number[]>()
      const cdp = await context.newCDPSession(foreign)
      cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url))
      cdp.on('Network.responseReceivedExtraInfo', (event) => statuses.set(event.requestId, [...(statuses.get(event.requestId) ?? []), event.statusCode]))
      const hostStatuses = () => {
        const byPath = new Map<string, number[]>()
        for (const [id, codes] of statuses) {
          const url = urls.get(id)
          if (!url?.startsWith(host.url)) continue
          const path = new URL(url).pathname
          byPath.set(path, [...(byPath.get(path) ?? []), ...codes])
        }
        return byPath
      }
      await cdp.send('Network.enable')
      const before = await apiFromPage(page, 'measures.get', { id: AFFILIATES })
      expect(before.json).toMatchObject({ ok: true, value: { id: AFFILIATES, deletedAt: null } })
      await foreign.goto(`http://${name}:${otherPort}/`)
      await expect(foreign.getByRole('heading', { name: 'Another site' })).toBeVisible()

      const attempts = await foreign.evaluate(
        async ({ base, token, header, id }) => {
          const outcome = async (run: () => Promise<Response>): Promise<string> => {
            try {
              const response = await run()
              return response.type === 'opaque' ? 'opaque' : `status ${response.status}`
            } catch {
              return 'blocked'
            }
          }
          const stream = await new Promise<string>((resolve) => {
            const source = new EventSource(`${base}events?token=${encodeURIComponent(token)}`)
            source.onopen = () => {
              source.close()
              resolve('open')
            }
            source.onerror = () => {
              source.close()
              resolve('error')
            }
          })
          return {
            // Reading the app's page (and the token in it) with CORS.
            readPage: await outcome(() => fetch(base)),
            // The API with CORS, even with the right token: the preflight is refused.
            listWithToken: await outcome(() => fetch(`${base}api/measures.list`, { method: 'POST', headers: { [header]: token }, body: '{}' })),
            // "Simple" requests need no preflight: they reach the host, which must refuse them.
            listSimple: await outcome(() => fetch(`${base}api/measures.list`, { method: 'POST', mode: 'no-cors', body: '{}' })),
            deleteSimple: await outcome(() => fetch(`${base}api/measures.delete`, { method: 'POST', mode: 'no-cors', body: JSON.stringify({ id }) })),
            stream,
          }
        },
        { base: host.url, token: host.token, header: TOKEN_HEADER, id: AFFILIATES },
      )
      // The browser let none of it through to the page ...
      expect(attempts).toEqual({ readPage: 'blocked', listWithToken: 'blocked', listSimple: 'blocked', deleteSimple: 'blocked', stream: 'error' })
      // ... and every request that reached the host (preflights included) was answered 403.
      await expect
        .poll(() => Object.fromEntries([...hostStatuses()].map(([path, codes]) => [path, [...new Set(codes)]])))
        .toEqual({ '/': [403], '/api/measures.list': [403], '/api/measures.delete': [403], '/events': [403] })

      // Nothing changed: the app's own page sees the measure as before (not deleted, no new audit entry).
      const after = await apiFromPage(page, 'measures.get', { id: AFFILIATES })
      expect(after.json).toEqual(before.json)
      const list = await apiFromPage(page, 'measures.list', {})
      expect(list.json.value).toHaveLength(12)
      await foreign.close()
    })
  }
})

test('raw HTTP: a foreign Host (DNS rebinding) or Origin is refused, even with the token; the stream needs its token', async ({ app }) => {
  const { port, token } = app.host!
  const json = { 'Content-Type': 'application/json', [TOKEN_HEADER]: token }

  // Control: our own Host and the token → the service answers.
  const ok = await raw(port, { method: 'POST', path: '/api/measures.list', headers: { Host: `127.0.0.1:${port}`, ...json }, body: '{}' })
  expect(ok.status).toBe(200)
  expect(JSON.parse(ok.body).ok).toBe(true)

  // A rebinding page's requests carry its own name: refused, the page and its token included.
  forbidden(await raw(port, { method: 'POST', path: '/api/measures.list', headers: { Host: `attacker.example:${port}`, ...json }, body: '{}' }))
  forbidden(await raw(port, { path: '/', headers: { Host: `attacker.example:${port}` } }))
  forbidden(await raw(port, { path: '/', headers: { Host: `127.0.0.1:${port + 1}` } }))
  const page = await raw(port, { path: '/', headers: { Host: `attacker.example:${port}` } })
  expect(page.body).not.toContain(token)

  // Foreign origins, a sandboxed frame's "null" included, even with the right Host and token.
  for (const origin of ['http://attacker.example', `http://127.0.0.1:${port + 1}`, 'null']) {
    forbidden(await raw(port, { method: 'POST', path: '/api/measures.delete', headers: { Host: `127.0.0.1:${port}`, Origin: origin, ...json }, body: JSON.stringify({ id: AFFILIATES }) }))
  }

  // The event stream: no token, a wrong one, or the token in a header instead of the query → 403.
  forbidden(await raw(port, { path: '/events', headers: { Host: `127.0.0.1:${port}` } }))
  forbidden(await raw(port, { path: '/events?token=wrong', headers: { Host: `127.0.0.1:${port}` } }))
  forbidden(await raw(port, { path: '/events', headers: { Host: `127.0.0.1:${port}`, [TOKEN_HEADER]: token } }))
  forbidden(await raw(port, { path: `/events?token=${encodeURIComponent(token)}`, headers: { Host: `attacker.example:${port}` } }))
  const stream = await raw(port, { path: `/events?token=${encodeURIComponent(token)}`, headers: { Host: `127.0.0.1:${port}` }, headersOnly: true })
  expect(stream.status).toBe(200)
  expect(stream.headers['content-type']).toMatch(/^text\/event-stream/)

  // Still there, not deleted.
  const get = await raw(port, { method: 'POST', path: '/api/measures.get', headers: { Host: `127.0.0.1:${port}`, ...json }, body: JSON.stringify({ id: AFFILIATES }) })
  expect(JSON.parse(get.body)).toMatchObject({ ok: true, value: { id: AFFILIATES, deletedAt: null } })
})
