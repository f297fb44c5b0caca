// The calendar ledger (issue 13): after every change of a measure, in the same transaction, what
// that change means for calendars that imported or subscribed to an earlier export —
// transitions that went are recorded as cancelled, ones that came back are live again, and the
// measure's SEQUENCE rises (core/calendar/changes.ts decides; store/calendar-rows.ts keeps it).
// The service runs it for every mutation of one measure (service/index.ts), an import for the
// measures it replaces (service/exchange.ts) and a restore for every measure (service/backups.ts).
import { supersededEnds } from '../../shared/superseded.ts'
import { calendarChange, CANCELLED_RETENTION_MS } from '../calendar/changes.ts'
import { baseOf, toTimedEvent } from '../status/engine.ts'
import { forgetCancellationsBefore, readSequences, withdrawCancellations, writeCancellation, writeSequence } from '../store/calendar-rows.ts'
import type { StoredMeasure } from '../store/measure-rows.ts'
import { calendarMeasureOf, type CalendarLife } from './calendar.ts'
import { timestamp } from './clock.ts'
import type { ServiceContext } from './context.ts'

/** A stored measure as the calendar sees it: null when it does not exist or is deleted. */
export function calendarLifeOf(measure: StoredMeasure | null | undefined): CalendarLife | null {
  if (!measure || measure.deletedAt !== null) return null
  return { id: measure.id, title: measure.title, instrument: measure.instrument, updatedAt: measure.updatedAt, events: measure.events.map(toTimedEvent), base: baseOf(measure) }
}

export interface MeasureChange {
  id: string
  before: CalendarLife | null
  after: CalendarLife | null
}

/** Records, in the caller's transaction, what these changes mean for calendars. */
export function recordCalendarChanges(ctx: ServiceContext, changes: readonly MeasureChange[]): void {
  const nowMs = ctx.nowMs()
  const nowText = timestamp(nowMs)
  // One measure: its own row; many (an import, a restore): all rows at once.
  const recorded = readSequences(ctx.db, changes.length === 1 ? changes[0]?.id : undefined)
  for (const { id, before, after } of changes) {
    const recordedSequence = recorded.get(id) ?? null
    const change = calendarChange({
      measureId: id,
      before: before && calendarMeasureOf(before, recordedSequence),
      after: after && calendarMeasureOf(after, recordedSequence),
      recordedSequence,
      movedEnds: after ? supersededEnds(after.events) : [],
      nowMs,
      nowText,
    })
    if (change.sequence === null) continue
    for (const gone of change.cancelled) writeCancellation(ctx.db, gone)
    withdrawCancellations(ctx.db, id, change.live)
    writeSequence(ctx.db, id, change.sequence)
  }
  forgetCancellationsBefore(ctx.db, nowMs - CANCELLED_RETENTION_MS)
}
