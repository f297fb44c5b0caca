// The calendar ledger (issue 13): after every change of a measure, in the same transaction, what
// that change means for calendars that imported or subscribed to an earlier export —
// transitions that went are recorded as cancelled, ones that came back are live again, and the
// measure's SEQUENCE rises (core/calendar/changes.ts decides; store/calendar-rows.ts keeps it).
// The service runs it for every mutation of one measure (service/index.ts), an import for the
// measures it replaces (service/exchange.ts) and a restore for every measure (service/backups.ts).
//
// Cost: an import or a restore holds the write lock, so measures whose calendar inputs did not
// change are told apart first by their events as stored (the timeline column: no date parsing, no
// status fold); only the others are folded and compared. An import does even that before it takes
// the lock, from its staging file.
import type { Db } from '../store/db.ts'
import { supersededEnds } from '../../shared/superseded.ts'
import { calendarChange, CANCELLED_RETENTION_MS } from '../calendar/changes.ts'
import {
  forgetCancellationsBefore,
  readSequences,
  withdrawCancellations,
  writeCancellation,
  writeSequence,
} from '../store/calendar-rows.ts'
import { calendarMeasureOf, type CalendarLife } from './calendar.ts'
import { timestamp } from './clock.ts'
import type { ServiceContext } from './context.ts'
import { readMeasureLives } from './reminders.ts'

/** A measure as the calendar sees it now (from the timeline column: cheap), or null when it does not exist or is deleted. */
export function calendarLifeNow(db: Db, id: string): CalendarLife | null {
  return readMeasureLives(db, id)[0] ?? null
}

/** What the calendar is made from, as text: equal text, equal calendar. */
function lifeInputs(life: CalendarLife | null): string {
  return life === null ? '' : JSON.stringify([life.title, life.instrument, life.base, life.events])
}

export interface MeasureChange {
  id: string
  before: CalendarLife | null
  after: CalendarLife | null
}

/** The measures (of a whole-database change) whose calendar may have changed, by id, from both sides' lives. */
export function changedLives(before: ReadonlyMap<string, CalendarLife>, after: ReadonlyMap<string, CalendarLife>): MeasureChange[] {
  const changes: MeasureChange[] = []
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(id) ?? null
    const is = after.get(id) ?? null
    if (lifeInputs(was) !== lifeInputs(is)) changes.push({ id, before: was, after: is })
  }
  return changes
}

/** One measure's change (every mutation of a measure: service/index.ts). */
export function recordCalendarChange(ctx: ServiceContext, id: string, before: CalendarLife | null): void {
  const after = calendarLifeNow(ctx.db, id)
  if (lifeInputs(before) !== lifeInputs(after)) recordCalendarChanges(ctx, [{ id, before, after }])
}

/** Records, in the caller's transaction, what these changes mean for calendars. */
export function recordCalendarChanges(ctx: ServiceContext, changes: readonly MeasureChange[]): void {
  if (changes.length === 0) return
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
      movedEnds: () => (after ? supersededEnds(after.events) : []),
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
