// The timeline as a list, for screen readers and keyboard users: what happens in each lane, in
// order — every transition, and the lapse that needs review, with the status it leads to.
import type { Status, TransitionKind } from '../domain.ts'
import type { TimelineLane } from './model.ts'

export interface LaneTableEntry {
  key: string
  atMs: number
  at: string
  kind: TransitionKind
  /** The status from this instant on (the segment that starts here), when one starts here. */
  status: Status | null
  lapsed: boolean
}

export function laneEntries(lane: TimelineLane): LaneTableEntry[] {
  const startsAt = new Map(lane.segments.filter((s) => s.from !== null).map((s) => [s.fromMs, s.status]))
  const entries: LaneTableEntry[] = lane.markers.map((marker, index) => ({
    key: `${marker.eventId}:${marker.kind}:${index}`,
    atMs: marker.atMs,
    at: marker.at,
    kind: marker.kind,
    status: startsAt.get(marker.atMs) ?? null,
    lapsed: false,
  }))
  if (lane.lapsed !== null) {
    const { atMs, at, kind, eventId } = lane.lapsed
    entries.push({ key: `${eventId}:lapsed`, atMs, at, kind, status: null, lapsed: true })
  }
  return entries.sort((a, b) => a.atMs - b.atMs || Number(a.lapsed) - Number(b.lapsed))
}
