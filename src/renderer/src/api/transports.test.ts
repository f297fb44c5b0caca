// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { MeasureTrackerBridge, PushEvent } from '../../../shared/bridge.ts'
import { ok } from '../../../shared/result.ts'
import { createClient } from './client.ts'
import { httpTransport, selectTransport } from './transports.ts'

afterEach(() => {
  delete window.measureTracker
  vi.restoreAllMocks()
})

/** The page as the browser host serves it: over http, no bridge — and nothing secret in it. */
const servedPage = (): Window & typeof globalThis => {
  expect(window.location.protocol).toBe('http:')
  return window
}

function fakeBridge(): MeasureTrackerBridge & { listeners: ((e: PushEvent) => void)[] } {
  const listeners: ((e: PushEvent) => void)[] = []
  return {
    listeners,
    api: new Proxy({}, { get: (_t, method) => async (input: unknown) => ok({ method, input }) }) as MeasureTrackerBridge['api'],
    onPush: (listener) => {
      listeners.push(listener)
      return () => {}
    },
    openExternal: vi.fn(async () => ok(null)),
    saveFile: vi.fn(async (file: { filename: string }) => ok({ path: `/saved/${file.filename}` })),
    // Printing belongs to the report view; stubs keep the bridge's shape whole.
    printHtml: vi.fn(async () => ok(null)),
    saveHtmlAsPdf: vi.fn(async () => ok(null)),
    chooseCalendarFile: vi.fn(async () => ok(null)),
    openDatasetFile: vi.fn(async () => ok(null)),
    // Settings → Updates is tested in updates-transport.test.ts.
    updates: {} as MeasureTrackerBridge['updates'],
    teamDatabase: {} as MeasureTrackerBridge['teamDatabase'],
  }
}

describe('selectTransport', () => {
  it('uses the Electron bridge when the preload exposed it', async () => {
    const bridge = fakeBridge()
    window.measureTracker = bridge
    const client = createClient(selectTransport(window))
    expect(client.transport).toBe('electron')
    expect(await client.call('measures.get', { id: 'x' })).toEqual({ ok: true, value: { method: 'measures.get', input: { id: 'x' } } })
    const heard: PushEvent[] = []
    client.onPush((event) => heard.push(event))
    bridge.listeners[0]!({ type: 'data-changed' })
    expect(heard).toEqual([{ type: 'data-changed' }])
  })

  it('uses HTTP on a page served over http without the bridge, authenticated by the cookie alone', async () => {
    const fetch = vi.spyOn(window, 'fetch').mockResolvedValue(new Response(JSON.stringify({ ok: true, value: [] }), { status: 200 }))
    const client = createClient(selectTransport(servedPage()))
    expect(client.transport).toBe('http')
    expect(await client.call('measures.list', {})).toEqual({ ok: true, value: [] })
    const [url, init] = fetch.mock.calls[0]!
    expect(url).toBe('/api/measures.list')
    expect(init?.method).toBe('POST')
    expect(init?.credentials).toBe('same-origin')
    // No secret of any kind travels in the request: the browser adds the HttpOnly cookie itself.
    expect(init?.headers).toEqual({ 'content-type': 'application/json' })
    expect(JSON.parse(String(init?.body))).toEqual({})
  })

  it('says there is no connection when the page runs outside both hosts (a file opened directly)', async () => {
    const fileWindow = { location: { protocol: 'file:' } } as unknown as Window & typeof globalThis
    const client = createClient(selectTransport(fileWindow))
    expect(client.transport).toBe('unavailable')
    const result = await client.call('measures.list', {})
    expect(result.ok).toBe(false)
  })
})

describe('httpTransport', () => {
  const env = (fetch: typeof globalThis.fetch, extra: Partial<Parameters<typeof httpTransport>[0]> = {}) =>
    httpTransport({ fetch, open: vi.fn(), ...extra })

  it('turns a network failure or a non-Result body into a failed Result, never a throw', async () => {
    const down = env(vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    expect(await down.call('measures.list', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: 'Failed to fetch' } })
    const html = env(vi.fn().mockResolvedValue(new Response('<html>', { status: 502, statusText: 'Bad Gateway' })))
    expect(await html.call('measures.list', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: 'HTTP 502 Bad Gateway' } })
  })

  it("passes the host's own failures through with their issues", async () => {
    const body = {
      ok: false,
      error: { code: 'VALIDATION', message: 'bad', details: { issues: [{ path: ['facts', 'imposer'], message: 'x' }] } },
    }
    const transport = env(vi.fn().mockResolvedValue(new Response(JSON.stringify(body), { status: 200 })))
    expect(await transport.call('measures.create', {})).toEqual(body)
  })

  it('opens only web links, in a new window without opener', async () => {
    const open = vi.fn()
    const transport = env(vi.fn(), { open })
    expect((await transport.openExternal('https://example.com/a')).ok).toBe(true)
    expect((await transport.openExternal('javascript:alert(1)')).ok).toBe(false)
    expect((await transport.openExternal('file:///etc/passwd')).ok).toBe(false)
    expect(open).toHaveBeenCalledTimes(1)
    expect(open).toHaveBeenCalledWith('https://example.com/a')
  })

  it('listens to the event stream (cookie only, no token in the URL), and reports a reconnection as a data change', () => {
    const sources: FakeEventSource[] = []
    class FakeEventSource {
      onmessage: ((e: MessageEvent) => void) | null = null
      onerror: (() => void) | null = null
      onopen: (() => void) | null = null
      closed = false
      readonly url: string
      constructor(url: string) {
        this.url = url
        sources.push(this)
      }
      close() {
        this.closed = true
      }
    }
    const transport = env(vi.fn(), { EventSource: FakeEventSource as unknown as typeof EventSource })
    const heard: PushEvent[] = []
    const stop = transport.onPush((event) => heard.push(event))
    expect(sources).toHaveLength(1)
    expect(sources[0]!.url).toBe('/events')
    sources[0]!.onmessage!({ data: JSON.stringify({ type: 'open-measure', id: 'm1' }) } as MessageEvent)
    sources[0]!.onmessage!({ data: 'not json' } as MessageEvent)
    sources[0]!.onopen!()
    sources[0]!.onerror!()
    sources[0]!.onopen!()
    expect(heard).toEqual([{ type: 'open-measure', id: 'm1' }, { type: 'data-changed' }])
    stop()
    expect(sources[0]!.closed).toBe(true)
  })
})
