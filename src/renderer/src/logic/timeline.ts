// A measure's life in time order: the recorded events, plus the ends of suspensions and the
// commitment deadline the status engine derives (transitions without an event of their own).
import type { MeasureDetail } from '../../../shared/api-views.ts'
import type { MeasureEvent } from '../../../shared/domain.ts'
import { supersededEnds, type SupersededEnd } from '../../../shared/superseded.ts'
import { epochMs } from '../../../shared/time.ts'

export interface TimelineEntry {
  key: string
  kind: string
  at: string
  atMs: number
  /** The recorded event; absent for derived transitions. */
  event?: MeasureEvent
  /** A suspension end an extension moved before it came (shown struck through). */
  superseded?: SupersededEnd
}

export function timelineOf(detail: Pick<MeasureDetail, 'events' | 'transitions'>): TimelineEntry[] {
  const entries: TimelineEntry[] = detail.events.map((event) => ({
    key: event.id,
    kind: event.kind,
    at: event.at,
    atMs: epochMs(event.at),
    event,
  }))
  for (const transition of detail.transitions) {
    // Derived transitions with no event of their own: suspension ends and a commitment's deadline.
    if (transition.kind !== 'suspension_end' && transition.kind !== 'commitment_deadline') continue
    entries.push({
      key: `${transition.eventId}:end:${transition.at}`,
      kind: transition.kind,
      at: transition.at,
      atMs: epochMs(transition.at),
    })
  }
  for (const end of supersededEnds(detail.events)) {
    entries.push({
      key: `${end.eventId}:superseded:${end.until}`,
      kind: 'suspension_end',
      at: end.until,
      atMs: end.untilMs,
      superseded: end,
    })
  }
  return entries.sort((a, b) => a.atMs - b.atMs)
}
