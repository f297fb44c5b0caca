// Suspension ends that an extension moved before they came (issue 11). The status engine
// (core/status/engine.ts) never counts such an end as a transition: an extension dated before
// or exactly at the running end moves it (`extendsAtLapse`). The timeline still shows the old
// end — struck through, "moved to … by the extension of …" — so a reader sees both dates without
// any "sources disagree" state. This walks the events with the engine's rules for suspensions
// only (order: instant, kind as in EVENT_KINDS, id); core's tests check it against the engine.
import { EVENT_KINDS, type MeasureEvent } from './domain.ts'
import { epochMs } from './time.ts'

type Timed = Pick<MeasureEvent, 'id' | 'kind' | 'at' | 'until'>

export interface SupersededEnd {
  /** The suspension or extension whose end was moved. */
  eventId: string
  until: string
  untilMs: number
  /** The extension that moved it, and the end it set. */
  byEventId: string
  byAt: string
  newUntil: string | null
}

const RANK = new Map<string, number>(EVENT_KINDS.map((kind, index) => [kind, index]))

export function supersededEnds(events: readonly Timed[]): SupersededEnd[] {
  const ordered = events
    .map((event) => ({ event, atMs: epochMs(event.at), untilMs: event.until === null ? null : epochMs(event.until) }))
    .sort(
      (a, b) =>
        a.atMs - b.atMs ||
        (RANK.get(a.event.kind) ?? 0) - (RANK.get(b.event.kind) ?? 0) ||
        (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0),
    )
  const out: SupersededEnd[] = []
  let running: { event: Timed; endMs: number; hasEnd: boolean } | null = null
  let terminated = false
  for (const { event, atMs, untilMs } of ordered) {
    // Lapsed before this event — unless it is the extension dated exactly at the end.
    if (running !== null && running.endMs <= atMs && !(event.kind === 'extended' && running.endMs === atMs)) running = null
    switch (event.kind) {
      case 'effective':
      case 'resumed':
        running = null
        terminated = false
        break
      case 'terminated':
        running = null
        terminated = true
        break
      case 'suspended':
      case 'extended':
        if (terminated) break
        // The same end restated is no move; an earlier one is (the old date never comes either).
        if (event.kind === 'extended' && running !== null && running.hasEnd && running.event.until !== null && untilMs !== running.endMs) {
          out.push({
            eventId: running.event.id,
            until: running.event.until,
            untilMs: running.endMs,
            byEventId: event.id,
            byAt: event.at,
            newUntil: event.until,
          })
        }
        running =
          untilMs === null
            ? { event, endMs: Infinity, hasEnd: false }
            : { event, endMs: untilMs > atMs ? untilMs : atMs, hasEnd: untilMs > atMs }
        break
      default:
        break
    }
  }
  return out
}

/**
 * The date disagreements that still matter: an alternative `until` of an end an extension moved is
 * moot (the end never came), so it raises no "sources disagree" state; every other one stays.
 * The alternatives themselves are kept — `events.chooseAlternative` can still pick one.
 */
export function liveAlternatives<E extends Timed & Pick<MeasureEvent, 'alternatives'>>(
  event: E,
  superseded: ReadonlySet<string>,
): E['alternatives'] {
  return superseded.has(event.id) ? event.alternatives.filter((alt) => alt.field !== 'until') : event.alternatives
}

/** Ids of the events whose end an extension moved (for `liveAlternatives`). */
export function supersededEventIds(events: readonly Timed[]): Set<string> {
  return new Set(supersededEnds(events).map((end) => end.eventId))
}
