// The browser host's refusals (src/web/README.md), proven from a real browser and from raw HTTP:
// the secret lives only in the printed URL and then in an HttpOnly cookie, so a browser profile
// (or another local user) without that URL gets 403 for the page, its files, the API and the
// event stream; a foreign origin (another local server's page, same-site and cross-site), a
// foreign Host header (DNS rebinding) and the event stream without the cookie are refused too.
// Nothing is changed by any refused request. Web-only: the Electron app has no HTTP host.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import { test, expect, WEB_ONLY_REASON } from './support/fixtures.ts'
import { AFFILIATES } from './support/board.ts'

test.skip(({ projectName }) => projectName !== 'web', WEB_ONLY_REASON)

interface RawAnswer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/** One HTTP request from Node, with exactly the headers given (Node adds Host unless we do). */
function raw(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string; headersOnly?: boolean },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
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
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

function forbidden(answer: RawAnswer): void {
  expect(answer.status).toBe(403)
  expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
}

/** What the app's own page can see through the API (its cookie goes along by itself). */
type ApiAnswer = { status: number; json: { ok: boolean; value?: unknown; error?: { code: string } } }

async function apiFromPage(page: Page, method: string, input: unknown): Promise<ApiAnswer> {
  return page.evaluate(
    async ({ method, input }) => {
      const response = await fetch(`/api/${method}`, { method: 'POST', body: JSON.stringify(input) })
      return { status: response.status, json: (await response.json()) as ApiAnswer['json'] }
    },
    { method, input },
  )
}

/** The address without its fragment (the app's hash route, `#/`): what the host redirected to. */
const withoutHash = (url: string): string => url.split('#')[0]!

/** The number of measures the app's page sees (the dataset may grow; the count must not change). */
async function measureCount(page: Page): Promise<number> {
  const list = await apiFromPage(page, 'measures.list', {})
  expect(list.json.ok).toBe(true)
  return (list.json.value as unknown[]).length
}

test('the printed URL lets this browser in with an HttpOnly, SameSite=Strict cookie and leaves a clean address', async ({
  app,
  page,
  context,
}) => {
  const host = app.host!
  expect(host.url).toBe(`${host.baseUrl}?token=${host.token}`)
  // The fixture opened host.url: the host redirected to the clean address, and the app runs.
  expect(withoutHash(page.url())).toBe(host.baseUrl)
  await expect(page.getByRole('heading', { level: 1, name: 'Status board' })).toBeVisible()
  expect(await page.evaluate(() => location.href)).not.toContain(host.token)

  const cookies = await context.cookies(host.baseUrl)
  expect(cookies).toHaveLength(1)
  expect(cookies[0]).toMatchObject({
    name: `measure-tracker-${host.port}`,
    domain: '127.0.0.1',
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    expires: -1,
  })
  expect(cookies[0]!.value).not.toBe(host.token)
  // Scripts in the page cannot read it.
  expect(await page.evaluate(() => document.cookie)).toBe('')

  // Neither the page as served nor the page as running carries the secret.
  const served = await page.request.get(host.baseUrl)
  expect(served.status()).toBe(200)
  const html = await served.text()
  expect(html).toContain('<div id="app">')
  expect(html).not.toContain(host.token)
  expect(html).not.toContain(cookies[0]!.value)
  expect(await page.content()).not.toContain(host.token)
  expect(await page.content()).not.toContain('measure-tracker-token')
})

test('another browser profile without the URL gets 403 for the page, its files, the API and the stream', async ({ app, page, browser }) => {
  const host = app.host!
  const before = await measureCount(page)
  // An asset the real page loads, to ask for it from the other profile.
  const script = await page.evaluate(() => document.querySelector<HTMLScriptElement>('script[src]')!.src)
  expect(script).toMatch(/\/assets\/.+\.js$/)

  const other = await browser.newContext()
  try {
    const stranger = await other.newPage()
    for (const url of [host.baseUrl, `${host.baseUrl}index.html`, script]) {
      const response = await stranger.goto(url)
      expect(response!.status(), url).toBe(403)
      expect(await response!.text(), url).toMatch(/no access/)
    }
    await expect(stranger.getByText(/this browser has no access/)).toBeVisible()
    // From the (refused) page on the same origin: the API and the stream are refused too.
    const attempts = await stranger.evaluate(async (id) => {
      const list = await fetch('/api/measures.list', { method: 'POST', body: '{}' })
      const remove = await fetch('/api/measures.delete', { method: 'POST', body: JSON.stringify({ id }) })
      const events = await fetch('/events')
      const stream = await new Promise<string>((resolve) => {
        const source = new EventSource('/events')
        source.onopen = () => (source.close(), resolve('open'))
        source.onerror = () => (source.close(), resolve('error'))
      })
      return { list: list.status, remove: remove.status, events: events.status, stream }
    }, AFFILIATES)
    expect(attempts).toEqual({ list: 403, remove: 403, events: 403, stream: 'error' })
    expect(await other.cookies()).toEqual([])

    // Opening the printed URL there lets that profile in as well.
    await stranger.goto(host.url)
    expect(withoutHash(stranger.url())).toBe(host.baseUrl)
    await expect(stranger.getByRole('heading', { level: 1, name: 'Status board' })).toBeVisible()
  } finally {
    await other.close()
  }
  expect(await measureCount(page)).toBe(before)
  expect((await apiFromPage(page, 'measures.get', { id: AFFILIATES })).json).toMatchObject({
    ok: true,
    value: { id: AFFILIATES, deletedAt: null },
  })
})

test('a link to the printed URL on another web site does not let the browser in; the address pasted does', async ({ app, browser }) => {
  const host = app.host!
  // The printed URL turns up as a link on some web page (localhost on another port: another site).
  const site = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(`<!doctype html><html lang="en"><title>Chat</title><a href="${host.url}">Measure Tracker</a></html>`)
  })
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
  const other = await browser.newContext()
  try {
    const tab = await other.newPage()
    await tab.goto(`http://localhost:${(site.address() as AddressInfo).port}/`)
    await Promise.all([tab.waitForURL(host.baseUrl), tab.getByRole('link', { name: 'Measure Tracker' }).click()])
    // The cookie was set, but the browser does not send a Strict cookie on a navigation another
    // site started: the page explains what to do instead.
    await expect(tab.getByText(/a link to it followed from another web site does not count/)).toBeVisible()
    await tab.goto(host.url)
    await expect(tab.getByRole('heading', { level: 1, name: 'Status board' })).toBeVisible()
  } finally {
    await other.close()
    await new Promise<void>((resolve) => site.close(() => resolve()))
  }
})

test('the page itself: the API and the stream take the cookie, not a token; unused methods are refused', async ({ page, app }) => {
  const host = app.host!
  const outcome = await page.evaluate(async (token) => {
    const withoutCookie = await fetch('/api/measures.list', { method: 'POST', body: '{}', credentials: 'omit' })
    const oldHeader = await fetch('/api/measures.list', {
      method: 'POST',
      body: '{}',
      credentials: 'omit',
      headers: { 'x-measure-tracker-token': token },
    })
    const withCookie = await fetch('/api/measures.list', { method: 'POST', body: '{}' })
    const controller = new AbortController()
    const streamWithout = await fetch(`/events?token=${encodeURIComponent(token)}`, { credentials: 'omit' })
    const stream = await fetch('/events', { signal: controller.signal })
    const result = {
      withoutCookie: withoutCookie.status,
      oldHeader: oldHeader.status,
      withCookie: withCookie.status,
      listed: ((await withCookie.json()) as { value: unknown[] }).value.length > 0,
      streamWithout: streamWithout.status,
      stream: stream.status,
      type: stream.headers.get('content-type'),
    }
    controller.abort()
    return result
  }, host.token)
  expect(outcome).toEqual({
    withoutCookie: 403,
    oldHeader: 403,
    withCookie: 200,
    listed: true,
    streamWithout: 403,
    stream: 200,
    type: expect.stringMatching(/^text\/event-stream/),
  })

  // Methods the UI never calls are not there for a script in the page either.
  for (const method of ['exchange.import', 'exchange.export', 'reminders.markShown']) {
    const answer = await apiFromPage(page, method, {})
    expect(answer.status, method).toBe(403)
    expect(answer.json, method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  }
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
    test(`${kind}: cannot read the page, call the API, change data or open the stream (with credentials: include)`, async ({
      app,
      page,
      context,
    }) => {
      const host = app.host!
      const foreign = await context.newPage()
      // The browser hides refused answers from the page; its network layer still sees the status.
      // (CDP may report a response's extra info before the request itself: join them at the end.)
      const urls = new Map<string, string>()
      const statuses = new Map<string, number[]>()
      const cdp = await context.newCDPSession(foreign)
      cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url))
      cdp.on('Network.responseReceivedExtraInfo', (event) =>
        statuses.set(event.requestId, [...(statuses.get(event.requestId) ?? []), event.statusCode]),
      )
      // Which requests went out with the app's cookie (the headers as actually sent).
      const withCookie = new Set<string>()
      cdp.on('Network.requestWillBeSentExtraInfo', (event) => {
        const cookie = Object.entries(event.headers).find(([header]) => header.toLowerCase() === 'cookie')?.[1]
        if (typeof cookie === 'string' && cookie.includes(`measure-tracker-${host.port}=`)) withCookie.add(event.requestId)
      })
      const hostStatuses = () => {
        const byPath = new Map<string, number[]>()
        for (const [id, codes] of statuses) {
          const url = urls.get(id)
          if (!url?.startsWith(host.baseUrl)) continue
          const path = new URL(url).pathname
          byPath.set(path, [...(byPath.get(path) ?? []), ...codes])
        }
        return byPath
      }
      await cdp.send('Network.enable')
      const before = await apiFromPage(page, 'measures.get', { id: AFFILIATES })
      expect(before.json).toMatchObject({ ok: true, value: { id: AFFILIATES, deletedAt: null } })
      const count = await measureCount(page)
      await foreign.goto(`http://${name}:${otherPort}/`)
      await expect(foreign.getByRole('heading', { name: 'Another site' })).toBeVisible()

      const attempts = await foreign.evaluate(
        async ({ base, id }) => {
          const outcome = async (run: () => Promise<Response>): Promise<string> => {
            try {
              const response = await run()
              return response.type === 'opaque' ? 'opaque' : `status ${response.status}`
            } catch {
              return 'blocked'
            }
          }
          const stream = await new Promise<string>((resolve) => {
            // 127.0.0.1 on another port is the same site: a SameSite=Strict cookie does go
            // along with these (credentials: include), so only the Origin and fetch-metadata
            // checks stand between this page and the data.
            const source = new EventSource(`${base}events`, { withCredentials: true })
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
            // Reading the app's page with CORS, the user's cookie attached.
            readPage: await outcome(() => fetch(base, { credentials: 'include' })),
            // The API with CORS and the cookie, with a JSON content type: the preflight is refused.
            listPreflighted: await outcome(() =>
              fetch(`${base}api/measures.list`, {
                method: 'POST',
                credentials: 'include',
                headers: { 'content-type': 'application/json' },
                body: '{}',
              }),
            ),
            // "Simple" requests need no preflight: they reach the host, cookie and all, which must refuse them.
            listSimple: await outcome(() =>
              fetch(`${base}api/measures.list`, { method: 'POST', mode: 'no-cors', credentials: 'include', body: '{}' }),
            ),
            deleteSimple: await outcome(() =>
              fetch(`${base}api/measures.delete`, {
                method: 'POST',
                mode: 'no-cors',
                credentials: 'include',
                body: JSON.stringify({ id }),
              }),
            ),
            stream,
          }
        },
        { base: host.baseUrl, id: AFFILIATES },
      )
      // The browser let none of it through to the page ...
      expect(attempts).toEqual({
        readPage: 'blocked',
        listPreflighted: 'blocked',
        listSimple: 'blocked',
        deleteSimple: 'blocked',
        stream: 'error',
      })
      // ... and every request that reached the host (preflights included) was answered 403.
      await expect
        .poll(() => Object.fromEntries([...hostStatuses()].map(([path, codes]) => [path, [...new Set(codes)]])))
        .toEqual({ '/': [403], '/api/measures.list': [403], '/api/measures.delete': [403], '/events': [403] })
      // Another port of 127.0.0.1 is the same site, so the Strict cookie did go along (only the
      // Origin and fetch-metadata checks refused those); from localhost (another site) it did not.
      const deleteSentCookie = [...urls].some(([id, url]) => url === `${host.baseUrl}api/measures.delete` && withCookie.has(id))
      expect(deleteSentCookie).toBe(name === '127.0.0.1')

      // Nothing changed: the app's own page sees the measure as before (not deleted, no new audit entry).
      const after = await apiFromPage(page, 'measures.get', { id: AFFILIATES })
      expect(after.json).toEqual(before.json)
      expect(await measureCount(page)).toBe(count)
      await foreign.close()
    })
  }
})

test('raw HTTP: without the cookie, or with a foreign Host (DNS rebinding) or Origin, nothing is served', async ({ app }) => {
  const { port, token } = app.host!
  const own = { Host: `127.0.0.1:${port}` }

  // Another local user connecting directly: the page, a file, the API and the stream are refused.
  const page = await raw(port, { path: '/', headers: own })
  expect(page.status).toBe(403)
  expect(page.body).not.toContain('<div id="app">')
  forbidden(await raw(port, { method: 'POST', path: '/api/measures.list', headers: own, body: '{}' }))
  forbidden(await raw(port, { path: '/events', headers: own }))
  forbidden(await raw(port, { path: `/events?token=${token}`, headers: own }))
  forbidden(
    await raw(port, { method: 'POST', path: '/api/measures.list', headers: { ...own, 'x-measure-tracker-token': token }, body: '{}' }),
  )

  // The printed URL, as a browser opens it: a cookie and a redirect.
  const signIn = await raw(port, { path: `/?token=${token}`, headers: own })
  expect(signIn.status).toBe(303)
  expect(signIn.headers.location).toBe('/')
  const cookie = signIn.headers['set-cookie']![0]!.split(';')[0]!
  const json = { 'Content-Type': 'application/json', Cookie: cookie }

  // Control: our own Host and the cookie → the service answers.
  const ok = await raw(port, { method: 'POST', path: '/api/measures.list', headers: { ...own, ...json }, body: '{}' })
  expect(ok.status).toBe(200)
  expect(JSON.parse(ok.body).ok).toBe(true)

  // A rebinding page's requests carry its own name: refused, the page and the URL exchange included.
  forbidden(
    await raw(port, { method: 'POST', path: '/api/measures.list', headers: { Host: `attacker.example:${port}`, ...json }, body: '{}' }),
  )
  forbidden(await raw(port, { path: '/', headers: { Host: `attacker.example:${port}`, Cookie: cookie } }))
  forbidden(await raw(port, { path: `/?token=${token}`, headers: { Host: `attacker.example:${port}` } }))
  forbidden(await raw(port, { path: '/', headers: { Host: `127.0.0.1:${port + 1}`, Cookie: cookie } }))

  // Foreign origins, a sandboxed frame's "null" included, even with the right Host and cookie.
  for (const origin of ['http://attacker.example', `http://127.0.0.1:${port + 1}`, 'null']) {
    forbidden(
      await raw(port, {
        method: 'POST',
        path: '/api/measures.delete',
        headers: { ...own, Origin: origin, ...json },
        body: JSON.stringify({ id: AFFILIATES }),
      }),
    )
  }

  // The event stream: the cookie, from our own Host.
  forbidden(await raw(port, { path: '/events', headers: { Host: `attacker.example:${port}`, Cookie: cookie } }))
  const stream = await raw(port, { path: '/events', headers: { ...own, Cookie: cookie }, headersOnly: true })
  expect(stream.status).toBe(200)
  expect(stream.headers['content-type']).toMatch(/^text\/event-stream/)

  // Still there, not deleted.
  const get = await raw(port, {
    method: 'POST',
    path: '/api/measures.get',
    headers: { ...own, ...json },
    body: JSON.stringify({ id: AFFILIATES }),
  })
  expect(JSON.parse(get.body)).toMatchObject({ ok: true, value: { id: AFFILIATES, deletedAt: null } })
})
