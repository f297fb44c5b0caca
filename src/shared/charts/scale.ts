// The time axis both charts share: a d3 UTC time scale (its ticks fall on whole years, months,
// days or hours as the span needs), tick labels in the reader's language, and zooming and panning
// a visible range inside the data's range.
import { scaleUtc } from 'd3-scale'
import type { Locale } from '../domain.ts'
import { DAY_MS, HOUR_MS } from '../time-units.ts'
import type { TimeRange } from './model.ts'

export interface TimeAxis {
  x(atMs: number): number
  atX(x: number): number
  ticks: { atMs: number; label: string }[]
}

/** Roughly one tick per this many pixels. */
const TICK_SPACING_PX = 110

const formats = new Map<string, Intl.DateTimeFormat>()
function tickFormat(locale: Locale, spanMs: number): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions =
    spanMs >= 300 * DAY_MS
      ? { year: 'numeric' }
      : spanMs >= 28 * DAY_MS
        ? { year: 'numeric', month: 'short' }
        : spanMs >= DAY_MS
          ? { month: 'short', day: 'numeric' }
          : { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
  const key = `${locale}|${JSON.stringify(options)}`
  let format = formats.get(key)
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })))
  return format
}

/** Maps the visible range onto [left, right] pixels, with ticks labelled in UTC (the axis's zone). */
export function timeAxis(view: TimeRange, left: number, right: number, locale: Locale): TimeAxis {
  const scale = scaleUtc().domain([view.fromMs, view.toMs]).range([left, right])
  const dates = scale.ticks(Math.max(2, Math.floor((right - left) / TICK_SPACING_PX)))
  const spacing = dates.length > 1 ? (dates[1] as Date).getTime() - (dates[0] as Date).getTime() : view.toMs - view.fromMs
  const format = tickFormat(locale, spacing)
  return {
    x: (atMs) => scale(atMs),
    atX: (x) => scale.invert(x).getTime(),
    ticks: dates.map((date) => ({ atMs: date.getTime(), label: format.format(date) })),
  }
}

/** The narrowest and widest views: a few hours (days with their hours) up to twice the data. */
export const MIN_SPAN_MS = 6 * HOUR_MS

export function clampView(view: TimeRange, data: TimeRange): TimeRange {
  const maxSpan = 2 * (data.toMs - data.fromMs)
  let span = Math.min(Math.max(view.toMs - view.fromMs, MIN_SPAN_MS), maxSpan)
  span = Math.round(span)
  const slack = (maxSpan - (data.toMs - data.fromMs)) / 2
  const minFrom = data.fromMs - slack
  const maxTo = data.toMs + slack
  let fromMs = Math.round(view.fromMs)
  if (fromMs < minFrom) fromMs = minFrom
  if (fromMs + span > maxTo) fromMs = maxTo - span
  return { fromMs, toMs: fromMs + span }
}

/** Zooms by `factor` (< 1 closer, > 1 out) keeping the instant `anchorMs` where it is. */
export function zoomView(view: TimeRange, factor: number, anchorMs: number, data: TimeRange): TimeRange {
  const fromMs = anchorMs - (anchorMs - view.fromMs) * factor
  const toMs = anchorMs + (view.toMs - anchorMs) * factor
  return clampView({ fromMs, toMs }, data)
}

/** Moves the view by a fraction of its width (negative: earlier). */
export function panView(view: TimeRange, fraction: number, data: TimeRange): TimeRange {
  const delta = (view.toMs - view.fromMs) * fraction
  return clampView({ fromMs: view.fromMs + delta, toMs: view.toMs + delta }, data)
}

/** "Next 12 months": from two weeks before now to a year after. */
export function nextTwelveMonths(nowMs: number): TimeRange {
  return { fromMs: nowMs - 14 * DAY_MS, toMs: nowMs + 365 * DAY_MS }
}
