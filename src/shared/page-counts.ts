// PageCounts' review fields over summaries in memory (issue 14): the engine path of measures.page
// (core/service/measure-page.ts, an as-of instant) answers with these what the store answers in SQL
// (core/store/summary-page.ts countsFromSummaries); the renderer's test fake of measures.page too.
import type { MeasureSummary, PageCounts } from './api-views.ts'
import type { Status } from './domain.ts'

/** Rows per status: the board's status group headings. */
export function statusCounts(rows: readonly MeasureSummary[]): Partial<Record<Status, number>> {
  const byStatus: Partial<Record<Status, number>> = {}
  for (const row of rows) byStatus[row.status] = (byStatus[row.status] ?? 0) + 1
  return byStatus
}

/** How many rows need review, and their reasons by kind and legal day (newest day first). */
export function reviewCounts(rows: readonly MeasureSummary[]): Pick<PageCounts, 'needsReview' | 'reviewDays'> {
  const days = new Map<string, PageCounts['reviewDays'][number]>()
  let needsReview = 0
  for (const row of rows) {
    if (!row.needsReview) continue
    needsReview++
    const reason = row.reviewReason
    if (!reason) continue
    const day = reason.at.slice(0, 10)
    const key = `${reason.kind}|${day}`
    const found = days.get(key)
    if (!found) days.set(key, { kind: reason.kind, day, at: reason.at, atMs: reason.atMs, count: 1 })
    else {
      found.count++
      if (reason.atMs < found.atMs) Object.assign(found, { at: reason.at, atMs: reason.atMs })
    }
  }
  const reviewDays = [...days.values()].sort((a, b) =>
    a.day < b.day ? 1 : a.day > b.day ? -1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0,
  )
  return { needsReview, reviewDays }
}
