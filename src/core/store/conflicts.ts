// "Sources disagree" on the board (issue 11): the timeline cache only says that an event has
// alternatives, not for which date. When such an event's end was superseded by an extension, its
// alternatives are read to see whether any still matters (`liveAlternatives`); only measures with
// both a conflict and a superseded end pay for that read.
import type { Db } from './db.ts'
import type { DateAlternative, MeasureEvent } from '../../shared/domain.ts'
import { liveAlternatives, supersededEventIds } from '../../shared/superseded.ts'
import { statement } from './statements.ts'

type CachedEvent = Pick<MeasureEvent, 'id' | 'kind' | 'at' | 'until'> & { conflict: boolean; atMs: number }

/** `atMs`: the instant shown — an extension recorded after it supersedes nothing yet. */
export function hasLiveDateConflict(db: Db, measureId: string, events: readonly CachedEvent[], atMs: number): boolean {
  if (!events.some((e) => e.conflict)) return false
  const superseded = supersededEventIds(events.filter((e) => e.atMs <= atMs))
  for (const event of events) {
    if (!event.conflict) continue
    if (!superseded.has(event.id)) return true
    const row = statement(db, 'SELECT alternatives FROM events WHERE measure_id = ? AND id = ?').get(measureId, event.id) as
      { alternatives: string } | undefined
    const alternatives = row ? (JSON.parse(row.alternatives) as DateAlternative[]) : []
    if (liveAlternatives({ ...event, alternatives }, superseded).length > 0) return true
  }
  return false
}
