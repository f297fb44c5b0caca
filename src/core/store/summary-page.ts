// The board's windowed list answered in SQL from the summary table (summary-table.ts), at the
// instant its rows were refreshed to: filter, order, offset/limit, counts. Text search: a word of
// three characters or more is a phrase of the FTS5 trigram index, which holds the same folded text
// case-sensitively — a phrase of trigrams at consecutive positions is exactly "the word is a
// substring of the text", shared/text-search.ts's rule — so count and page come from the index's
// rowids without reading each row's text, and a search with no other filter is counted by the
// index alone (it holds only live rows). Words of one or two characters (稀土, "eu") have no
// trigram and are matched with instr() on the folded text.
import { isPostgres, type Db } from './db.ts'
import type { ListFilter, PageQuery } from '../../shared/api-inputs.ts'
import type { MeasureSummary, PageCounts } from '../../shared/api-views.ts'
import { CATEGORIES, STATUSES, type Category, type Locale, type Status, type TransitionKind } from '../../shared/domain.ts'
import { collator, compareIds, type ListSort } from '../../shared/list-order.ts'
import { localizedText } from '../../shared/localized.ts'
import { searchTerms } from '../../shared/text-search.ts'
import { arrays, type Cell } from './array-rows.ts'
import { statement } from './statements.ts'
import { titleOfCells } from './text-cells.ts'

/** The trigram tokenizer indexes runs of three characters: shorter words cannot use the index. */
const TRIGRAM = 3

interface Where {
  sql: string
  params: Cell[]
}

/** An FTS5 string token: the word in double quotes, quotes doubled (no operator can be injected). */
const ftsPhrase = (term: string): string => `"${term.replaceAll('"', '""')}"`

/** The index's MATCH expression for a query's words of three characters or more, or null when it has none. */
function searchMatch(terms: readonly string[]): string | null {
  const indexed = terms.filter((term) => [...term].length >= TRIGRAM)
  return indexed.length > 0 ? indexed.map(ftsPhrase).join(' AND ') : null
}

/** A LIKE pattern matching `term` anywhere, its own % _ and \\ taken literally. */
const containing = (term: string): string => `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`

export function filterWhere(filter: ListFilter, db: Db): Where {
  const clauses = ['s.live = 1']
  const params: Cell[] = []
  const add = (sql: string, ...values: Cell[]): void => {
    clauses.push(sql)
    params.push(...values)
  }
  if (filter.party) add('(s.imposer = ? OR s.target = ?)', filter.party, filter.party)
  if (filter.imposer) add('s.imposer = ?', filter.imposer)
  if (filter.target) add('s.target = ?', filter.target)
  if (filter.category) add('s.category = ?', filter.category)
  if (filter.status) add('s.status = ?', filter.status)
  if (filter.needsReview !== undefined) add('s.needs_review = ?', filter.needsReview ? 1 : 0)
  if (filter.tag) add('s.id IN (SELECT measure_id FROM measure_tags WHERE tag = ?)', filter.tag)
  const terms = searchTerms(filter.text ?? '')
  // On PostgreSQL the trigram index answers LIKE '%word%' over the same folded text (summary-table.ts).
  if (isPostgres(db)) {
    for (const term of terms) add(`s.search_text LIKE ? ESCAPE '\\'`, containing(term))
    return { sql: clauses.join(' AND '), params }
  }
  const match = searchMatch(terms)
  if (match !== null) add('s.doc IN (SELECT rowid FROM measure_search WHERE measure_search MATCH ?)', match)
  for (const term of terms) if ([...term].length < TRIGRAM) add('instr(s.search_text, ?) > 0', term)
  return { sql: clauses.join(' AND '), params }
}

// A row with nothing to review counts as the oldest, as in shared/list-order.ts (COALESCE: the same on PostgreSQL, whose NULLs sort last).
const REVIEW_KEY = 'COALESCE(s.review_ms, 0)'

function orderBy(sort: Exclude<ListSort, 'title'>, groupByStatus: boolean, categoryRank: ReadonlyMap<Category, number>): string {
  const keys: string[] = groupByStatus ? ['s.status_rank'] : []
  if (sort === 'review') keys.push(REVIEW_KEY)
  else {
    if (sort === 'category')
      keys.push(`CASE s.category ${CATEGORIES.map((c) => `WHEN '${c}' THEN ${categoryRank.get(c) ?? 0}`).join(' ')} END`)
    keys.push('s.band', 's.deadline_ms')
  }
  keys.push('s.id')
  return keys.join(', ')
}

export interface SqlPageOptions {
  query: PageQuery
  categoryRank: ReadonlyMap<Category, number>
}

export function pageFromSummaries(db: Db, { query, categoryRank }: SqlPageOptions): { rows: MeasureSummary[]; total: number } {
  const where = onlyIds(filterWhere(query.filter, db), query.ids)
  const total =
    searchOnlyCount(db, query) ??
    (arrays(db, `SELECT count(*) FROM measure_summary s WHERE ${where.sql}`, ...where.params)[0]?.[0] as number) ??
    0
  if (query.limit === 0 || query.offset >= total) return { rows: [], total }
  if (query.sort === 'title') {
    const ids = titleOrder(db, where, query.group === 'status', query.locale).slice(query.offset, query.offset + query.limit)
    return { rows: rowsOf(db, ids), total }
  }
  const narrowed = query.sort === 'review' && query.group !== 'status' ? reviewCut(where, query.offset + query.limit - 1) : where
  const rows = arrays(
    db,
    `SELECT s.row FROM measure_summary s WHERE ${narrowed.sql} ORDER BY ${orderBy(query.sort, query.group === 'status', categoryRank)} LIMIT ? OFFSET ?`,
    ...narrowed.params,
    query.limit,
    query.offset,
  )
  return { rows: rows.map((row) => JSON.parse(row[0] as string) as MeasureSummary), total }
}

/**
 * The review order (not grouped) narrowed to rows whose key is at most the key of the page's last
 * row: no other row can be on the page. That key is read from the review index alone (it holds
 * review_ms), and so is each row's key in the narrowed query, so only the page's rows and their
 * ties are read whole — Needs review's first 50 of 10,000 at 100k: 36 → 1.2 ms, instead of every
 * row waiting for a review read to be sorted.
 */
function reviewCut(where: Where, lastRow: number): Where {
  const keyOfLastRow = `SELECT ${REVIEW_KEY} AS k FROM measure_summary s WHERE ${where.sql} ORDER BY k LIMIT 1 OFFSET ?`
  return {
    // Fewer rows than the page's last one: no key to stop at.
    sql: `${where.sql} AND ${REVIEW_KEY} <= COALESCE((${keyOfLastRow}), ${Number.MAX_SAFE_INTEGER})`,
    params: [...where.params, ...where.params, lastRow],
  }
}

/**
 * The count of a query that is only a search of words of three characters or more, from the index
 * alone (it holds exactly the live rows: summary-table.ts), or null for any other query. Counting
 * through the summary table reads an index entry of every live row (50 ms at 100,000).
 */
function searchOnlyCount(db: Db, query: PageQuery): number | null {
  if (query.ids !== undefined || isPostgres(db)) return null
  const { text, ...others } = query.filter
  if (Object.values(others).some((value) => value !== undefined)) return null
  const terms = searchTerms(text ?? '')
  const match = searchMatch(terms)
  if (match === null || terms.some((term) => [...term].length < TRIGRAM)) return null
  return (statement(db, 'SELECT count(*) AS n FROM measure_search WHERE measure_search MATCH ?').get(match) as { n: number }).n
}

/** The filter narrowed to the named measures (PageQuery.ids). */
function onlyIds(where: Where, ids: readonly string[] | undefined): Where {
  if (ids === undefined) return where
  return { sql: `(${where.sql}) AND s.id IN (SELECT value FROM json_each(?))`, params: [...where.params, JSON.stringify(ids)] }
}

function rowsOf(db: Db, ids: readonly string[]): MeasureSummary[] {
  const byId = new Map(
    arrays(db, 'SELECT id, row FROM measure_summary WHERE id IN (SELECT value FROM json_each(?))', JSON.stringify(ids)).map((r) => [
      r[0] as string,
      r[1] as string,
    ]),
  )
  return ids.map((id) => JSON.parse(byId.get(id)!) as MeasureSummary)
}

// Titles sort by the reader's collator, which SQL does not have: the filtered ids are ordered in
// memory once per (filter, grouping, language, data) and each later window slices that order.
let titleMemo: { key: string; ids: string[] } | null = null

function dataStamp(db: Db): string | null {
  // PostgreSQL has no cheap "anything changed" counter for a session: no memo there (null never matches).
  if (isPostgres(db)) return null
  const version = (statement(db, 'PRAGMA data_version').get() as { data_version: number }).data_version
  const changes = (statement(db, 'SELECT total_changes() AS n').get() as { n: number }).n
  return `${version}:${changes}`
}

function titleOrder(db: Db, where: Where, groupByStatus: boolean, locale: Locale): string[] {
  const stamp = dataStamp(db)
  const key = JSON.stringify([stamp, where, groupByStatus, locale])
  if (stamp !== null && titleMemo?.key === key) return titleMemo.ids
  const rows = arrays(
    db,
    `SELECT s.id, s.status_rank, m.title_en, m.title_zh_hant, m.title_zh_hans FROM measure_summary s JOIN measures m ON m.id = s.id
     WHERE ${where.sql}`,
    ...where.params,
  ).map((r) => ({ id: r[0] as string, rank: r[1] as number, title: localizedText(titleOfCells(r[2], r[3], r[4], null), locale) }))
  const compare = collator(locale)
  rows.sort((a, b) => (groupByStatus ? a.rank - b.rank : 0) || compare.compare(a.title, b.title) || compareIds(a.id, b.id))
  titleMemo = { key, ids: rows.map((r) => r.id) }
  return titleMemo.ids
}

/** The counts of PageCounts over the summary table (rows refreshed to the instant asked). */
export function countsFromSummaries(db: Db, filter: ListFilter): PageCounts {
  const where = filterWhere(filter, db)
  const byStatus: Partial<Record<Status, number>> = {}
  // By rank, not name: the status index is ordered by rank, so an unfiltered count reads only it.
  for (const [rank, count] of arrays(
    db,
    `SELECT s.status_rank, count(*) FROM measure_summary s WHERE ${where.sql} GROUP BY s.status_rank`,
    ...where.params,
  ))
    byStatus[STATUSES[rank as number]!] = count as number
  const one = (sql: string): Cell => arrays(db, sql)[0]?.[0] ?? null
  const available = one('SELECT count(*) FROM measure_summary WHERE live = 1') as number
  const needsReview = one('SELECT count(*) FROM measure_summary WHERE live = 1 AND needs_review = 1') as number
  const nextChangeMs = one('SELECT min(valid_until_ms) FROM measure_summary WHERE live = 1') as number | null
  // review_at beside min(review_ms): SQLite gives the earliest row's; PostgreSQL has to be asked for it.
  const earliestAt = isPostgres(db) ? '(array_agg(review_at ORDER BY review_ms))[1]' : 'review_at'
  const reviewDays = arrays(
    db,
    `SELECT review_kind, substr(review_at, 1, 10) AS day, min(review_ms), ${earliestAt}, count(*) FROM measure_summary
     WHERE live = 1 AND needs_review = 1 AND review_kind IS NOT NULL GROUP BY review_kind, day ORDER BY day DESC, review_kind`,
  ).map((r) => ({ kind: r[0] as TransitionKind, day: r[1] as string, atMs: r[2] as number, at: r[3] as string, count: r[4] as number }))
  return { available, byStatus, needsReview, reviewDays, nextChangeMs }
}
