// measures.page (issue 14): the windows the board asks for put together are the whole filtered,
// sorted list — whichever way the service answers (SQL over the summary table at now, the engine at
// any other instant) — and they agree with measures.list, the engine's full answer.
import { DatabaseSync } from 'node:sqlite'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateExchangeFile } from '../../../bench/generate.ts'
import { TEST_STORE, openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import { value } from '../../../test/helpers/results.ts'
import { PAGE_SORTS, type ListFilter, type PageSort } from '../../shared/api-inputs.ts'
import type { MeasurePage, MeasureSummary } from '../../shared/api-views.ts'
import { CATEGORIES, LOCALES, STATUSES, type Locale } from '../../shared/domain.ts'
import { translate } from '../../shared/i18n/translate.ts'
import { categoryRanks, listComparator } from '../../shared/list-order.ts'
import { formatZoned, Temporal } from '../../shared/time.ts'

const START = Date.parse('2025-06-01T12:00:00Z')
let now = START
let temp: TempStore
const call = (method: string, input: unknown) => temp.store.core.call(method, input)
const page = (input: Record<string, unknown>) => value(call('measures.page', input)) as MeasurePage
const list = (filter: ListFilter, at?: string) => value(call('measures.list', { filter, at })) as MeasureSummary[]

// Words of every kind the search rule covers: English, both Chinese scripts (two-character words
// the trigram index cannot serve), full width, accents, parties by name, tags, a note-only word.
const WORDS = [
  'measure',
  'goods',
  'MEASURE 1',
  '措施',
  '措施 7',
  '稀土',
  'ＵＳ',
  'us',
  'japan',
  '日本',
  'tag-3',
  'eu',
  'café',
  'cafe',
  'zebra',
  '4',
  'm-1',
  'ab',
]

beforeAll(async () => {
  temp = await openTempStore({ seed: true, nowMs: () => now })
  value(call('exchange.import', { file: generateExchangeFile(120) }))
  // A note-only word and an accented title, so the index covers notes and folding.
  value(call('notes.add', { measureId: 'm-5', body: 'Zebra crossing under review' }))
  value(call('measures.update', { id: 'm-6', facts: { title: { en: 'Café tariffs', 'zh-Hant': '稀土關稅' } } }))
})
afterAll(() => temp.cleanup())

const filterFields = {
  party: fc.constantFrom('US', 'CN', 'JP', 'EU'),
  imposer: fc.constantFrom('US', 'CN', 'JP', 'EU', 'KR'),
  target: fc.constantFrom('US', 'CN', 'KR'),
  category: fc.constantFrom(...CATEGORIES),
  status: fc.constantFrom(...STATUSES),
  tag: fc.constantFrom('tag-1', 'tag-3', 'tag-12', 'nothing'),
  needsReview: fc.boolean(),
  text: fc.constantFrom(...WORDS),
}
// Mostly no filter or one (long lists, where order matters), sometimes two or more.
const filterArb: fc.Arbitrary<ListFilter> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({}) },
  { weight: 4, arbitrary: fc.record(filterFields, { requiredKeys: [] }).map((full) => pickOne(full)) },
  { weight: 1, arbitrary: fc.record(filterFields, { requiredKeys: [] }) },
)
function pickOne(filter: ListFilter): ListFilter {
  const [key] = Object.keys(filter) as (keyof ListFilter)[]
  return key === undefined ? {} : ({ [key]: filter[key] } as ListFilter)
}
const sortArb = fc.constantFrom<PageSort>(...PAGE_SORTS)
const groupArb = fc.constantFrom('none', 'status')
const localeArb = fc.constantFrom<Locale>(...LOCALES)

/** Every page of `size` rows, one request each, put together. */
function allPages(input: Record<string, unknown>, size: number): { ids: string[]; totals: Set<number> } {
  const ids: string[] = []
  const totals = new Set<number>()
  for (let offset = 0; ; offset += size) {
    const answer = page({ ...input, offset, limit: size })
    totals.add(answer.total)
    ids.push(...answer.rows.map((row) => row.id))
    if (answer.rows.length < size) break
  }
  return { ids, totals }
}

/** The engine's full answer (measures.list), ordered by the board's comparator. */
function expected(filter: ListFilter, sort: PageSort, group: string, locale: Locale, at?: string): string[] {
  const compare = listComparator({
    sort,
    groupByStatus: group === 'status',
    locale,
    categoryRank: categoryRanks(locale, (c) => translate(locale, `category.${c}`), CATEGORIES),
  })
  return list(filter, at)
    .filter((row) => at === undefined || row.since !== null)
    .sort(compare)
    .map((row) => row.id)
}

describe('measures.page', () => {
  it('pages put together are the whole filtered, sorted list at now (SQL over the summary table)', () => {
    fc.assert(
      fc.property(filterArb, sortArb, groupArb, localeArb, fc.integer({ min: 1, max: 40 }), (filter, sort, group, locale, size) => {
        const { ids, totals } = allPages({ filter, sort, group, locale }, size)
        const want = expected(filter, sort, group, locale)
        expect(ids).toEqual(want)
        expect([...totals]).toEqual([want.length])
      }),
      { numRuns: 150 },
    )
  })

  it('pages as of another instant are exact too (the engine path)', () => {
    fc.assert(
      fc.property(
        filterArb,
        sortArb,
        groupArb,
        fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2028-01-01T00:00:00Z') }),
        fc.integer({ min: 5, max: 60 }),
        (filter, sort, group, atMs, size) => {
          const at = formatZoned(Temporal.Instant.fromEpochMilliseconds(atMs).toZonedDateTimeISO('UTC'))
          const { ids } = allPages({ filter, sort, group, at }, size)
          expect(ids).toEqual(expected(filter, sort, group, 'en', at))
        },
      ),
      { numRuns: 40 },
    )
  })

  it('named measures (ids): the same rows in the same order as the whole list narrowed to them, now and as of another instant', () => {
    const everyId = list({}).map((row) => row.id)
    fc.assert(
      fc.property(fc.subarray(everyId), filterArb, sortArb, fc.boolean(), (ids, filter, sort, past) => {
        const at = past ? '2026-01-15T00:00:00+00:00[UTC]' : undefined
        const named = new Set(ids)
        const answer = page({ ids, filter, sort, at, limit: 1000 })
        const want = expected(filter, sort, 'none', 'en', at).filter((id) => named.has(id))
        expect(answer.rows.map((row) => row.id)).toEqual(want)
        expect(answer.total).toBe(want.length)
      }),
      { numRuns: 40 },
    )
  })

  it('stays exact as time passes deadlines: rows whose answer stopped holding are recomputed before answering', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 * 30 * 86_400_000 }), filterArb, (step, filter) => {
        now += step
        const { ids } = allPages({ filter, sort: 'next' }, 50)
        expect(ids).toEqual(expected(filter, 'next', 'none', 'en'))
        const counts = page({ filter, counts: true }).counts!
        const all = list({})
        expect(counts.available).toBe(all.length)
        expect(counts.needsReview).toBe(all.filter((row) => row.needsReview).length)
      }),
      { numRuns: 25 },
    )
    now = START
  })

  it('counts the filtered rows per status, and the review reasons by day, as the rows say', () => {
    for (const filter of [{}, { imposer: 'US' }, { text: 'measure' }] satisfies ListFilter[]) {
      const answer = page({ filter, counts: true, limit: 0 })
      const rows = list(filter)
      const byStatus: Record<string, number> = {}
      for (const row of rows) byStatus[row.status] = (byStatus[row.status] ?? 0) + 1
      expect(answer.counts!.byStatus).toEqual(byStatus)
      expect(answer.total).toBe(rows.length)
      const days = answer.counts!.reviewDays.reduce((sum, day) => sum + day.count, 0)
      expect(days).toBe(list({ needsReview: true }).filter((row) => row.reviewReason).length)
    }
  })

  it('a write between two page requests: each page is a window of the list as it stands when asked', () => {
    const first = page({ offset: 0, limit: 30 })
    // The measure heading the list gets a suspension ending in a week: it moves within the order.
    const moved = first.rows[0]!.id
    const until = formatZoned(Temporal.Instant.fromEpochMilliseconds(now + 7 * 86_400_000).toZonedDateTimeISO('UTC'))
    const at = formatZoned(Temporal.Instant.fromEpochMilliseconds(now - 1000).toZonedDateTimeISO('UTC'))
    value(call('events.record', { measureId: moved, event: { kind: 'suspended', at, until } }))
    value(call('notes.add', { measureId: 'm-7', body: 'Zebra too' }))
    const second = page({ offset: 30, limit: 30 })
    expect(second.rows.map((row) => row.id)).toEqual(expected({}, 'next', 'none', 'en').slice(30, 60))
    // The change is in the summary already (same transaction): the rows read it, search finds the note.
    expect(page({ filter: { text: 'zebra too' } }).rows.map((row) => row.id)).toEqual(['m-7'])
    expect(page({ limit: 1000 }).rows.find((row) => row.id === moved)?.status).toBe('suspended')
  })

  it('finds what measures.list finds for every word of the search rule', () => {
    for (const text of WORDS) {
      const ids = allPages({ filter: { text } }, 100).ids.sort()
      expect(ids, text).toEqual(
        list({ text })
          .map((row) => row.id)
          .sort(),
      )
    }
    expect(allPages({ filter: { text: 'zebra' } }, 100).ids).toContain('m-5')
    expect(allPages({ filter: { text: '稀土' } }, 100).ids).toContain('m-6')
  })

  it('keeps letters apart that the rule keeps apart, though a case-folding index would not (final ς and σ)', () => {
    value(call('measures.update', { id: 'm-8', facts: { title: { en: 'Νόμος για δασμούς' } } }))
    for (const text of ['νομοσ', 'νόμος', 'ΝΟΜΟΣ', 'δασμουσ', 'νομος για']) {
      const ids = allPages({ filter: { text } }, 100).ids.sort()
      expect(ids, text).toEqual(
        list({ text })
          .map((row) => row.id)
          .sort(),
      )
    }
    expect(allPages({ filter: { text: 'νόμος' } }, 100).ids).toEqual(['m-8'])
    expect(allPages({ filter: { text: 'νομοσ' } }, 100).ids).toEqual([])
  })

  it('a page never carries more than the limit, and facets come from the store', () => {
    expect(call('measures.page', { limit: 5000 }).ok).toBe(false)
    const facets = value(call('measures.facets', {})) as { imposers: string[]; tags: string[] }
    expect(new Set(facets.imposers)).toEqual(new Set(list({}).map((row) => row.imposer)))
    expect(facets.tags).toContain('tag-3')
  })

  it('facets list the live measures’ parties and tags only: a tag only deleted measures carry leaves, and comes back on restore', () => {
    type Facets = { imposers: string[]; targets: string[]; tags: string[] }
    const facets = () => value(call('measures.facets', {})) as Facets
    const expected = (): Facets => {
      const rows = list({})
      const distinct = (values: string[]) => [...new Set(values)].sort()
      return {
        imposers: distinct(rows.map((r) => r.imposer)),
        targets: distinct(rows.map((r) => r.target)),
        tags: distinct(rows.flatMap((r) => r.tags)),
      }
    }
    const sorted = (f: Facets): Facets => ({ imposers: [...f.imposers].sort(), targets: [...f.targets].sort(), tags: [...f.tags].sort() })
    const [first, second] = list({}).map((row) => row.id)
    value(call('tags.add', { measureId: first, tag: 'only-on-the-deleted' }))
    value(call('tags.add', { measureId: first, tag: 'shared-with-a-live-one' }))
    value(call('tags.add', { measureId: second, tag: 'shared-with-a-live-one' }))
    value(call('measures.delete', { id: first }))
    expect(facets().tags).not.toContain('only-on-the-deleted')
    expect(facets().tags).toContain('shared-with-a-live-one')
    expect(sorted(facets())).toEqual(expected())
    value(call('measures.restore', { id: first }))
    expect(facets().tags).toContain('only-on-the-deleted')
    expect(sorted(facets())).toEqual(expected())
  })
})

describe('the summary table follows every kind of write', () => {
  /** The SQL path's whole list (rows as stored) against the engine's, row for row. */
  function expectInStep(label: string): void {
    const stored = allPages({ sort: 'next' }, 1000)
    const pages: MeasureSummary[] = []
    for (let offset = 0; offset < stored.ids.length; offset += 1000) pages.push(...page({ offset, limit: 1000 }).rows)
    const compare = listComparator({ sort: 'next', groupByStatus: false, locale: 'en', categoryRank: new Map() })
    expect(pages, label).toEqual(list({}).sort(compare))
  }

  it('tags, links, notes, facts, deletion, events, imports and restores', () => {
    now = START
    const m = 'm-9'
    const steps: [string, () => unknown][] = [
      ['tags.add', () => call('tags.add', { measureId: m, tag: 'fresh-tag' })],
      ['tags.remove', () => call('tags.remove', { measureId: m, tag: 'fresh-tag' })],
      ['links.add', () => call('links.add', { measureId: m, targetId: 'm-20' })],
      ['links.remove', () => call('links.remove', { measureId: m, targetId: 'm-20' })],
      ['notes.add', () => call('notes.add', { measureId: m, body: 'first words' })],
      ['measures.update', () => call('measures.update', { id: m, facts: { title: { en: 'Renamed measure' } } })],
      ['measures.delete', () => call('measures.delete', { id: m })],
      ['measures.restore', () => call('measures.restore', { id: m })],
      ['events.record', () => call('events.record', { measureId: m, event: { kind: 'terminated', at: '2025-05-01T00:00:00+00:00[UTC]' } })],
      // A team database has no backups of its own (its server keeps them): that step is the file's.
      ...(TEST_STORE === 'file' ? [['backups.create', () => call('backups.create', {})] as [string, () => unknown]] : []),
      ['exchange.import (replace)', () => call('exchange.import', { file: generateExchangeFile(30), replace: true })],
    ]
    for (const [label, step] of steps) {
      const result = step() as { ok: boolean; error?: unknown }
      expect(result.ok, `${label}: ${JSON.stringify(result.error)}`).toBe(true)
      expectInStep(label)
    }
    expect(page({ filter: { text: 'first words' } }).rows.map((row) => row.id)).toEqual([])
    if (TEST_STORE === 'postgres') return
    const backups = value(call('backups.list', {})) as { backups: { name: string }[] }
    value(call('backups.restore', { name: backups.backups[0]!.name }))
    expectInStep('backups.restore')
    expect(page({ filter: { text: 'first words' } }).rows.map((row) => row.id)).toEqual([m])
  })

  it('a search counts and lists live measures only: a deleted one leaves, restored it comes back', () => {
    const searched = () => {
      const answer = page({ filter: { text: 'tag-3' }, limit: 1000 })
      return { total: answer.total, ids: answer.rows.map((row) => row.id).sort() }
    }
    const expectedNow = () =>
      list({ text: 'tag-3' })
        .map((row) => row.id)
        .sort()
    const gone = expectedNow()[0]!
    value(call('measures.delete', { id: gone }))
    expect(searched()).toEqual({ total: expectedNow().length, ids: expectedNow() })
    expect(searched().ids).not.toContain(gone)
    value(call('measures.restore', { id: gone }))
    expect(searched()).toEqual({ total: expectedNow().length, ids: expectedNow() })
    expect(searched().ids).toContain(gone)
  })

  // The FTS5 table is the file store's index; a team database's is the schema's trigram index.
  it.skipIf(TEST_STORE === 'postgres')(
    'a search index of an earlier definition (case-folding, as first released) is rebuilt before it is read',
    () => {
      const other = new DatabaseSync(temp.path)
      other.exec(`DROP TABLE measure_search;
      CREATE VIRTUAL TABLE measure_search USING fts5(body, tokenize = 'trigram', content = '', contentless_delete = 1)`)
      other.close()
      const ids = list({ text: 'tag-3' }).map((row) => row.id)
      expect(ids.length).toBeGreaterThan(0)
      expect(allPages({ filter: { text: 'tag-3' } }, 100).ids.sort()).toEqual(ids.sort())
    },
  )
})

describe('Needs review a page at a time', () => {
  // A store at an instant when many measures wait for a review, since many different instants (read only).
  const reviewNow = Date.parse('2026-12-05T12:00:00Z')
  let review: TempStore
  const ask = (method: string, input: unknown) => value(review.store.core.call(method, input))
  beforeAll(async () => {
    review = await openTempStore({ seed: true, nowMs: () => reviewNow })
    ask('exchange.import', { file: generateExchangeFile(300) })
  })
  afterAll(() => review.cleanup())

  it('pages of the review order put together are reminders.needsReview, oldest reason first', () => {
    const wanted = (ask('reminders.needsReview', {}) as MeasureSummary[]).map((row) => row.id)
    const instants = new Set((ask('reminders.needsReview', {}) as MeasureSummary[]).map((row) => row.reviewReason?.atMs))
    // Enough rows, waiting since different instants, for the order to matter.
    expect(wanted.length).toBeGreaterThan(10)
    expect(instants.size).toBeGreaterThan(3)
    const ids: string[] = []
    for (let offset = 0; ; offset += 7) {
      const answer = ask('measures.page', { filter: { needsReview: true }, sort: 'review', offset, limit: 7 }) as MeasurePage
      expect(answer.total).toBe(wanted.length)
      if (answer.rows.length === 0) break
      ids.push(...answer.rows.map((row) => row.id))
    }
    expect(ids).toEqual(wanted)
  })

  it('the review order is exact for any filter, grouping and page size, with reasons waiting since many instants', () => {
    // The SQL path narrows an ungrouped review page to rows whose key is at most its last row's
    // (summary-page.ts reviewCut): the keys must differ, and ties and groups must still come out whole.
    const compare = listComparator({ sort: 'review', groupByStatus: false, locale: 'en', categoryRank: new Map() })
    const grouped = listComparator({ sort: 'review', groupByStatus: true, locale: 'en', categoryRank: new Map() })
    fc.assert(
      fc.property(filterArb, groupArb, fc.integer({ min: 1, max: 40 }), (filter, group, size) => {
        const want = (ask('measures.list', { filter }) as MeasureSummary[])
          .sort(group === 'status' ? grouped : compare)
          .map((row) => row.id)
        const ids: string[] = []
        for (let offset = 0; ; offset += size) {
          const answer = ask('measures.page', { filter, sort: 'review', group, offset, limit: size }) as MeasurePage
          expect(answer.total).toBe(want.length)
          ids.push(...answer.rows.map((row) => row.id))
          if (answer.rows.length < size) break
        }
        expect(ids).toEqual(want)
      }),
      { numRuns: 60 },
    )
  })
})
