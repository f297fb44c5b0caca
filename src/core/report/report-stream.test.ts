// Issue 14: the status report is written a piece at a time — its first pass keeps only the head,
// its rows are read ROW_BATCH measures at a time with their counter-measures. Streamed from the
// store in batches much smaller than the store, it must be exactly the report built from whole
// lists (every summary and every detail read at once), for every filter, language and format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateExchangeFile } from '../../../bench/generate.ts'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import { value } from '../../../test/helpers/results.ts'
import { REPORT_FORMATS, reportOptionsSchema, type ReportOptions } from '../../shared/api-inputs.ts'
import type { MethodName } from '../../shared/api.ts'
import { epochMs } from '../../shared/time.ts'
import { reportFileChunks } from '../service/report.ts'
import { listSummaries } from '../store/summaries.ts'
import { inSnapshot } from '../store/read-snapshot.ts'
import type { MeasureSummary } from '../../shared/api-views.ts'
import type { ReportMeasureData, ReportModel } from './model-types.ts'
import { storeReportSource } from './read.ts'
import { renderReport } from './render.ts'
import { collectReport, reportStream, streamOfModel, type ReportSource, type ReportSubject } from './stream.ts'

const AT = '2026-06-01T08:00:00-04:00[America/New_York]'
const NOW = Date.parse('2026-06-02T10:00:00Z')
let temp: TempStore
const call = <M extends MethodName>(method: M, input: unknown) => temp.store.core.call(method, input)

beforeAll(async () => {
  temp = await openTempStore({ nowMs: () => NOW })
  // Beside the embedded dataset, measures in four parties, each odd one a counter-measure of the one before.
  const file = generateExchangeFile(1_300)
  // m-5 (CN) also answers two EU measures: with the US filter it is a counter-measure outside the
  // filter whose own counter-measures are outside too, ordered by next deadline (m-702's comes
  // before m-4's and m-698's, the reverse of their ids), which only a read of them can tell.
  file.measures[5]!.links = ['m-4', 'm-698', 'm-702'].map((targetId) => ({ targetId, relation: 'counter' as const }))
  value(call('exchange.import', { file }))
  // A deleted measure is a counter-measure of nothing; pinned notes (and one not pinned) for includeNotes.
  value(call('measures.delete', { id: 'm-6' }))
  for (const id of ['m-10', 'm-701', 'us-ustr-301-ships'])
    value(call('notes.add', { measureId: id, body: `Pinned on **${id}**`, pinned: true }))
  value(call('notes.add', { measureId: 'm-12', body: 'not pinned' }))
})
afterAll(() => temp.cleanup())

const optionsOf = (options: Partial<ReportOptions>): ReportOptions => reportOptionsSchema.parse({ at: AT, ...options })

/**
 * The reference source: whole lists, nothing read in batches. Asked for some measures it gives every
 * live one, so the stream never depends on having asked for the right ones.
 */
function wholeListsSource(
  summaries: readonly MeasureSummary[],
  allSummaries: readonly MeasureSummary[],
  details: ReadonlyMap<string, ReportMeasureData>,
): ReportSource {
  const allById = new Map(allSummaries.map((s) => [s.id, s]))
  const every = new Map<string, ReportSubject>(allSummaries.map((summary) => [summary.id, { summary, data: details.get(summary.id) }]))
  return {
    eachInScope(visit) {
      for (const summary of summaries) visit(summary, details.get(summary.id)?.events ?? [])
    },
    *counterLinks() {
      for (const summary of allSummaries)
        for (const link of summary.links)
          if (link.relation === 'counter' && allById.has(link.targetId)) yield [summary.id, link.targetId] as const
    },
    subjectsOf: () => every,
  }
}

/** The report from whole lists: every live summary and every detail, read at once. */
function wholeReport(options: ReportOptions): ReportModel {
  const db = temp.store.core.context.db
  const atMs = epochMs(AT)
  const allSummaries = listSummaries(db, { atMs, filter: {}, includeDeleted: false })
  const summaries = listSummaries(db, { atMs, filter: options.filter, includeDeleted: false })
  const subjects = storeReportSource(db, atMs, {}).subjectsOf(allSummaries.map((s) => s.id))
  const details = new Map([...subjects].map(([id, subject]) => [id, subject.data as ReportMeasureData]))
  return collectReport(reportStream(wholeListsSource(summaries, allSummaries, details), options, { at: AT, nowMs: NOW }))
}

/** The report streamed from the store, seven measures per batch. */
function streamedReport(options: ReportOptions): ReportModel {
  const db = temp.store.core.context.db
  return inSnapshot(db, () =>
    collectReport(reportStream(storeReportSource(db, epochMs(AT), options.filter), options, { at: AT, nowMs: NOW, batch: 7 })),
  )
}

const CASES: [string, Partial<ReportOptions>][] = [
  ['every measure', {}],
  ['one imposing party (its counter-measures outside the filter)', { filter: { imposer: 'US' } }],
  ['a word, with pinned notes, in Traditional Chinese', { filter: { text: 'm-1' }, includeNotes: true, lang: 'zh-Hant' }],
  ['needs review, in Simplified Chinese, 90 days', { filter: { needsReview: true }, lang: 'zh-Hans', days: 90 }],
]

describe('the status report streamed from the store', () => {
  it.each(CASES)('is the report built from whole lists: %s', (_, partial) => {
    const options = optionsOf(partial)
    const whole = wholeReport(options)
    expect(whole.measures.length).toBeGreaterThan(7)
    expect(streamedReport(options)).toEqual(whole)
  })

  it('shows counter-measures outside the filter, numbers each source once and carries pinned notes', () => {
    const us = streamedReport(optionsOf({ filter: { imposer: 'US' }, includeNotes: true }))
    const outside = us.measures.filter((m) => !m.inScope)
    expect(outside.length).toBeGreaterThan(100)
    expect(outside.every((m) => m.imposer !== 'US')).toBe(true)
    // Every in-scope measure first, in table order; those outside after them.
    expect(us.measures.slice(0, us.totals.measures).every((m) => m.inScope)).toBe(true)
    expect(us.footnotes.map((f) => f.number)).toEqual(us.footnotes.map((_, i) => i + 1))
    expect(new Set(us.footnotes.map((f) => f.url)).size).toBe(us.footnotes.length)
    expect(us.notes?.map((n) => n.measureId)).toEqual(expect.arrayContaining(['us-ustr-301-ships']))
    expect(outside.find((m) => m.id === 'm-5')?.counterIds).toEqual(['m-702', 'm-4', 'm-698'])
    // m-6 is deleted: m-7, its counter-measure's pair, shows none.
    const all = streamedReport(optionsOf({}))
    expect(all.measures.find((m) => m.id === 'm-7')?.counterIds).toEqual([])
    expect(all.measures.some((m) => m.id === 'm-6')).toBe(false)
  })

  it.each(REPORT_FORMATS)('writes %s a piece at a time, exactly as report.build gives the file', (format) => {
    const options = optionsOf({ filter: { imposer: 'CN' }, includeNotes: true })
    const built = value(call('report.build', { options: { at: AT, filter: { imposer: 'CN' }, includeNotes: true }, format }))
    const pieces = [...reportFileChunks(temp.store.core.context, options, format)]
    expect(pieces.length).toBeGreaterThanOrEqual(2)
    expect(pieces.join('')).toBe(built.content)
    expect(renderReport(streamOfModel(wholeReport(options)), format).content).toBe(built.content)
    if (format === 'json') expect(built.content).toBe(`${JSON.stringify(wholeReport(options), null, 2)}\n`)
  })
})
