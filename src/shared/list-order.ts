// The board's order, in one place (issue 14): the store's paged query (core/store/summary-page.ts)
// answers in SQL what these comparators answer over rows in memory — the engine path for an as-of
// instant (core/service/measure-page.ts), the property tests that hold the two together, and the
// board's own pair view.
//
// - `next`: deadline state (shared/deadline.ts compareDeadlines): lapsed first, oldest lapse first;
//   then the nearest upcoming; then nothing scheduled.
// - `title`: the title in the reader's language (localizedText), by that language's collator
//   (base sensitivity, numeric: "Measure 9" before "Measure 10").
// - `category`: the category's label in the reader's language, then deadline.
// - grouped by status: the statuses in STATUSES order first.
// Every order ends with the id, so it is total: pages never overlap or skip a row.
import type { MeasureSummary } from './api-views.ts'
import { STATUSES, type Category, type Locale, type Status } from './domain.ts'
import { compareDeadlines } from './deadline.ts'
import { localizedText } from './localized.ts'

const collators = new Map<string, Intl.Collator>()

/** The collator every sorted list of words uses (titles, categories, parties). */
export function collator(locale: string): Intl.Collator {
  let found = collators.get(locale)
  if (!found) collators.set(locale, (found = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })))
  return found
}

export type ListSort = 'next' | 'title' | 'category' | 'review'

export const STATUS_RANK: ReadonlyMap<Status, number> = new Map(STATUSES.map((status, rank) => [status, rank]))

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Each category's place when sorted by its label in the reader's language (equal labels share one). */
export function categoryRanks(
  locale: Locale,
  label: (category: Category) => string,
  categories: readonly Category[],
): Map<Category, number> {
  const compare = collator(locale)
  const sorted = [...categories].sort((a, b) => compare.compare(label(a), label(b)))
  const ranks = new Map<Category, number>()
  sorted.forEach((category, index) => {
    const previous = sorted[index - 1]
    ranks.set(category, previous !== undefined && compare.compare(label(previous), label(category)) === 0 ? ranks.get(previous)! : index)
  })
  return ranks
}

export interface OrderOptions {
  sort: ListSort
  groupByStatus: boolean
  locale: Locale
  categoryRank: ReadonlyMap<Category, number>
}

/** The comparator of an order (see the top of this file). */
export function listComparator(options: OrderOptions): (a: MeasureSummary, b: MeasureSummary) => number {
  const compare = collator(options.locale)
  const titles = new WeakMap<MeasureSummary, string>()
  const titleOf = (row: MeasureSummary): string => {
    let title = titles.get(row)
    if (title === undefined) titles.set(row, (title = localizedText(row.title, options.locale)))
    return title
  }
  const byStatus = (a: MeasureSummary, b: MeasureSummary): number =>
    options.groupByStatus ? (STATUS_RANK.get(a.status) ?? 0) - (STATUS_RANK.get(b.status) ?? 0) : 0
  const rank = (category: Category): number => options.categoryRank.get(category) ?? 0
  switch (options.sort) {
    case 'title':
      return (a, b) => byStatus(a, b) || compare.compare(titleOf(a), titleOf(b)) || compareIds(a.id, b.id)
    case 'category':
      return (a, b) => byStatus(a, b) || rank(a.category) - rank(b.category) || compareDeadlines(a, b) || compareIds(a.id, b.id)
    // Needs review's order: the oldest change waiting for a review first (none counts as the oldest).
    case 'review':
      return (a, b) => byStatus(a, b) || (a.reviewReason?.atMs ?? 0) - (b.reviewReason?.atMs ?? 0) || compareIds(a.id, b.id)
    default:
      return (a, b) => byStatus(a, b) || compareDeadlines(a, b) || compareIds(a.id, b.id)
  }
}
