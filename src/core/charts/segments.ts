// One lane of the timeline: a measure's statuses over a range as consecutive segments, its
// transitions as markers and the lapse nobody has recorded. Every status comes from the engine's
// statusAt at the segment's first instant — the engine's status is constant between consecutive
// transitions (engine.property.test.ts), so one reading per stretch is the exact answer.
import type { EventMarker, LapsedMarker, StatusSegment, TimeRange, TimelineLane } from '../../shared/charts/model.ts'
import { statusAt, transitionsOf } from '../status/engine.ts'
import type { ChartMeasure } from './measure.ts'

/** The measure's statuses over `range`, tiling it exactly: no gap, no overlap, in time order. */
export function statusSegments(measure: ChartMeasure, range: TimeRange): StatusSegment[] {
  const cuts: { atMs: number; at: string }[] = []
  for (const transition of transitionsOf(measure.events, measure.base)) {
    if (transition.atMs <= range.fromMs || transition.atMs >= range.toMs) continue
    if (cuts.length > 0 && (cuts[cuts.length - 1] as { atMs: number }).atMs === transition.atMs) continue
    cuts.push({ atMs: transition.atMs, at: transition.at })
  }
  const segments: StatusSegment[] = []
  let fromMs = range.fromMs
  let from: string | null = null
  for (let i = 0; i <= cuts.length; i++) {
    const cut = cuts[i]
    const toMs = cut === undefined ? range.toMs : cut.atMs
    const status = statusAt(measure.events, fromMs, measure.base).status
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
export function eventMarkers(measure: ChartMeasure, range: TimeRange): EventMarker[] {
  return transitionsOf(measure.events, measure.base)
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
  return {
    id: measure.id,
    imposer: measure.imposer,
    target: measure.target,
    segments: statusSegments(measure, range),
    markers: eventMarkers(measure, range),
    lapsed: lapsedMarker(measure, asOfMs),
  }
}
