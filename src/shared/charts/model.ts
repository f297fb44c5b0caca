// The two charts as data: what core/charts computes from the status engine and what the one SVG
// renderer (timeline-svg.ts, rate-svg.ts) draws, in the app and in the report alike. Instants are
// epoch milliseconds with their RFC 9557 string where a reader needs the legal zone.
import type { MeasureSummary } from '../api-views.ts'
import type { RateValue, Status, TransitionKind } from '../domain.ts'

/** A half-open span of time [fromMs, toMs). */
export interface TimeRange {
  fromMs: number
  toMs: number
}

/** One stretch of a measure's life in one status; consecutive segments tile the lane's range. */
export interface StatusSegment extends TimeRange {
  status: Status
  /** The RFC 9557 instant the stretch starts at (its legal zone), or null at the range's edge. */
  from: string | null
  to: string | null
}

/** A transition of the measure shown on its lane. */
export interface EventMarker {
  kind: TransitionKind
  at: string
  atMs: number
  eventId: string
}

/** A scheduled transition that passed with no recorded outcome at the as-of instant. */
export interface LapsedMarker extends EventMarker {
  lapsed: true
}

export interface TimelineLane {
  id: string
  imposer: string
  target: string
  segments: StatusSegment[]
  markers: EventMarker[]
  lapsed: LapsedMarker | null
}

/** One measure's contribution to a direction's stack: its rate in effect from each instant on. */
export interface RateStep {
  atMs: number
  /** The additional ad valorem rate in effect (percent), 0 when not collected, null when unknown. */
  value: number | null
}

export interface RateLayer {
  id: string
  steps: RateStep[]
}

/** A measure of the direction whose rate is not an ad valorem percentage: listed, never summed. */
export interface UnsummedMeasure {
  id: string
  /** The rate in effect at the as-of instant as a number in its unit, when it has one. */
  rate: RateValue | null
  rateText: string | null
}

/** A point of the stack: the total from `atMs` on (a step function). */
export interface RatePoint {
  atMs: number
  total: number
}

/** The stacked additional ad valorem rate of one direction (imposer → target). */
export interface RateSeries {
  imposer: string
  target: string
  layers: RateLayer[]
  points: RatePoint[]
  unsummed: UnsummedMeasure[]
}

export interface ChartData {
  range: TimeRange
  /** The instant statuses, lapses and the unsummed rates are read at. */
  asOfMs: number
  lanes: TimelineLane[]
  series: RateSeries[]
}

/** What the timeline shows of a measure besides its lane: its label, grouping keys and state at the instant. */
export type ChartMeasureInfo = Pick<
  MeasureSummary,
  'id' | 'title' | 'shortName' | 'imposer' | 'target' | 'category' | 'status' | 'needsReview'
>

/** `charts.data`: both charts for the measures matching a filter, at an instant. */
export interface ChartView extends ChartData {
  nowMs: number
  measures: ChartMeasureInfo[]
}
