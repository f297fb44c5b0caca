// Bulk reads for the paths that touch every measure (board, reminders, reports): rows as arrays
// (no per-row objects with column names), and the timeline column decoded into engine events.
import type { DatabaseSync } from 'node:sqlite'
import type { TimedEvent } from '../status/engine.ts'
import { statement } from './statements.ts'

export type Cell = string | number | null

export function arrays(db: DatabaseSync, sql: string, ...params: Cell[]): Cell[][] {
  const prepared = statement(db, sql)
  prepared.setReturnArrays(true)
  return prepared.all(...params) as unknown as Cell[][]
}

/** One entry of the timeline column, in the column order of migrations.ts TIMELINE_SELECT. */
type TimelineEntry = [string, TimedEvent['kind'], string, number, string | null, number | null, number, string | null, string | null, number]

export interface TimelineEvent extends TimedEvent {
  /** Another source gives a different date for this event. */
  conflict: boolean
}

/** Decodes a measure's timeline column into the status engine's events, in time order. */
export function decodeTimeline(json: string): TimelineEvent[] {
  return (JSON.parse(json) as TimelineEntry[]).map(([id, kind, at, atMs, until, untilMs, scheduled, rate, scope, conflict]) => ({
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
  }))
}
