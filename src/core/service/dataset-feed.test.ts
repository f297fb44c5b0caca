// The signed dataset feed end to end (issue 16), against a loopback HTTPS server (no internet):
// settings, the check through the watch runner, the verification, and the waiting dataset applied
// through dataset.apply after the review. Every refusal leaves the data exactly as it was.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CONFLICT, CORRECTED, NEW_MEASURE_ID, datasetNextVersion, embeddedDataset } from '../../../test/fixtures/dataset-update.ts'
import {
  TEST_CA,
  fetchTrusting,
  sendBytes,
  startHttpsFeedServer,
  streamLarge,
  type HttpsFeedServer,
} from '../../../test/helpers/https-feed-server.ts'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import type { DatasetFeedStatus } from '../../shared/dataset-feed.ts'
import { DAY_MS } from '../../shared/time-units.ts'
import { runDatasetFeedCheck } from '../dataset-update/feed-fetch.ts'
import { createWatchRunner } from '../watch/runner.ts'
import type { Core } from './index.ts'

const trusted = generateKeyPairSync('ed25519')
const stranger = generateKeyPairSync('ed25519')
const rawKey = (key: KeyObject) => key.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64')
const TRUSTED_KEY = rawKey(trusted.publicKey)
const signature = (bytes: Uint8Array, key = trusted.privateKey) => sign(null, bytes, key).toString('base64')

let server: HttpsFeedServer
/** Serves `bytes` at `path` and its signature (by `key`, over `signedBytes`) at `path.sig`. */
function serveSigned(path: string, bytes: Uint8Array, options: { key?: KeyObject; signedBytes?: Uint8Array } = {}): string {
  server.route(path, sendBytes(bytes))
  server.route(`${path}.sig`, sendBytes(signature(options.signedBytes ?? bytes, options.key), 'text/plain'))
  return `${server.origin}${path}`
}
const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 1))

let temp: TempStore
let service: Core
let nowMs = Date.parse('2026-12-05T09:00:00Z')
const fetch = fetchTrusting(TEST_CA)

function call<T = unknown>(method: string, input: unknown = {}): T {
  const result = service.call(method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
  return result.value as T
}
const status = () => call<DatasetFeedStatus>('datasetFeed.status')
const exported = () => JSON.stringify(call<{ measures: unknown[] }>('exchange.export').measures)
const configure = (url: string, publicKey = TRUSTED_KEY, schedule = 'off') => call('datasetFeed.configure', { url, publicKey, schedule })
const check = (url: string, limits?: Parameters<typeof runDatasetFeedCheck>[1]['limits']) =>
  runDatasetFeedCheck(url, { service: temp.store.service, fetch, signal: new AbortController().signal, limits })

beforeAll(async () => {
  server = await startHttpsFeedServer()
})
afterAll(() => server.close())
beforeEach(async () => {
  temp = await openTempStore({ nowMs: () => nowMs })
  service = temp.store.core
})
afterEach(() => temp.cleanup())

describe('the dataset feed settings', () => {
  it('are off by default: no address, no key, nothing scheduled, nothing to contact', () => {
    expect(status()).toMatchObject({ url: '', publicKey: '', schedule: 'off', nextCheckAt: null, waiting: null, lastResult: null })
    expect(call<{ url: string; due: boolean }>('datasetFeed.plan')).toMatchObject({ url: '', due: false, nextDueMs: null })
  })

  it('refuse an address that is not https, and a check before the address and key are set', () => {
    const refused = service.call('datasetFeed.configure', { url: 'http://example.org/d.json', publicKey: TRUSTED_KEY, schedule: 'off' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('https://') } })
    expect(service.call('datasetFeed.checkNow', {})).toMatchObject({ ok: false, error: { message: expect.stringContaining('address') } })
    expect(status().url).toBe('')
  })

  it('store the key as base64 of its 32 bytes (a PEM key too), shown with its fingerprint, and changeable', () => {
    const pem = trusted.publicKey.export({ format: 'pem', type: 'spki' }).toString()
    const set = call<DatasetFeedStatus>('datasetFeed.configure', { url: 'https://example.org/d.json', publicKey: pem, schedule: 'weekly' })
    expect(set.publicKey).toBe(TRUSTED_KEY)
    expect(set.fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/)
    expect(set.signatureUrl).toBe('https://example.org/d.json.sig')
    const changed = call<DatasetFeedStatus>('datasetFeed.configure', {
      url: 'https://example.org/d.json',
      publicKey: rawKey(stranger.publicKey),
      schedule: 'weekly',
    })
    expect(changed.publicKey).toBe(rawKey(stranger.publicKey))
    expect(changed.fingerprint).not.toBe(set.fingerprint)
  })

  it('refuse a key that is not an Ed25519 public key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' }).toString()
    for (const publicKey of [
      'not a key',
      rsa,
      TRUSTED_KEY.slice(0, 20),
      trusted.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    ])
      expect(service.call('datasetFeed.configure', { url: 'https://example.org/d.json', publicKey, schedule: 'off' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringContaining('Ed25519') },
      })
  })
})

describe('a dataset feed check', () => {
  it('keeps a verified newer dataset waiting (not applied); the review applies it through dataset.apply', async () => {
    const url = serveSigned('/good.json', json(datasetNextVersion()))
    configure(url)
    const before = exported()
    await check(url)
    const after = status()
    expect(after.lastResult).toMatchObject({ kind: 'newer', ok: true, dataset: { id: 'us-cn-truce-2025', version: 4 } })
    expect(after.waiting).toMatchObject({ dataset: { version: 4 }, url })
    // Nothing applied: the database is as it was, still v3.
    expect(exported()).toBe(before)
    expect(after.installed).toEqual({ id: 'us-cn-truce-2025', version: 3 })

    const { file } = call<{ file: unknown }>('datasetFeed.waitingFile')
    const diff = call<{ updates: { id: string }[] }>('dataset.diff', { file })
    expect(diff.updates.map((u) => u.id)).toEqual(expect.arrayContaining([NEW_MEASURE_ID, CORRECTED.measureId, CONFLICT.measureId]))
    call('dataset.apply', { file, measureIds: [CORRECTED.measureId] })
    const measure = call<{ events: { id: string; at: string }[] }>('measures.get', { id: CORRECTED.measureId })
    expect(measure.events.find((e) => e.id === CORRECTED.eventId)?.at).toBe(CORRECTED.at)
    // Applied: v4 is installed, so nothing is waiting any more.
    expect(status()).toMatchObject({ installed: { version: 4 }, waiting: null })
  })

  it('says the feed holds the installed version when it does, and keeps nothing', async () => {
    const url = serveSigned('/same.json', json(embeddedDataset()))
    configure(url)
    await check(url)
    expect(status()).toMatchObject({ lastResult: { kind: 'current', ok: true }, waiting: null, failures: 0 })
  })

  type Refusal = [name: string, serve: () => string, kind: string, message: RegExp]
  const refusals: Refusal[] = [
    [
      'a file changed after it was signed',
      () => {
        const signed = json(datasetNextVersion())
        const tampered = Buffer.from(signed.toString().replace(CORRECTED.at, '2027-01-01T00:00:00-05:00[America/New_York]'))
        return serveSigned('/tampered.json', tampered, { signedBytes: signed })
      },
      'bad-signature',
      /signature does not match the key you trust/,
    ],
    [
      'a file signed with another key',
      () => serveSigned('/wrong-key.json', json(datasetNextVersion()), { key: stranger.privateKey }),
      'bad-signature',
      /another key/,
    ],
    [
      'an older version (a downgrade)',
      () => {
        const older = embeddedDataset()
        older.dataset = { id: 'us-cn-truce-2025', version: 2 }
        return serveSigned('/older.json', json(older))
      },
      'downgrade',
      /us-cn-truce-2025 v2, older than the us-cn-truce-2025 v3/,
    ],
    [
      'another dataset',
      () => serveSigned('/other.json', json({ ...datasetNextVersion(), dataset: { id: 'eu-steel-2026', version: 9 } })),
      'other-dataset',
      /offers dataset eu-steel-2026; this database holds us-cn-truce-2025/,
    ],
    [
      'a signed file that is not JSON',
      () => serveSigned('/not-json.json', Buffer.from('<html>moved</html>')),
      'malformed',
      /not a dataset/,
    ],
    [
      'a signed dataset whose measures are not valid',
      () => {
        const broken = datasetNextVersion()
        ;(broken.measures[0] as Record<string, unknown>).events = 'none'
        return serveSigned('/broken.json', json(broken))
      },
      'malformed',
      /not a valid dataset file/,
    ],
    [
      'a missing signature',
      () => {
        server.route('/unsigned.json', sendBytes(json(datasetNextVersion())))
        return `${server.origin}/unsigned.json`
      },
      'http',
      /The signature \(.*unsigned\.json\.sig\): .* answered 404/,
    ],
  ]

  it.each(refusals)('refuses %s with a clear message and changes nothing', async (_name, serve, kind, message) => {
    const url = serve()
    configure(url)
    const before = exported()
    const installed = call('dataset.status')
    await check(url)
    const after = status()
    expect(after.lastResult).toMatchObject({ kind, ok: false, message: expect.stringMatching(message) })
    expect(after.waiting).toBeNull()
    expect(after.failures).toBe(1)
    expect(exported()).toBe(before)
    expect(call('dataset.status')).toEqual(installed)
    expect(service.call('datasetFeed.waitingFile', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it.each([
    ['declared', true],
    ['streamed without a length', false],
  ])(
    'refuses a 200 MB answer (%s) without reading it all, and changes nothing',
    async (_name, declared) => {
      const large = streamLarge(200_000_000, declared)
      server.route('/huge.json', large.route)
      const url = `${server.origin}/huge.json`
      configure(url)
      const before = exported()
      await check(url)
      expect(status().lastResult).toMatchObject({
        kind: 'too-large',
        message: expect.stringMatching(/sent more than 50 MB; nothing was read/),
      })
      expect(status().waiting).toBeNull()
      expect(exported()).toBe(before)
      // The read stopped at the cap: far less than the 200 MB was ever sent.
      expect(large.sent()).toBeLessThan(100_000_000)
    },
    60_000,
  )

  it('is not made with the platform fetch against a certificate the system does not trust (production trusts no test CA)', async () => {
    const url = serveSigned('/good.json', json(datasetNextVersion()))
    configure(url)
    await runDatasetFeedCheck(url, {
      service: temp.store.service,
      fetch: (u, init) => globalThis.fetch(u, init),
      signal: new AbortController().signal,
    })
    expect(status().lastResult).toMatchObject({ kind: 'offline', message: expect.stringContaining('could not be reached') })
    expect(status().waiting).toBeNull()
  })

  it('keeps a dataset waiting that a later refused check does not replace', async () => {
    const good = serveSigned('/good.json', json(datasetNextVersion()))
    configure(good)
    await check(good)
    server.route('/good.json.sig', sendBytes(signature(json(datasetNextVersion()), stranger.privateKey), 'text/plain'))
    await check(good)
    expect(status()).toMatchObject({ lastResult: { kind: 'bad-signature' }, waiting: { dataset: { version: 4 } } })
  })
})

describe('the dataset feed on the watch runner', () => {
  it('runs on "Check now" and on the schedule the user set (weekly), and not before it is due', async () => {
    const url = serveSigned('/scheduled.json', json(datasetNextVersion()))
    const runner = createWatchRunner({
      service: temp.store.service,
      fetch,
      nowMs: () => nowMs,
      setTimeout: () => 0,
      clearTimeout: () => undefined,
    })
    configure(url)
    runner.changed()
    await runner.idle()
    // Schedule off, no request: nothing contacted.
    expect(server.requests.filter((p) => p.startsWith('/scheduled'))).toEqual([])

    call('datasetFeed.checkNow')
    runner.changed()
    await runner.idle()
    expect(server.requests.filter((p) => p.startsWith('/scheduled'))).toEqual(['/scheduled.json', '/scheduled.json.sig'])
    expect(status()).toMatchObject({ checkRequestedAt: null, runningSince: null, waiting: { dataset: { version: 4 } } })

    configure(url, TRUSTED_KEY, 'weekly')
    expect(status().nextCheckAt).toBe(new Date(nowMs + 7 * DAY_MS).toISOString())
    nowMs += 6 * DAY_MS
    runner.changed()
    await runner.idle()
    expect(server.requests.filter((p) => p.startsWith('/scheduled'))).toHaveLength(2)
    nowMs += DAY_MS
    runner.changed()
    await runner.idle()
    expect(server.requests.filter((p) => p.startsWith('/scheduled'))).toHaveLength(4)
    runner.stop()
  })
})
