// A fake of the board's windowed queries (measures.page, measures.facets; issue 14) over fixture
// rows: filtered by the board's own filter rule (logic/board-filter.ts), ordered by the shared
// order (shared/list-order.ts), windowed and counted as the service answers them.
import type { ListFilter, PageQuery } from '../../../shared/api-inputs.ts'
import type { MeasureFacets, MeasurePage, MeasureSummary } from '../../../shared/api-views.ts'
import { CATEGORIES } from '../../../shared/domain.ts'
import { translate } from '../../../shared/i18n/translate.ts'
import { categoryRanks, listComparator } from '../../../shared/list-order.ts'
import { reviewCounts, statusCounts } from '../../../shared/page-counts.ts'
import { emptyFilter, facetsOf, filterRows } from '../logic/board-filter.ts'

function boardFilterOf(filter: ListFilter) {
  return { ...emptyFilter(), ...filter, needsReview: filter.needsReview === true, text: filter.text ?? '' }
}

/** measures.page and measures.facets answering from `rows()` (read on each call). */
export function pageHandlers(rows: () => readonly MeasureSummary[]) {
  return {
    'measures.page': (input: unknown): MeasurePage => {
      const query = input as PageQuery
      const all = rows()
      const compare = listComparator({
        sort: query.sort ?? 'next',
        groupByStatus: query.group === 'status',
        locale: query.locale ?? 'en',
        categoryRank: categoryRanks(
          query.locale ?? 'en',
          (category) => translate(query.locale ?? 'en', `category.${category}`),
          CATEGORIES,
        ),
      })
      const named = query.ids === undefined ? null : new Set(query.ids)
      const listed = filterRows(all, boardFilterOf(query.filter ?? {}))
        .filter((row) => named === null || named.has(row.id))
        .sort(compare)
      const offset = query.offset ?? 0
      const limit = query.limit ?? 100
      return {
        atMs: Date.now(),
        offset,
        rows: listed.slice(offset, offset + limit),
        total: listed.length,
        counts: query.counts ? { available: all.length, byStatus: statusCounts(listed), ...reviewCounts(all), nextChangeMs: null } : null,
      }
    },
    'measures.facets': (): MeasureFacets => {
      const { imposers, targets, tags } = facetsOf(rows())
      return { imposers, targets, tags }
    },
  }
}
