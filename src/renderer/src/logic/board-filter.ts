// The board's filters and sort order as pure functions over rows in memory. The board itself is
// filtered, sorted and paged by the service (measures.page, composables/useBoardWindow.ts); these
// are the same rules for rows a view already holds, and for the tests' fake of the service.
import type { MeasureSummary } from '../../../shared/api-views.ts'
import { CATEGORIES, type Category, type Locale, type Status } from '../../../shared/domain.ts'
import { categoryRanks, listComparator } from '../../../shared/list-order.ts'
import { matchesTerms, measureSearchText, searchTerms } from '../../../shared/text-search.ts'

export interface BoardFilter {
  /** Either side (kept for the report's filter and views saved before the two facets). */
  party: string
  /** Who imposed the measure. */
  imposer: string
  /** Whom it targets. */
  target: string
  category: Category | ''
  status: Status | ''
  tag: string
  needsReview: boolean
  text: string
}

export const SORT_KEYS = ['next', 'title', 'category'] as const
export type SortKey = (typeof SORT_KEYS)[number]

export const GROUP_KEYS = ['none', 'status', 'pairs'] as const
export type GroupKey = (typeof GROUP_KEYS)[number]

export function emptyFilter(): BoardFilter {
  return { party: '', imposer: '', target: '', category: '', status: '', tag: '', needsReview: false, text: '' }
}

export function isFiltered(filter: BoardFilter): boolean {
  return activeFilters(filter).length > 0
}

export type ActiveFilter =
  | { key: 'party' | 'imposer' | 'target' | 'tag'; value: string }
  | { key: 'category'; value: Category }
  | { key: 'status'; value: Status }
  | { key: 'needsReview'; value: true }
  | { key: 'text'; value: string }

/** The filters in effect, in the toolbar's order: what the summary line lists. */
export function activeFilters(filter: BoardFilter): ActiveFilter[] {
  const out: ActiveFilter[] = []
  const text = filter.text.trim()
  if (text) out.push({ key: 'text', value: text })
  if (filter.imposer) out.push({ key: 'imposer', value: filter.imposer })
  if (filter.target) out.push({ key: 'target', value: filter.target })
  if (filter.party) out.push({ key: 'party', value: filter.party })
  if (filter.category) out.push({ key: 'category', value: filter.category })
  if (filter.status) out.push({ key: 'status', value: filter.status })
  if (filter.tag) out.push({ key: 'tag', value: filter.tag })
  if (filter.needsReview) out.push({ key: 'needsReview', value: true })
  return out
}

/**
 * As of a past instant, a measure none of whose events had happened yet (no announcement, so the
 * engine gives it no `since`) was not public then: the board leaves it out unless asked.
 */
export function isNotYetPublic(row: Pick<MeasureSummary, 'since'>, asOf: string | null): boolean {
  return asOf !== null && row.since === null
}

// Each row's searchable text (shared/text-search.ts), folded on the first search and dropped with
// the rows: a keystroke then costs one fold of the query and a substring test per row.
const haystacks = new WeakMap<MeasureSummary, string>()

function haystackOf(row: MeasureSummary): string {
  let text = haystacks.get(row)
  if (text === undefined) haystacks.set(row, (text = measureSearchText(row)))
  return text
}

/**
 * The search text means what it means everywhere (shared/text-search.ts: every word, in any
 * language's title, tags, parties…). `textMatches`: ids the service found for the same text — it
 * also reads note bodies, which the board never loads; such rows match even when their own fields
 * do not, so once the service has answered the board lists what the report and the CLI list.
 */
export function filterRows(
  rows: readonly MeasureSummary[],
  filter: BoardFilter,
  textMatches: ReadonlySet<string> | null = null,
): MeasureSummary[] {
  const terms = searchTerms(filter.text)
  if (!isFiltered(filter)) return rows.slice()
  return rows.filter((row) => {
    if (filter.party && row.imposer !== filter.party && row.target !== filter.party) return false
    if (filter.imposer && row.imposer !== filter.imposer) return false
    if (filter.target && row.target !== filter.target) return false
    if (filter.category && row.category !== filter.category) return false
    if (filter.status && row.status !== filter.status) return false
    if (filter.tag && !row.tags.includes(filter.tag)) return false
    if (filter.needsReview && !row.needsReview) return false
    if (terms.length > 0) return textMatches?.has(row.id) === true || matchesTerms(terms, haystackOf(row))
    return true
  })
}

/**
 * Sorts in place and returns the array, in the board's order (shared/list-order.ts, the one the
 * service pages in): deadline state, or the title / category label in the UI language by its collator.
 */
export function sortRows(
  rows: MeasureSummary[],
  sort: SortKey,
  locale: Locale,
  categoryLabel: (category: Category) => string,
): MeasureSummary[] {
  return rows.sort(listComparator({ sort, groupByStatus: false, locale, categoryRank: categoryRanks(locale, categoryLabel, CATEGORIES) }))
}

/** The distinct parties (either side, imposers, targets) and tags present, for the filter selects. */
export function facetsOf(rows: readonly MeasureSummary[]): { parties: string[]; imposers: string[]; targets: string[]; tags: string[] } {
  const imposers = new Set<string>()
  const targets = new Set<string>()
  const tags = new Set<string>()
  for (const row of rows) {
    imposers.add(row.imposer)
    targets.add(row.target)
    for (const tag of row.tags) tags.add(tag)
  }
  return {
    parties: [...new Set([...imposers, ...targets])],
    imposers: [...imposers],
    targets: [...targets],
    tags: [...tags].sort((a, b) => a.localeCompare(b)),
  }
}
