// The whole watch, end to end: the service's watch methods and the check runner against a local
// HTTP server that serves the Federal Register API's and feeds' formats (test/fixtures/watch/).
// Nothing here touches the internet.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import { sendFixture, startWatchServer, type WatchServer } from '../../../test/helpers/watch-server.ts'
import type { MethodName, Output } from '../../shared/api.ts'
import { createWatchRunner, type WatchRunner } from './runner.ts'

const SHIPS = 'us-ustr-301-ships'
const RARE_EARTHS = 'cn-mofcom-rare-earth-controls'

let temp: TempStore
let server: WatchServer
let runner: WatchRunner

function call<M extends MethodName>(method: M, input: unknown): Output<M> {
  const answer = temp.store.core.call(method, input)
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`)
  return answer.value
}

/** What a host does after each change: tell the runner, and wait for the check it starts. */
async function settle(): Promise<void> {
  runner.changed()
  await runner.idle()
}

async function checkNow(): Promise<void> {
  call('watch.checkNow', {})
  await settle()
}

const hitTitles = (measureId?: string) => call('watch.hits', measureId ? { measureId } : {}).map((hit) => hit.title)
const target = (key: string) => call('watch.status', {}).targets.find((t) => t.key === key)!

beforeEach(async () => {
  temp = await openTempStore()
  // The embedded dataset watches its US measures; each test sets the terms it is about.
  for (const measure of call('exchange.export', {}).measures)
    if (measure.watch) call('watch.setTerms', { measureId: measure.id, terms: {} })
  server = await startWatchServer()
  runner = createWatchRunner({
    service: temp.store.service,
    federalRegisterApi: server.federalRegisterApi,
    limits: { federalRegister: { timeoutMs: 2_000, maxBytes: 1_000_000 }, feed: { timeoutMs: 2_000, maxBytes: 1_000_000 } },
  })
})

afterEach(async () => {
  runner.stop()
  await runner.idle()
  await server.close()
  temp.cleanup()
})

describe('Federal Register watch', () => {
  it('is off by default: nothing is contacted, even when asked', async () => {
    const status = call('watch.status', {})
    expect(status.federalRegister).toBe(false)
    expect(status.targets).toEqual([
      expect.objectContaining({
        key: 'federal-register',
        address: 'https://www.federalregister.gov/api/v1/documents.json',
        enabled: false,
        nextCheckAt: null,
      }),
    ])
    await checkNow()
    expect(server.requests).toEqual([])
    expect(call('watch.status', {}).checkRequestedAt).toBeNull()
  })

  it("asks for each term's documents since the last check and records each new document once", async () => {
    call('watch.setTerms', {
      measureId: SHIPS,
      terms: { dockets: ['USTR-2025-0022'], phrases: ['port fees'], agencies: ['trade-representative-office-of-united-states'] },
    })
    call('watch.configure', { federalRegister: true })
    await settle()

    expect(server.requests.map((url) => url.searchParams.get('conditions[docket_id]') ?? url.searchParams.get('conditions[term]'))).toEqual(
      ['USTR-2025-0022', '"port fees"'],
    )
    expect(server.requests[1]!.searchParams.getAll('conditions[agencies][]')).toEqual(['trade-representative-office-of-united-states'])
    expect(server.requests[0]!.searchParams.get('conditions[publication_date][gte]')).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const byTitle = (rows: unknown[][]) => [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])))
    const hits = call('watch.hits', { measureId: SHIPS })
    expect(byTitle(hits.map((hit) => [hit.title, hit.documentType, hit.published, hit.effective, hit.matched]))).toEqual(
      byTitle([
        [
          "Notice of Action: Continued Suspension of Section 301 Actions on China's Targeting of the Maritime, Logistics, and Shipbuilding Sectors",
          'Notice',
          '2026-11-20',
          '2026-11-10',
          'docket USTR-2025-0022',
        ],
        ['Request for Comments on Section 301 Port Fees Modification', 'Proposed Rule', '2026-11-25', null, 'docket USTR-2025-0022'],
      ]),
    )
    expect(call('watch.hits', {})).toHaveLength(2)
    const fr = target('federal-register')
    expect(fr).toMatchObject({ failures: 0, lastError: null })
    expect(Date.parse(fr.nextCheckAt!) - Date.parse(fr.lastSuccessAt!)).toBe(24 * 3_600_000)

    // Not due again for a day: a change does not contact anything.
    const asked = server.requests.length
    await settle()
    expect(server.requests.length).toBe(asked)
    // On request it asks again; the same documents are not listed twice.
    await checkNow()
    expect(server.requests.length).toBeGreaterThan(asked)
    expect(call('watch.hits', { measureId: SHIPS })).toHaveLength(2)
  })

  it('a dismissed item stays dismissed; an event citing the other makes the document a source', async () => {
    call('watch.setTerms', { measureId: SHIPS, terms: { dockets: ['USTR-2025-0022'] } })
    call('watch.configure', { federalRegister: true })
    await settle()
    const [first, second] = call('watch.hits', { measureId: SHIPS })
    call('watch.dismiss', { measureId: SHIPS, hitId: first!.id })
    await checkNow()
    expect(hitTitles(SHIPS)).toEqual([second!.title])

    const event = call('watch.cite', {
      measureId: SHIPS,
      hitId: second!.id,
      event: { kind: 'review', at: '2026-11-25T12:00:00-05:00[America/New_York]', note: 'Comments requested' },
    })
    const measure = call('measures.get', { id: SHIPS })
    const source = measure.sources.find((s) => s.url === second!.url)
    expect(source).toMatchObject({ title: second!.title, publisher: 'Federal Register', date: second!.published, confidence: 'official' })
    expect(event.sourceIds).toContain(source!.id)
    expect(hitTitles()).toEqual([])
    expect(() => call('watch.dismiss', { measureId: SHIPS, hitId: second!.id })).toThrow('no open watch item')
  })

  it('offline or failing: says so, keeps the last success, backs off, and changes nothing else', async () => {
    call('watch.setTerms', { measureId: SHIPS, terms: { dockets: ['USTR-2025-0022'] } })
    call('watch.configure', { federalRegister: true })
    await settle()
    const before = target('federal-register')
    server.route('/api/v1/documents.json', (_request, response) => response.writeHead(503, 'Service Unavailable').end())
    await checkNow()
    const after = target('federal-register')
    expect(after).toMatchObject({ failures: 1, lastSuccessAt: before.lastSuccessAt, lastError: expect.stringContaining('503') })
    expect(Date.parse(after.nextCheckAt!) - Date.parse(after.lastAttemptAt!)).toBe(3_600_000)
    expect(call('watch.hits', {})).toHaveLength(2)

    await server.close()
    await checkNow()
    expect(target('federal-register')).toMatchObject({
      failures: 2,
      lastSuccessAt: before.lastSuccessAt,
      lastError: expect.stringContaining('could not be reached'),
    })
    server = await startWatchServer()
  })

  it('a cancelled check stops the request in flight and counts as no failure', async () => {
    call('watch.setTerms', { measureId: SHIPS, terms: { dockets: ['USTR-2025-0022'] } })
    server.route('/api/v1/documents.json', () => undefined)
    call('watch.configure', { federalRegister: true })
    runner.changed()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(call('watch.status', {}).runningSince).not.toBeNull()
    call('watch.cancel', {})
    await settle()
    expect(call('watch.status', {})).toMatchObject({ runningSince: null, checkRequestedAt: null })
    expect(target('federal-register')).toMatchObject({ failures: 0, lastAttemptAt: null })
  })

  it('refuses a page that is not a search answer with a clear error', async () => {
    call('watch.setTerms', { measureId: SHIPS, terms: { dockets: ['USTR-2025-0022'] } })
    server.route('/api/v1/documents.json', sendFixture('ministry-announcements.rss', 'application/json'))
    call('watch.configure', { federalRegister: true })
    await settle()
    expect(target('federal-register').lastError).toBe('The Federal Register answered with something that is not JSON.')
    expect(call('watch.hits', {})).toEqual([])
  })
})

describe('feed watch', () => {
  it("lists a feed's items that mention a measure's terms, as inert text", async () => {
    call('watch.setTerms', { measureId: RARE_EARTHS, terms: { phrases: ['rare-earth export controls'] } })
    call('watch.addFeed', { url: `${server.origin}/feeds/ministry-announcements.rss`, title: 'MOFCOM announcements' })
    await settle()
    const hits = call('watch.hits', { measureId: RARE_EARTHS })
    expect(hits.map((hit) => [hit.title, hit.url, hit.publisher, hit.origin]).sort()).toEqual([
      [
        'Announcement No. 70 of 2026 on the continued suspension of export control measures',
        'https://ministry.example/announcements/2026/70.html',
        'MOFCOM announcements',
        'feed',
      ],
      [
        'Rare-earth export controls: the list of items',
        'https://ministry.example/announcements/2026/73.html',
        'MOFCOM announcements',
        'feed',
      ],
    ])
    expect(call('watch.hits', {})).toHaveLength(2)
    // The Federal Register stays off: only the feed was contacted.
    expect(server.requests.map((url) => url.pathname)).toEqual(['/feeds/ministry-announcements.rss'])
  })

  it("a feed's keyword rule lets through only items that mention one of its keywords", async () => {
    call('watch.setTerms', { measureId: SHIPS, terms: { dockets: ['USTR-2025-0022'], phrases: ['port fees'] } })
    call('watch.addFeed', { url: `${server.origin}/feeds/law-firm-alerts.atom`, keywords: ['sanctions'] })
    await settle()
    expect(call('watch.hits', {})).toEqual([])
    const [feed] = call('watch.status', {}).targets.filter((t) => t.kind === 'feed')
    call('watch.removeFeed', { id: feed!.key.slice('feed:'.length) })
    call('watch.addFeed', { url: `${server.origin}/feeds/law-firm-alerts.atom`, keywords: ['suspension'] })
    await settle()
    expect(hitTitles(SHIPS)).toEqual(['USTR extends the Section 301 ships suspension'])
  })

  it('a malformed feed, a page that is not a feed and an oversized one each get a clear error and change nothing', async () => {
    call('watch.setTerms', { measureId: RARE_EARTHS, terms: { phrases: ['rare-earth export controls'] } })
    server.route('/huge.rss', (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/rss+xml', 'Content-Length': String(50_000_000) })
      response.end()
    })
    call('watch.addFeed', { url: `${server.origin}/feeds/malformed.rss` })
    call('watch.addFeed', { url: server.federalRegisterApi })
    call('watch.addFeed', { url: `${server.origin}/huge.rss` })
    await settle()
    const errors = Object.fromEntries(
      call('watch.status', {})
        .targets.filter((t) => t.kind === 'feed')
        .map((t) => [new URL(t.address).pathname, t.lastError]),
    )
    expect(errors).toEqual({
      '/feeds/malformed.rss': 'The feed is malformed and could not be read.',
      '/api/v1/documents.json': 'This address does not give an RSS, Atom, RDF or JSON feed.',
      '/huge.rss': expect.stringContaining('sent more than 1 MB'),
    })
    expect(call('watch.hits', {})).toEqual([])
  })

  it('refuses the same feed twice and addresses that are not http(s)', () => {
    call('watch.addFeed', { url: 'https://lawfirm.example/alerts.atom' })
    expect(temp.store.core.call('watch.addFeed', { url: 'https://lawfirm.example/alerts.atom' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(temp.store.core.call('watch.addFeed', { url: 'file:///etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
  })
})

describe('watch terms travel with the measure', () => {
  it('are part of the measure page and of an export, and come back on import', () => {
    const terms = { agencies: [], dockets: ['USTR-2025-0022'], executiveOrders: ['14257'], cfrParts: [], rins: [], phrases: ['port fees'] }
    call('watch.setTerms', { measureId: SHIPS, terms })
    expect(call('measures.get', { id: SHIPS }).watch).toEqual(terms)
    const file = call('exchange.export', {})
    expect(file.measures.find((m) => m.id === SHIPS)?.watch).toEqual(terms)
    call('watch.setTerms', { measureId: SHIPS, terms: {} })
    expect(call('measures.get', { id: SHIPS }).watch).toBeUndefined()
    call('exchange.import', { file, replace: true })
    expect(call('measures.get', { id: SHIPS }).watch).toEqual(terms)
  })
})
