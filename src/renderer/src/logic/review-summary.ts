// "7 suspensions ended on 10 Nov 2026 with no outcome recorded": measures needing review, grouped
// by why (the kind of transition nobody confirmed) and by the day it passed, in its legal zone
// (the date the notices name, whatever zone the reader is in). Newest first: what just lapsed is
// what a reader opening the app has most likely not seen yet.
import type { MeasureSummary, PageCounts } from '../../../shared/api-views.ts'
import type { Locale, TransitionKind } from '../../../shared/domain.ts'
import { formatDate, zoneOf } from '../../../shared/format.ts'

export interface ReviewGroup {
  kind: TransitionKind
  /** YYYY-MM-DD in the legal zone: the grouping key. */
  day: string
  /** The same day as people read it in the UI language. */
  date: string
  /** How many measures (their ids when the rows are in the page; the board's counts come from the service). */
  count: number
  ids: string[]
}

const dayFormats = new Map<string, Intl.DateTimeFormat>()

function legalDay(atMs: number, zone: string): string {
  let format = dayFormats.get(zone)
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD, which sorts.
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    dayFormats.set(zone, format)
  }
  return format.format(atMs)
}

export function reviewGroups(rows: readonly MeasureSummary[], locale: Locale): ReviewGroup[] {
  const groups = new Map<string, ReviewGroup>()
  for (const row of rows) {
    const reason = row.reviewReason
    if (!row.needsReview || !reason) continue
    const zone = zoneOf(reason.at)
    const day = legalDay(reason.atMs, zone)
    const key = `${day}|${reason.kind}`
    const group = groups.get(key)
    if (group) {
      group.ids.push(row.id)
      group.count++
    } else groups.set(key, { kind: reason.kind, day, date: formatDate(reason.atMs, zone, locale), count: 1, ids: [row.id] })
  }
  return [...groups.values()].sort((a, b) => b.day.localeCompare(a.day) || a.kind.localeCompare(b.kind))
}

/** Measures flagged for review without a recorded reason still count in the total. */
export function reviewTotal(rows: readonly MeasureSummary[]): number {
  let total = 0
  for (const row of rows) if (row.needsReview) total++
  return total
}

/** The board's review groups from the service's counts (measures.page PageCounts.reviewDays, already newest first). */
export function reviewGroupsFromDays(days: PageCounts['reviewDays'], locale: Locale): ReviewGroup[] {
  return days.map((day) => ({
    kind: day.kind,
    day: day.day,
    date: formatDate(day.atMs, zoneOf(day.at), locale),
    count: day.count,
    ids: [],
  }))
}
