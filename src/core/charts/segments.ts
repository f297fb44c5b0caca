// One lane of the timeline: a measure's statuses over a range as consecutive segments, its
// transitions as markers and the lapse nobody has recorded. Every status is the engine's own at the
// segment's first instant (statesAlong: statusAt's fold read off at each transition) — the status is
// constant between consecutive transitions (engine.property.test.ts), so one reading per stretch is exact.
import type { EventMarker, LapsedMarker, StatusSegment, TimeRange, TimelineLane } from '../../shared/charts/model.ts'
import type { Transition } from '../../shared/domain.ts'
import { statesAlong, statusAt, transitionsOf } from '../status/engine.ts'
import type { ChartMeasure } from './measure.ts'

/** The measure's statuses over `range`, tiling it exactly: no gap, no overlap, in time order. */
export function statusSegments(
  measure: ChartMeasure,
  range: TimeRange,
  transitions: readonly Transition[] = transitionsOf(measure.events, measure.base),
): StatusSegment[] {
  const cuts: { atMs: number; at: string }[] = []
  for (const transition of transitions) {
    if (transition.atMs <= range.fromMs || transition.atMs >= range.toMs) continue
    if (cuts.length > 0 && (cuts[cuts.length - 1] as { atMs: number }).atMs === transition.atMs) continue
    cuts.push({ atMs: transition.atMs, at: transition.at })
  }
  const states = statesAlong(measure.events, [range.fromMs, ...cuts.map((cut) => cut.atMs)], measure.base)
  const segments: StatusSegment[] = []
  let fromMs = range.fromMs
  let from: string | null = null
  for (let i = 0; i <= cuts.length; i++) {
    const cut = cuts[i]
    const toMs = cut === undefined ? range.toMs : cut.atMs
    const status = (states[i] as { status: StatusSegment['status'] }).status
    const last = segments[segments.length - 1]
    if (last !== undefined && last.status === status) {
      last.toMs = toMs
      last.to = cut?.at ?? null
    } else {
      segments.push({ status, fromMs, toMs, from, to: cut?.at ?? null })
    }
    if (cut !== undefined) {
      fromMs = cut.atMs
      from = cut.at
    }
  }
  return segments
}

/** The measure's transitions within the range (both ends included), in time order. */
export function eventMarkers(
  measure: ChartMeasure,
  range: TimeRange,
  transitions: readonly Transition[] = transitionsOf(measure.events, measure.base),
): EventMarker[] {
  return transitions
    .filter((transition) => transition.atMs >= range.fromMs && transition.atMs <= range.toMs)
    .map(({ kind, at, atMs, eventId }) => ({ kind, at, atMs, eventId }))
}

/** The engine's passed-and-unrecorded transition at the as-of instant, if any. */
export function lapsedMarker(measure: ChartMeasure, asOfMs: number): LapsedMarker | null {
  const state = statusAt(measure.events, asOfMs, measure.base)
  if (!state.needsReview || state.reviewReason === null) return null
  const { kind, at, atMs, eventId } = state.reviewReason
  return { kind, at, atMs, eventId, lapsed: true }
}

export function timelineLane(measure: ChartMeasure, range: TimeRange, asOfMs: number): TimelineLane {
  const transitions = transitionsOf(measure.events, measure.base)
  return {
    id: measure.id,
    imposer: measure.imposer,
    target: measure.target,
    segments: statusSegments(measure, range, transitions),
    markers: eventMarkers(measure, range, transitions),
    lapsed: lapsedMarker(measure, asOfMs),
  }
}
