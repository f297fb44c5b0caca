// Both charts' data for a set of measures: the range they span, a lane per measure and the rate
// series per direction, all read at one as-of instant.
import type { ChartData, TimeRange } from '../../shared/charts/model.ts'
import { DAY_MS } from '../../shared/time-units.ts'
import { transitionsOf } from '../status/engine.ts'
import type { ChartMeasure } from './measure.ts'
import { rateSeries } from './rate-series.ts'
import { timelineLane } from './segments.ts'

/** Room left of the first and right of the last instant, so no marker sits on the frame. */
const MARGIN_MS = 30 * DAY_MS

/**
 * From a month before the first transition (or the as-of instant, or now) to a month after the
 * last: every marker, the now line and the as-of line fall inside.
 */
export function chartRange(measures: readonly ChartMeasure[], asOfMs: number, nowMs: number): TimeRange {
  let fromMs = Math.min(asOfMs, nowMs)
  let toMs = Math.max(asOfMs, nowMs)
  for (const measure of measures) {
    for (const transition of transitionsOf(measure.events, measure.base)) {
      if (transition.atMs < fromMs) fromMs = transition.atMs
      if (transition.atMs > toMs) toMs = transition.atMs
    }
  }
  return { fromMs: fromMs - MARGIN_MS, toMs: toMs + MARGIN_MS }
}

export function chartData(measures: readonly ChartMeasure[], options: { asOfMs: number; nowMs: number; range?: TimeRange }): ChartData {
  const range = options.range ?? chartRange(measures, options.asOfMs, options.nowMs)
  return {
    range,
    asOfMs: options.asOfMs,
    lanes: measures.map((measure) => timelineLane(measure, range, options.asOfMs)),
    series: rateSeries(measures, range, options.asOfMs),
  }
}
