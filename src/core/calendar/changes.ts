// What one change of a measure means for calendars that imported or subscribed to an earlier
// export (issue 13). Pure: the service (core/service/calendar-ledger.ts) gives the measure's
// calendar entries before and after a change and stores the answer in the same transaction.
//
// - Every transition the measure had before and not after is cancelled: same UID, its old start
//   and summary, STATUS:CANCELLED. Why it went is kept for the description: an extension moved it
//   (`superseded`, with the new end), the measure was deleted, or it was otherwise removed (the
//   event deleted, replaced by an import or a restore, no longer a transition).
// - When anything the calendar says about the measure changed, its SEQUENCE rises by at least one
//   over what calendars last saw, even for two changes within a minute or a backup whose dates
//   are older (a SEQUENCE that does not rise is ignored by calendar programs, §3.8.7.4). Its
//   cancellations carry that SEQUENCE too, and an undo makes the transition live again with a
//   higher one still.
// - Retention: a cancellation is exported for CANCELLED_RETENTION_DAYS after the change. A
//   subscribed calendar polls at least daily, so that is ample; a file imported once is updated
//   only when the user imports again — half a year covers the usual re-import rhythm without the
//   calendar growing forever. After that the entry is forgotten.
import { CANCELLED_RETENTION_DAYS } from '../../shared/calendar-retention.ts'
import { DAY_MS } from '../../shared/time-units.ts'
import { eventUid, measureSequence, sequenceOf, type CalendarMeasure, type CancelReason, type CancelledTransition } from './ics.ts'

export { CANCELLED_RETENTION_DAYS }
export const CANCELLED_RETENTION_MS = CANCELLED_RETENTION_DAYS * DAY_MS

/** An end an extension moved (shared/superseded.ts): the event whose end it was, and the new end. */
export interface MovedEnd {
  eventId: string
  newUntil: string | null
}

export interface CalendarChangeInput {
  measureId: string
  /** The measure's calendar entries before the change; null when it did not exist or was deleted. */
  before: CalendarMeasure | null
  after: CalendarMeasure | null
  /** The SEQUENCE recorded for the measure (calendar_sequences), if any. */
  recordedSequence: number | null
  /** Ends moved by an extension, after the change (asked only when an end went). */
  movedEnds: () => readonly MovedEnd[]
  nowMs: number
  nowText: string
}

export interface CalendarChange {
  /** Transitions that went, to be written as cancelled. */
  cancelled: CancelledTransition[]
  /** UIDs the measure has after the change: any cancellation of them is withdrawn. */
  live: string[]
  /** The measure's new SEQUENCE, or null when nothing the calendar says changed. */
  sequence: number | null
}

/** What the calendar says about a measure, apart from when it last changed. */
function contentOf(measure: CalendarMeasure | null): string {
  return measure === null ? '' : JSON.stringify([measure.title, measure.instrument ?? '', measure.transitions])
}

/** Whether the calendar says the same about the measure before and after. */
export function sameCalendar(before: CalendarMeasure | null, after: CalendarMeasure | null): boolean {
  return contentOf(before) === contentOf(after)
}

export function calendarChange(input: CalendarChangeInput): CalendarChange {
  const { before, after, measureId } = input
  const live = after === null ? [] : after.transitions.map((transition) => eventUid(measureId, transition))
  if (sameCalendar(before, after)) return { cancelled: [], live, sequence: null }
  // What calendars last saw: the live entries' SEQUENCE, or (deleted) the one its cancellations got.
  const seen = Math.max(before === null ? 0 : measureSequence(before), input.recordedSequence ?? 0)
  const sequence = Math.max(sequenceOf(input.nowMs), seen + 1)
  const still = new Set(live)
  // Read only when an end went (a fold over the events: not needed for most changes).
  let moved: ReadonlyMap<string, string | null> | undefined
  const movedEnds = (): ReadonlyMap<string, string | null> =>
    (moved ??= new Map(input.movedEnds().map((end) => [end.eventId, end.newUntil])))
  const cancelled: CancelledTransition[] = []
  for (const transition of before?.transitions ?? []) {
    const uid = eventUid(measureId, transition)
    if (still.has(uid)) continue
    const reason: CancelReason =
      after === null
        ? 'measure_deleted'
        : transition.kind === 'suspension_end' && movedEnds().has(transition.eventId)
          ? 'superseded'
          : 'removed'
    cancelled.push({
      uid,
      measureId,
      eventId: transition.eventId,
      kind: transition.kind,
      at: transition.at,
      atMs: transition.atMs,
      title: (before as CalendarMeasure).title,
      instrument: (before as CalendarMeasure).instrument ?? '',
      reason,
      movedTo: reason === 'superseded' ? (movedEnds().get(transition.eventId) ?? null) : null,
      sequence,
      cancelledAt: input.nowText,
    })
  }
  return { cancelled, live, sequence }
}
