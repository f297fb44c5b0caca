// calendar.export: the measures (all, or one) as an .ics file — see core/calendar/ics.ts for
// what the file holds. A query: it reads the measures, the user's lead times and the calendar
// ledger (calendar-ledger.ts: transitions cancelled in the last CANCELLED_RETENTION_DAYS, each
// measure's SEQUENCE), and writes nothing. Its `refreshAt` says when time alone changes the file,
// for the kept subscription file (core/calendar-file.ts).
import { localizedText } from '../../shared/localized.ts'
import { translatedField } from '../../shared/translations.ts'
import { ServiceError } from '../../shared/result.ts'
import { CANCELLED_RETENTION_MS } from '../calendar/changes.ts'
import {
  calendarChunks,
  calendarFor,
  eventUid,
  nextAlarmPassesMs,
  spannedCalendarChunks,
  ZoneSpans,
  type CalendarMeasure,
} from '../calendar/ics.ts'
import { readCancellations, readSequences } from '../store/calendar-rows.ts'
import { statusAt, transitionsOf } from '../status/engine.ts'
import type { Handlers, ServiceContext } from './context.ts'
import type { Locale } from '../../shared/domain.ts'
import { readLeadDays, readMeasureLives, type MeasureLife } from './reminders.ts'
import { chunksInSnapshot } from '../store/read-snapshot.ts'

/** What the calendar needs of a measure (a MeasureLife, or a stored measure: calendar-ledger.ts). */
export type CalendarLife = Pick<MeasureLife, 'id' | 'title' | 'instrument' | 'updatedAt' | 'events' | 'base'>

/** A measure's calendar entries; `sequence` is its recorded SEQUENCE (calendar_sequences), if any. */
export function calendarMeasureOf(life: CalendarLife, sequence: number | null = null): CalendarMeasure {
  const base = life.base
  return {
    id: life.id,
    title: life.title,
    instrument: life.instrument,
    updatedAt: life.updatedAt,
    ...(sequence === null ? {} : { sequence }),
    transitions: transitionsOf(life.events, base).map((transition) => {
      const state = statusAt(life.events, transition.atMs, base)
      return { ...transition, status: state.status, rateState: state }
    }),
  }
}

/** What calendar.export writes, before it is written: the measures' entries, the options, the cancellations. */
function calendarPlan(ctx: ServiceContext, { measureId, locale }: { measureId?: string | undefined; locale: Locale }) {
  const lives = readMeasureLives(ctx.db, measureId)
  if (measureId !== undefined && lives.length === 0)
    throw new ServiceError('NOT_FOUND', `No measure with id "${measureId}"`, { id: measureId })
  const single = measureId === undefined ? undefined : lives[0]
  const nowMs = ctx.nowMs()
  const sequences = readSequences(ctx.db, measureId)
  // The instrument in the calendar's language; the ledger's SEQUENCE compares the stored facts, not this text.
  const measures = lives.map((life) =>
    calendarMeasureOf({ ...life, instrument: translatedField(life, 'instrument', locale) }, sequences.get(life.id) ?? null),
  )
  // A UID is in the file once: live wins over a cancellation the ledger did not withdraw.
  const live = new Set(measures.flatMap((measure) => measure.transitions.map((transition) => eventUid(measure.id, transition))))
  const cancelled = readCancellations(ctx.db, nowMs - CANCELLED_RETENTION_MS, measureId).filter((gone) => !live.has(gone.uid))
  const leadDays = readLeadDays(ctx.db)
  const options = { leadDays, locale, nowMs, ...(single ? { name: `${localizedText(single.title, locale)} — Measure Tracker` } : {}) }
  return { measures, options, cancelled, filename: `${measureId ?? 'measure-tracker'}.ics` }
}

/**
 * calendar.export's file in chunks (ics.ts calendarChunks), for the command line's `export
 * --format ics` of any number of measures; `written.events` counts the events as they go. One
 * measure is planned whole (an unknown id fails here, before any chunk); every measure is read
 * twice, a batch at a time (allCalendarChunks), so memory stays bounded whatever the store's size.
 */
export function calendarExportChunks(
  ctx: ServiceContext,
  input: { measureId?: string | undefined; locale: Locale },
  written = { events: 0 },
): Iterable<string> {
  if (input.measureId === undefined) return allCalendarChunks(ctx, input.locale, written)
  const { measures, options, cancelled } = calendarPlan(ctx, input)
  return calendarChunks(measures, options, cancelled, written)
}

/** Measures read per query by the calendar of every measure: bounds what is held at once. */
const CALENDAR_BATCH = 500

function* livesInBatches(ctx: ServiceContext): Generator<MeasureLife[], void, undefined> {
  let afterId = ''
  for (;;) {
    const lives = readMeasureLives(ctx.db, undefined, { afterId, limit: CALENDAR_BATCH })
    if (lives.length === 0) return
    yield lives
    afterId = lives.at(-1)!.id
  }
}

/**
 * calendarPlan's file for every measure, without holding them: a first pass over the measures
 * finds each zone's span (the head's VTIMEZONEs need it) and which cancellations are live again;
 * the second renders each batch's measures as it reads them. Both passes on one snapshot of the
 * store (store/read-snapshot.ts). Byte for byte calendarFor(calendarPlan(…)).
 */
function allCalendarChunks(ctx: ServiceContext, locale: Locale, written: { events: number }): Iterable<string> {
  return chunksInSnapshot(ctx.db, function* () {
    const nowMs = ctx.nowMs()
    const leadDays = readLeadDays(ctx.db)
    const sequences = readSequences(ctx.db)
    const recorded = readCancellations(ctx.db, nowMs - CANCELLED_RETENTION_MS)
    const cancelledUids = new Set(recorded.map((gone) => gone.uid))
    const liveAgain = new Set<string>()
    const spans = new ZoneSpans(leadDays)
    for (const lives of livesInBatches(ctx))
      for (const life of lives)
        for (const transition of transitionsOf(life.events, life.base)) {
          spans.coverLive(transition)
          const uid = eventUid(life.id, transition)
          if (cancelledUids.has(uid)) liveAgain.add(uid)
        }
    // A UID is in the file once: live wins over a cancellation the ledger did not withdraw.
    const cancelled = recorded.filter((gone) => !liveAgain.has(gone.uid))
    const measures = function* (): Generator<CalendarMeasure, void, undefined> {
      for (const lives of livesInBatches(ctx))
        for (const life of lives)
          yield calendarMeasureOf({ ...life, instrument: translatedField(life, 'instrument', locale) }, sequences.get(life.id) ?? null)
    }
    yield* spannedCalendarChunks(spans, measures(), { leadDays, locale, nowMs }, cancelled, written)
  })
}

export const calendarHandlers: Handlers<'calendar.export'> = {
  'calendar.export': (ctx, input) => {
    const { measures, options, cancelled, filename } = calendarPlan(ctx, input)
    const content = calendarFor(measures, options, cancelled)
    // The file changes by time alone when an alarm's moment passes or a cancellation's retention ends.
    const refreshMs = cancelled.reduce(
      (earliest, gone) => Math.min(earliest, Date.parse(gone.cancelledAt) + CANCELLED_RETENTION_MS),
      nextAlarmPassesMs(measures, options.leadDays, options.nowMs) ?? Infinity,
    )
    return {
      filename,
      mimeType: 'text/calendar',
      content,
      ...(Number.isFinite(refreshMs) ? { refreshAt: new Date(refreshMs).toISOString() } : {}),
    }
  },
}
