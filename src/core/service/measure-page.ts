// measures.page and measures.facets (issue 14): the board's list a window at a time, with its
// counts, so no view needs every measure in the page.
//
// Two ways to the same answer:
// - now (no `at`): SQL over the summary table (store/summary-table.ts, summary-page.ts). Rows that
//   are dirty or whose answer stopped holding are first recomputed through the engine in one short
//   write transaction; then filter, order, count and window are one indexed query each.
// - any other instant, a read-only file, or a file another process is writing (busy): the engine
//   folds every measure at that instant (store/summaries.ts) and the same order (shared/list-order.ts)
//   is applied in memory — exact, slower (see bench: page_as_of_100k_ms).
// The property tests (measure-page.test.ts) hold the two together.
import type { PageQuery } from '../../shared/api-inputs.ts'
import type { MeasurePage, MeasureSummary, PageCounts } from '../../shared/api-views.ts'
import { CATEGORIES, type Category } from '../../shared/domain.ts'
import { translate } from '../../shared/i18n/translate.ts'
import { categoryRanks, listComparator } from '../../shared/list-order.ts'
import { reviewCounts, statusCounts } from '../../shared/page-counts.ts'
import { epochMs } from '../../shared/time.ts'
import { inTransaction, readOnlyReasonOf } from '../store/database.ts'
import { facetsOfStore } from '../store/live-facets.ts'
import { countsFromSummaries, pageFromSummaries } from '../store/summary-page.ts'
import { refreshSummaries, summariesStale, validUntilMs } from '../store/summary-table.ts'
import { eachSummary } from '../store/summaries.ts'
import type { Handlers, ServiceContext } from './context.ts'

function categoryRankFor(query: PageQuery): Map<Category, number> {
  return categoryRanks(query.locale, (category) => translate(query.locale, `category.${category}`), CATEGORIES)
}

/** Brings the summary table to `nowMs`; false when it cannot be written (read-only, busy). */
function summariesAt(ctx: ServiceContext, nowMs: number): boolean {
  if (!summariesStale(ctx.db, nowMs)) return true
  if (readOnlyReasonOf(ctx.db) !== null) return false
  try {
    inTransaction(ctx.db, () => refreshSummaries(ctx.db, nowMs))
    return true
  } catch {
    // Another process holds the write lock past the busy timeout: answer through the engine.
    return false
  }
}

export function pageFromEngine(ctx: ServiceContext, query: PageQuery, atMs: number): MeasurePage {
  // As of a past instant, a measure none of whose events had happened yet is left out unless asked.
  const hideUnpublished = query.at !== undefined && !query.includeNotYetPublic
  const listed = (row: MeasureSummary): boolean => !(hideUnpublished && row.since === null)
  const compare = listComparator({
    sort: query.sort,
    groupByStatus: query.group === 'status',
    locale: query.locale,
    categoryRank: categoryRankFor(query),
  })
  const rows: MeasureSummary[] = []
  eachSummary(ctx.db, { atMs, filter: query.filter, includeDeleted: false, only: query.ids }, (row) => {
    if (listed(row)) rows.push(row)
  })
  rows.sort(compare)
  let counts: PageCounts | null = null
  if (query.counts) {
    const byStatus = statusCounts(rows)
    const all: MeasureSummary[] = []
    let nextChangeMs: number | null = null
    eachSummary(ctx.db, { atMs, filter: {}, includeDeleted: false }, (row, inputs) => {
      if (!listed(row)) return
      all.push(row)
      const until = validUntilMs(row, inputs, atMs)
      if (until !== null && (nextChangeMs === null || until < nextChangeMs)) nextChangeMs = until
    })
    counts = { available: all.length, byStatus, ...reviewCounts(all), nextChangeMs }
  }
  return { atMs, offset: query.offset, rows: rows.slice(query.offset, query.offset + query.limit), total: rows.length, counts }
}

export function pageFromStore(ctx: ServiceContext, query: PageQuery, nowMs: number): MeasurePage {
  const { rows, total } = pageFromSummaries(ctx.db, { query, categoryRank: categoryRankFor(query) })
  return { atMs: nowMs, offset: query.offset, rows, total, counts: query.counts ? countsFromSummaries(ctx.db, query.filter) : null }
}

export const measurePageHandlers: Handlers<'measures.page' | 'measures.facets'> = {
  'measures.page': (ctx, input) => {
    if (input.at !== undefined) return pageFromEngine(ctx, input, epochMs(input.at))
    const nowMs = ctx.nowMs()
    return summariesAt(ctx, nowMs) ? pageFromStore(ctx, input, nowMs) : pageFromEngine(ctx, input, nowMs)
  },
  'measures.facets': (ctx) => facetsOfStore(ctx.db),
}
