// Every watch request's limits, against a local server: size (declared and streamed), timeout,
// HTTP errors, an address nobody answers, cancel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWatchServer, type WatchServer } from '../../../test/helpers/watch-server.ts'
import { WatchFetchError, fetchLimited } from './fetch-limited.ts'

let server: WatchServer
beforeAll(async () => {
  server = await startWatchServer()
  server.route('/big-declared', (_q, response) => {
    response.writeHead(200, { 'Content-Length': String(10_000_000) })
    response.end()
  })
  server.route('/big-streamed', (_q, response) => {
    response.writeHead(200, { 'Content-Type': 'application/rss+xml' })
    const chunk = 'x'.repeat(64_000)
    let sent = 0
    const more = () => {
      while (sent < 200 && response.write(chunk)) sent++
      if (sent < 200) response.once('drain', more)
      else response.end()
    }
    more()
  })
  server.route('/never', () => undefined)
  server.route('/broken', (_q, response) => response.writeHead(503, 'Service Unavailable').end())
})
afterAll(() => server.close())

const limits = { timeoutMs: 300, maxBytes: 1_000_000 }
const failure = async (path: string, cancel = new AbortController().signal) => {
  try {
    await fetchLimited(fetch, `${server.origin}${path}`, limits, cancel)
  } catch (error) {
    expect(error).toBeInstanceOf(WatchFetchError)
    return { kind: (error as WatchFetchError).kind, message: (error as Error).message }
  }
  throw new Error('no failure')
}

describe('fetchLimited', () => {
  it('reads an answer within the limits', async () => {
    const text = await fetchLimited(fetch, server.federalRegisterApi, limits, new AbortController().signal)
    expect(JSON.parse(text)).toMatchObject({ count: 2 })
  })

  it('refuses an answer larger than the limit, declared or streamed', async () => {
    expect(await failure('/big-declared')).toMatchObject({ kind: 'too-large', message: expect.stringContaining('more than 1 MB') })
    expect((await failure('/big-streamed')).kind).toBe('too-large')
  })

  it('gives up after the timeout, says an HTTP error, and tells an unreachable host', async () => {
    expect(await failure('/never')).toMatchObject({ kind: 'timeout', message: expect.stringContaining('did not answer') })
    expect(await failure('/broken')).toMatchObject({ kind: 'http', message: expect.stringContaining('503') })
    const closed = await startWatchServer()
    await closed.close()
    await expect(fetchLimited(fetch, closed.federalRegisterApi, limits, new AbortController().signal)).rejects.toMatchObject({
      kind: 'offline',
    })
  })

  it('stops when cancelled, and contacts only http(s)', async () => {
    const cancel = new AbortController()
    const pending = failure('/never', cancel.signal)
    cancel.abort()
    expect((await pending).kind).toBe('cancelled')
    await expect(fetchLimited(fetch, 'file:///etc/passwd', limits, cancel.signal)).rejects.toMatchObject({ kind: 'address' })
  })
})
