// Building the status report as a stream (issue 14): a report of 100,000 measures held whole — every
// summary, every event, every row's model and then the text — took 1.2–1.8 GB. Here it is built in
// two passes over a ReportSource, on one snapshot of the store held by the caller
// (store/read-snapshot.ts), so both passes see the same measures:
//
// 1. The head: one pass over the measures the filter selects, keeping only what the first pages
//    print and the tables' order — counts by status and party, the deadlines in the window, the
//    needs-review list, each party's measure ids sorted by next deadline, each one's next deadline.
// 2. The rows: the tables' measures read ROW_BATCH at a time with their counter-measures (and,
//    with a filter, those counter-measures' own counter-measures whose next deadline pass 1 did not
//    see, which order their counterIds), each described, handed on, then dropped. Footnotes are
//    numbered as the tables first cite them and kept (one per URL) for the end of the document,
//    with the counter-measures outside the filter and the pinned notes when asked.
//
// What it holds grows with the head and the footnotes, not with the measures' events or the
// document's text. The rules of what goes where are model.ts's; `collectReport` gathers the stream
// into the same model (report-stream.test.ts: streamed in small batches from the store, it equals
// the report built from whole lists, its reference source).
import type { ReportOptions } from '../../shared/api-inputs.ts'
import type { MeasureSummary } from '../../shared/api-views.ts'
import { STATUSES, type Status } from '../../shared/domain.ts'
import { Temporal, formatZoned } from '../../shared/time.ts'
import { transitionsOf, type TimedEvent } from '../status/engine.ts'
import { formatRateValue, rateText } from '../../shared/rate.ts'
import { commitmentText } from '../../shared/commitment-text.ts'
import { localizedText } from '../../shared/localized.ts'
import { translatedField } from '../../shared/translations.ts'
import { isWithinDays, zonedDeadline } from '../../shared/within-days.ts'
import { clean, filterText, footnoteOf, formatInstantText, instantMs, partyName, rateCell, reasonKey, reportClock } from './model.ts'
import {
  REPORT_MODEL_FORMAT,
  REPORT_MODEL_VERSION,
  type ReportDeadline,
  type ReportFootnote,
  type ReportHead,
  type ReportMeasure,
  type ReportMeasureData,
  type ReportModel,
  type ReportNoteGroup,
  type ReportPartySection,
  type ReportReviewItem,
  type ReportRow,
  type ReportStream,
} from './model-types.ts'
import type { ReportCharts } from './charts.ts'

/** A live measure as the rows need it: its summary at the as-of instant and what the report reads beyond it. */
export interface ReportSubject {
  summary: MeasureSummary
  data: ReportMeasureData | undefined
}

/** Where the report's measures come from: the store a batch at a time (read.ts), or whole lists (`inputSource`). */
export interface ReportSource {
  /** Every measure the report's filter selects, with its status at the as-of instant and its events, in any order. */
  eachInScope(visit: (summary: MeasureSummary, events: readonly TimedEvent[]) => void): void
  /** Counter links ('counter' relation) whose two ends are live measures, as [from, to]. */
  counterLinks(): Iterable<readonly [string, string]>
  /** These live measures (an id deleted or unknown is left out). */
  subjectsOf(ids: readonly string[]): Map<string, ReportSubject>
}

/** Measures of the tables read per batch by the rows. */
export const ROW_BATCH = 100
/**
 * Up to this many measures in the filter, the rows are read in one batch, so each measure is read
 * and described once (in batches, a counter-measure is read again beside each measure it answers):
 * at 1,000 measures in batches of 100 the report took 55 ms against 33 ms built whole.
 */
const ONE_BATCH_UP_TO = 2_000

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

const zeroCounts = () => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>

/** A row of a party's table in pass 1: what counting needs (its order comes from `nextOf`). */
interface Placed {
  id: string
  status: Status
  needsReview: boolean
}

export interface ReportStreamOptions {
  /** The as-of instant, RFC 9557. */
  at: string
  /** When the report is generated (epoch ms). */
  nowMs: number
  /** The charts, when the report has them (built by the caller from the same measures). */
  charts?: ReportCharts
  /** Measures read per batch (tests use small ones). */
  batch?: number
}

export function reportStream(source: ReportSource, options: ReportOptions, how: ReportStreamOptions): ReportStream {
  const { locale, t, zone, asOfMs, instant, transition } = reportClock(options, how.at)

  // Pass 1: order, counts, deadlines and the review list of the measures in the filter. `nextOf`
  // has each one's next deadline (its keys are the measures in scope): it orders a measure's
  // counter-measures without reading them again.
  const nextOf = new Map<string, number>()
  const byImposer = new Map<string, Placed[]>()
  const statusCounts = zeroCounts()
  const deadlines: ReportDeadline[] = []
  const needsReview: ReportReviewItem[] = []
  source.eachInScope((summary, events) => {
    const { id, status } = summary
    nextOf.set(id, summary.next?.atMs ?? Infinity)
    const placed: Placed = { id, status, needsReview: summary.needsReview }
    const list = byImposer.get(summary.imposer)
    if (list) list.push(placed)
    else byImposer.set(summary.imposer, [placed])
    statusCounts[status] += 1
    const title = clean(localizedText(summary.title, locale))
    for (const tr of transitionsOf(events, { commitment: summary.commitment })) {
      if (!isWithinDays(zonedDeadline(tr), asOfMs, options.days)) continue
      const row: ReportDeadline = { ...transition(tr.kind, tr.at, tr.atMs), measureId: id, title, imposer: summary.imposer }
      // A rate step says what it steps to: "Rate step — new rate USD 80 / net ton".
      if (tr.kind === 'rate_step') {
        const step = events.find((e) => e.id === tr.eventId)
        const rate = step?.rate ?? (step?.rateValue ? formatRateValue(step.rateValue, locale) : null)
        if (rate) row.label = `${row.label} — ${t('rate.step', { rate: clean(rate) })}`
      }
      deadlines.push(row)
    }
    const reason = summary.reviewReason
    if (reason !== null)
      needsReview.push({
        measureId: id,
        title,
        imposer: summary.imposer,
        statusLabel: t(`status.${status}`),
        reason: { ...transition(reason.kind, reason.at, reason.atMs), reason: t(reasonKey(reason.kind)) },
      })
  })
  deadlines.sort((a, b) => a.atMs - b.atMs || compareIds(a.measureId, b.measureId))
  needsReview.sort((a, b) => a.reason.atMs - b.reason.atMs || compareIds(a.measureId, b.measureId))

  // Party sections: most measures first, then by code; rows soonest next deadline first.
  const partyCodes = [...byImposer.keys()].sort(
    (a, b) => (byImposer.get(b)?.length ?? 0) - (byImposer.get(a)?.length ?? 0) || compareIds(a, b),
  )
  const parties: ReportPartySection[] = []
  const byParty: ReportHead['byParty'] = []
  for (const party of partyCodes) {
    const nextMs = (p: Placed) => nextOf.get(p.id) ?? Infinity
    const placed = (byImposer.get(party) ?? []).sort((a, b) => nextMs(a) - nextMs(b) || compareIds(a.id, b.id))
    const counts = zeroCounts()
    let review = 0
    for (const p of placed) {
      counts[p.status] += 1
      if (p.needsReview) review += 1
    }
    const name = partyName(party, locale)
    parties.push({ party, name, measureIds: placed.map((p) => p.id) })
    byParty.push({ party, name, byStatus: counts, needsReview: review, total: placed.length })
  }
  byImposer.clear()

  // Counter links read in both directions: a US measure's counter-measures are the Chinese ones it
  // links to and the Chinese ones linking to it.
  // (Lists, not sets: one per measure, most of one or two entries.)
  const counters = new Map<string, string[]>()
  const addCounter = (a: string, b: string) => {
    if (a === b) return
    const list = counters.get(a)
    if (!list) counters.set(a, [b])
    else if (!list.includes(b)) list.push(b)
  }
  for (const [from, to] of source.counterLinks()) {
    addCounter(from, to)
    addCounter(to, from)
  }

  const head: ReportHead = {
    format: REPORT_MODEL_FORMAT,
    version: REPORT_MODEL_VERSION,
    lang: locale,
    zone,
    title: t('report.title'),
    filterText: filterText(options.filter, t, locale),
    asOf: instant(how.at, asOfMs),
    generatedAt: instant(formatZoned(Temporal.Instant.fromEpochMilliseconds(how.nowMs).toZonedDateTimeISO(zone)), how.nowMs),
    options: {
      days: options.days,
      includeNotes: options.includeNotes,
      paper: options.paper,
      orientation: options.orientation,
      filter: options.filter,
    },
    totals: { measures: nextOf.size, needsReview: needsReview.length, deadlines: deadlines.length },
    byStatus: STATUSES.map((status) => ({ status, label: t(`status.${status}`), count: statusCounts[status] })),
    byParty,
    deadlines,
    needsReview,
    parties,
    ...(how.charts ? { charts: how.charts } : {}),
  }

  // Pass 2 keeps these for the end of the document.
  const footnotes: ReportFootnote[] = []
  const footnoteByUrl = new Map<string, ReportFootnote>()
  const outside = new Map<string, ReportMeasure>()
  const notes: ReportNoteGroup[] | null = options.includeNotes ? [] : null
  let finished = false

  /** The measure as its row shows it. Describing one again gives the same (footnotes keep their numbers). */
  const describe = ({ summary, data }: ReportSubject, subjects: Map<string, ReportSubject>): ReportMeasure => {
    const numbers: number[] = []
    for (const source of data?.sources ?? []) {
      const key = source.url.trim()
      let note = footnoteByUrl.get(key)
      if (!note) {
        // Made with its first citing measure: an empty list grown by push keeps room for 16 (the
        // footnotes are what the report holds longest: 15 MB of spare room at 100,000).
        const f = footnoteOf(source, footnotes.length + 1, t, locale)
        // Written out rather than spread: a literal keeps its eight fields in the object itself.
        note = {
          number: f.number,
          url: f.url,
          title: f.title,
          publisher: f.publisher,
          date: f.date,
          confidence: f.confidence,
          confidenceLabel: f.confidenceLabel,
          measureIds: [summary.id],
        }
        footnotes.push(note)
        footnoteByUrl.set(key, note)
      } else if (!note.measureIds.includes(summary.id)) note.measureIds.push(summary.id)
      if (!numbers.includes(note.number)) numbers.push(note.number)
    }
    const reason = summary.reviewReason
    const fullRate = rateText(summary, locale)
    const counterIds = (counters.get(summary.id) ?? [])
      .map((id) => ({ id, nextMs: nextOf.get(id) ?? subjects.get(id)?.summary.next?.atMs ?? Infinity }))
      .sort((a, b) => a.nextMs - b.nextMs || compareIds(a.id, b.id))
      .map((c) => c.id)
    const measure: ReportMeasure = {
      id: summary.id,
      title: clean(localizedText(summary.title, locale)),
      shortName: clean(translatedField(summary, 'shortName', locale)),
      imposer: summary.imposer,
      imposerName: partyName(summary.imposer, locale),
      target: summary.target,
      targetName: partyName(summary.target, locale),
      category: summary.category,
      categoryLabel: t(`category.${summary.category}`),
      instrument: clean(translatedField(summary, 'instrument', locale)),
      instrumentNumber: clean(data ? translatedField(data, 'instrumentNumber', locale) : ''),
      status: summary.status,
      statusLabel: t(`status.${summary.status}`),
      since: summary.since === null ? null : instant(summary.since, instantMs(data?.events ?? [], summary.since), true),
      next: summary.next === null ? null : transition(summary.next.kind, summary.next.at, summary.next.atMs),
      rate: rateCell(summary, locale, t),
      fullRate: fullRate === null ? null : clean(fullRate),
      rateInEffect: summary.rateInEffect === null ? null : formatRateValue(summary.rateInEffect, locale),
      commitment:
        summary.commitment === null
          ? null
          : {
              outcome: summary.commitment.outcome,
              outcomeLabel: t(`commitment.outcome.${summary.commitment.outcome}`),
              text: clean(commitmentText(summary.commitment, locale, t)),
            },
      needsReview: summary.needsReview,
      reviewReason: reason === null ? null : { ...transition(reason.kind, reason.at, reason.atMs), reason: t(reasonKey(reason.kind)) },
      counterIds,
      footnotes: numbers.sort((a, b) => a - b),
      inScope: nextOf.has(summary.id),
    }
    if (!measure.inScope && !outside.has(measure.id)) outside.set(measure.id, measure)
    return measure
  }

  /**
   * The batch's ids and their counter-measures (described beside them), and those counter-measures'
   * own counter-measures whose next deadline is not known yet (their counterIds are ordered by it):
   * none when the report has no filter.
   */
  const neighbourhood = (ids: readonly string[]): string[] => {
    const all = new Set(ids)
    const ring: string[] = []
    for (const id of ids)
      for (const other of counters.get(id) ?? [])
        if (!all.has(other)) {
          all.add(other)
          ring.push(other)
        }
    for (const id of ring) for (const other of counters.get(id) ?? []) if (!nextOf.has(other)) all.add(other)
    return [...all]
  }

  /** The rows of these table entries, read together; each measure described once (describing is pure). */
  function* batchRows(entries: readonly (readonly [ReportPartySection, string])[]): Generator<ReportRow, void, undefined> {
    const subjects = source.subjectsOf(neighbourhood(entries.map(([, id]) => id)))
    const described = new Map<string, ReportMeasure>()
    const measureOf = (id: string): ReportMeasure => {
      let measure = described.get(id)
      if (measure === undefined) {
        const subject = subjects.get(id)
        // Read on the same snapshot as pass 1, so it is there; a source that breaks this is a bug.
        if (!subject) throw new Error(`The report's measure ${id} was not found in its second pass`)
        described.set(id, (measure = describe(subject, subjects)))
      }
      return measure
    }
    for (const [section, id] of entries) {
      const measure = measureOf(id)
      const counterMeasures = measure.counterIds.map(measureOf)
      const pinned = notes === null ? [] : (subjects.get(id)?.data?.notes ?? []).filter((n) => n.pinned)
      if (pinned.length > 0)
        notes?.push({
          measureId: id,
          title: measure.title,
          notes: pinned.map((n) => ({
            id: n.id,
            body: n.body,
            createdAt: n.createdAt,
            updatedAt: n.updatedAt,
            updatedText: formatInstantText(n.updatedAt, zone, locale),
          })),
        })
      yield { section, measure, counters: counterMeasures }
    }
  }

  function* rows(): Generator<ReportRow, void, undefined> {
    // A small report in one batch: every measure read and described once.
    const batch = how.batch ?? (nextOf.size <= ONE_BATCH_UP_TO ? ONE_BATCH_UP_TO : ROW_BATCH)
    let entries: (readonly [ReportPartySection, string])[] = []
    for (const section of parties)
      for (const id of section.measureIds) {
        entries.push([section, id])
        if (entries.length < batch) continue
        yield* batchRows(entries)
        entries = []
      }
    if (entries.length > 0) yield* batchRows(entries)
    finished = true
  }

  return {
    head,
    rows,
    tail() {
      if (!finished) throw new Error("The report's tail was asked for before all its rows were read")
      return { outside: [...outside.values()], notes, footnotes }
    },
    footnote: (number) => footnotes[number - 1],
  }
}

/** The whole model from a stream: the head, every row's measure then those outside the filter, the tail. */
export function collectReport(stream: ReportStream): ReportModel {
  const measures: ReportMeasure[] = []
  for (const row of stream.rows()) measures.push(row.measure)
  const { outside, notes, footnotes } = stream.tail()
  const { charts, ...head } = stream.head
  return { ...head, measures: [...measures, ...outside], notes, footnotes, ...(charts ? { charts } : {}) }
}

/** A stream over a model already built (tests, and a report made by hand): its rows from its own lists. */
export function streamOfModel(model: ReportModel): ReportStream {
  const { measures, notes, footnotes, ...head } = model
  const byId = new Map(measures.map((m) => [m.id, m]))
  const byNumber = new Map(footnotes.map((f) => [f.number, f]))
  return {
    head,
    *rows() {
      for (const section of model.parties)
        for (const id of section.measureIds) {
          const measure = byId.get(id)
          if (!measure) continue
          const counters = measure.counterIds.map((cid) => byId.get(cid)).filter((c): c is ReportMeasure => c !== undefined)
          yield { section, measure, counters }
        }
    },
    tail: () => ({ outside: measures.filter((m) => !m.inScope), notes, footnotes }),
    footnote: (number) => byNumber.get(number),
  }
}
