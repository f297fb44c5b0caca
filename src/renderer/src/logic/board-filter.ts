// The board's filters and sort orders, as pure functions over the loaded rows. Filtering happens
// here rather than in the service so typing in the search box answers at once, even at 10,000 rows.
import type { MeasureSummary } from '../../../shared/api.ts'
import type { Category, Locale, Status } from '../../../shared/domain.ts'
import { collator, regionName } from './parties.ts'
import { titleOf } from './text.ts'

export interface BoardFilter {
  party: string
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
  return { party: '', category: '', status: '', tag: '', needsReview: false, text: '' }
}

export function isFiltered(filter: BoardFilter): boolean {
  return Boolean(filter.party || filter.category || filter.status || filter.tag || filter.needsReview || filter.text.trim())
}

// One lower-cased text per row and language, built on first search and dropped with the rows.
const haystacks = new Map<Locale, WeakMap<MeasureSummary, string>>()

function haystackOf(row: MeasureSummary, locale: Locale): string {
  let cache = haystacks.get(locale)
  if (!cache) haystacks.set(locale, (cache = new WeakMap()))
  let text = cache.get(row)
  if (text === undefined) {
    text = [
      row.id,
      row.title.en,
      row.title['zh-Hant'] ?? '',
      row.title['zh-Hans'] ?? '',
      row.shortName,
      row.instrument,
      row.imposer,
      row.target,
      regionName(row.imposer, locale),
      regionName(row.target, locale),
      ...row.tags,
    ]
      .join('\n')
      .toLocaleLowerCase()
    cache.set(row, text)
  }
  return text
}

/**
 * `textMatches`: ids the service found for the same search text (it also searches note bodies,
 * which the board never loads); such rows match the text even when their own fields do not.
 */
export function filterRows(
  rows: readonly MeasureSummary[],
  filter: BoardFilter,
  locale: Locale,
  textMatches: ReadonlySet<string> | null = null,
): MeasureSummary[] {
  const words = filter.text.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean)
  if (!isFiltered(filter)) return rows.slice()
  return rows.filter((row) => {
    if (filter.party && row.imposer !== filter.party && row.target !== filter.party) return false
    if (filter.category && row.category !== filter.category) return false
    if (filter.status && row.status !== filter.status) return false
    if (filter.tag && !row.tags.includes(filter.tag)) return false
    if (filter.needsReview && !row.needsReview) return false
    if (words.length > 0) {
      if (textMatches?.has(row.id)) return true
      const haystack = haystackOf(row, locale)
      return words.every((word) => haystack.includes(word))
    }
    return true
  })
}

const byNext = (a: MeasureSummary, b: MeasureSummary): number => (a.next?.atMs ?? Infinity) - (b.next?.atMs ?? Infinity)
const byId = (a: MeasureSummary, b: MeasureSummary): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * Sorts in place and returns the array. Next deadline: soonest first, nothing scheduled last.
 * Title and category compare the words people see (the UI language), then fall back to deadline.
 */
export function sortRows(rows: MeasureSummary[], sort: SortKey, locale: Locale, categoryLabel: (category: Category) => string): MeasureSummary[] {
  if (sort === 'next') return rows.sort((a, b) => byNext(a, b) || byId(a, b))
  const compare = collator(locale)
  if (sort === 'title') {
    const titles = new Map(rows.map((row) => [row, titleOf(row.title, locale)]))
    return rows.sort((a, b) => compare.compare(titles.get(a)!, titles.get(b)!) || byId(a, b))
  }
  const labels = new Map<Category, string>()
  const label = (category: Category): string => {
    let text = labels.get(category)
    if (text === undefined) labels.set(category, (text = categoryLabel(category)))
    return text
  }
  return rows.sort((a, b) => compare.compare(label(a.category), label(b.category)) || byNext(a, b) || byId(a, b))
}

/** The distinct parties and tags present, for the filter selects. */
export function facetsOf(rows: readonly MeasureSummary[]): { parties: string[]; tags: string[] } {
  const parties = new Set<string>()
  const tags = new Set<string>()
  for (const row of rows) {
    parties.add(row.imposer)
    parties.add(row.target)
    for (const tag of row.tags) tags.add(tag)
  }
  return { parties: [...parties], tags: [...tags].sort((a, b) => a.localeCompare(b)) }
}
