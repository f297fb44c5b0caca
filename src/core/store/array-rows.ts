// Bulk reads for the paths that touch every measure (board, reminders, reports): rows as arrays
// (no per-row objects with column names), and the timeline column decoded into engine events.
import type { Db } from './db.ts'
import type { TimedEvent } from '../status/engine.ts'
import { statement } from './statements.ts'

export type Cell = string | number | null

export function arrays(db: Db, sql: string, ...params: Cell[]): Cell[][] {
  const prepared = statement(db, sql)
  prepared.setReturnArrays(true)
  return prepared.all(...params) as unknown as Cell[][]
}

/** One entry of the timeline column, in the column order of timeline-column.ts TIMELINE_SELECT. */
type TimelineEntry = [
  string,
  TimedEvent['kind'],
  string,
  number,
  string | null,
  number | null,
  number,
  string | null,
  string | null,
  number,
  // Absent in a timeline written before migration 4 (another process may still run older code).
  TimedEvent['rateValue']?,
  TimedEvent['part']?,
  TimedEvent['whenSuspended']?,
]

export interface TimelineEvent extends TimedEvent {
  /** Another source gives a different date for this event. */
  conflict: boolean
}

/** Decodes a measure's timeline column into the status engine's events, in time order. */
export function decodeTimeline(json: string): TimelineEvent[] {
  return (JSON.parse(json) as TimelineEntry[]).map(
    ([id, kind, at, atMs, until, untilMs, scheduled, rate, scope, conflict, rateValue, part, whenSuspended]) => ({
      id,
      kind,
      at,
      atMs,
      until,
      untilMs,
      scheduled: scheduled === 1,
      rate,
      scope,
      conflict: conflict === 1,
      rateValue: rateValue ?? null,
      part: part ?? null,
      whenSuspended: whenSuspended ?? null,
    }),
  )
}

/**
 * The decoded timeline of a measure, reused while its column holds the same text. Decoding (JSON
 * parsing) is most of the board's cost and the board re-lists on every refresh, so this memo is
 * keyed by content: a changed timeline (any process may write it) is decoded afresh. The events
 * returned are shared between callers and must not be mutated.
 */
const decoded = new Map<string, { json: string; events: TimelineEvent[] }>()
const MEMO_LIMIT = 200_000

export function timelineOf(measureId: string, json: string): TimelineEvent[] {
  const hit = decoded.get(measureId)
  if (hit !== undefined && hit.json === json) return hit.events
  if (decoded.size >= MEMO_LIMIT) decoded.clear()
  const events = decodeTimeline(json)
  decoded.set(measureId, { json, events })
  return events
}
