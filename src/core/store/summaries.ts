// The board's hot path: every measure with its status at one instant. Reads one row per
// measure (its events come folded in the timeline column) plus tags and links once each, and
// folds the events with their precomputed epoch milliseconds.
import { hasLiveDateConflict } from './conflicts.ts'
import type { Db } from './db.ts'
import type { ListFilter } from '../../shared/api-inputs.ts'
import type { MeasureSummary } from '../../shared/api-views.ts'
import type { Category, MeasureLink } from '../../shared/domain.ts'
import {
  matchesTerms,
  measureSearchText,
  searchText,
  searchTerms,
  type SearchTerms,
  type SearchableMeasure,
} from '../../shared/text-search.ts'
import { statusAt, type TimedProgress } from '../status/engine.ts'
import { arrays, decodeTimeline, timelineOf, type Cell, type TimelineEvent } from './array-rows.ts'
import { commitmentBases, parseRateValue } from './commitment-rows.ts'
import { ROW_TEXT_COLUMNS, rowTranslationsOf, titleOfCells } from './text-cells.ts'

function groupBy<T>(rows: Cell[][], map: (row: Cell[]) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const row of rows) {
    const key = row[0] as string
    const list = groups.get(key)
    if (list) list.push(map(row))
    else groups.set(key, [map(row)])
  }
  return groups
}

export interface SummaryQuery {
  atMs: number
  filter: ListFilter
  includeDeleted: boolean
  /** Only these measures (the summary table's refresh); every measure when absent. */
  only?: readonly string[]
  /**
   * Keep the decoded timelines for the next read (timelineOf's memo: the board's refreshes). A
   * reader going through every measure once (a report) says false, or the memo holds them all.
   */
  memo?: boolean
}

/** What the summary table stores beside a summary: the inputs its validity and search text need. */
export interface SummaryInputs {
  events: readonly TimelineEvent[]
  progress: readonly TimedProgress[]
  notes: readonly string[] | undefined
}

export function listSummaries(db: Db, query: SummaryQuery): MeasureSummary[] {
  const result: MeasureSummary[] = []
  eachSummary(db, query, (summary) => result.push(summary))
  return result
}

/**
 * Folds the measures the query selects and passes each summary that passes the filter to `visit`,
 * with its events, progress and (when `withNotes` or a text filter asked for them) live notes.
 */
export function eachSummary(
  db: Db,
  query: SummaryQuery,
  visit: (summary: MeasureSummary, inputs: SummaryInputs) => void,
  withNotes = false,
): void {
  const { filter } = query
  const only = query.only === undefined ? null : JSON.stringify(query.only)
  const ofOnly = (column: string) => (only === null ? '' : `${column} IN (SELECT value FROM json_each(?))`)
  const params = only === null ? [] : [only]
  // With `only`, deleted measures are left out below rather than in SQL: a `deleted_at IS NULL`
  // term makes SQLite walk the live-parties index over every live measure (143 ms at 100,000)
  // instead of looking the few ids up by key.
  const skipDeleted = !query.includeDeleted && only !== null
  const measureWhere = only !== null ? ofOnly('id') : query.includeDeleted ? '' : 'deleted_at IS NULL'
  const measures = arrays(
    db,
    `SELECT id, title_en, title_zh_hant, title_zh_hans, short_name, imposer, target, category, instrument, rate, scope, deleted_at, timeline,
       rate_value, commitment, ${ROW_TEXT_COLUMNS}
     FROM measures ${measureWhere ? `WHERE ${measureWhere}` : ''}`,
    ...params,
  )
  const childWhere = (extra: string) => {
    const where = [extra, ofOnly('measure_id')].filter(Boolean).join(' AND ')
    return where ? `WHERE ${where}` : ''
  }
  const commitments = commitmentBases(db)
  const tags = groupBy(
    arrays(db, `SELECT measure_id, tag FROM measure_tags ${childWhere('')} ORDER BY measure_id, position`, ...params),
    (r) => r[1] as string,
  )
  const links = groupBy(
    arrays(db, `SELECT measure_id, target_id, relation FROM links ${childWhere('')} ORDER BY measure_id, target_id`, ...params),
    (r): MeasureLink => ({ targetId: r[1] as string, relation: r[2] as MeasureLink['relation'] }),
  )
  const noteCounts = new Map(
    arrays(db, `SELECT measure_id, count(*) FROM notes ${childWhere('deleted_at IS NULL')} GROUP BY measure_id`, ...params).map((r) => [
      r[0] as string,
      r[1] as number,
    ]),
  )
  // The board's search (shared/text-search.ts) over the same fields, plus the live notes.
  const terms = searchTerms(filter.text ?? '')
  const notes =
    terms.length > 0 || withNotes
      ? groupBy(arrays(db, `SELECT measure_id, body FROM notes ${childWhere('deleted_at IS NULL')}`, ...params), (r) => r[1] as string)
      : null

  for (const m of measures) {
    if (skipDeleted && m[11] !== null) continue
    const id = m[0] as string
    const imposer = m[5] as string
    const target = m[6] as string
    const category = m[7] as Category
    const measureTags = tags.get(id) ?? []
    if (filter.party && imposer !== filter.party && target !== filter.party) continue
    if (filter.imposer && imposer !== filter.imposer) continue
    if (filter.target && target !== filter.target) continue
    if (filter.category && category !== filter.category) continue
    if (filter.tag && !measureTags.includes(filter.tag)) continue
    const title = titleOfCells(m[1], m[2], m[3], m[15])
    const shortName = m[4] as string
    const instrument = m[8] as string
    const translations = rowTranslationsOf(m[16], m[17])
    if (
      terms.length > 0 &&
      !matchesSearch(terms, { id, title, shortName, instrument, translations, imposer, target, tags: measureTags }, notes?.get(id))
    )
      continue

    const measureEvents = query.memo === false ? decodeTimeline(m[12] as string) : timelineOf(id, m[12] as string)
    const base = commitments.baseOf(id, m[14])
    const state = statusAt(measureEvents, query.atMs, {
      rate: m[9] as string | null,
      scope: m[10] as string,
      rateValue: parseRateValue(m[13]),
      ...base,
    })
    if (filter.status && state.status !== filter.status) continue
    if (filter.needsReview !== undefined && state.needsReview !== filter.needsReview) continue

    visit(
      {
        ...state,
        id,
        title,
        shortName,
        imposer,
        target,
        category,
        instrument,
        translations,
        tags: measureTags,
        links: links.get(id) ?? [],
        hasDateConflict: hasLiveDateConflict(db, id, measureEvents, query.atMs),
        noteCount: noteCounts.get(id) ?? 0,
        deletedAt: m[11] as string | null,
      },
      { events: measureEvents, progress: base.progress, notes: notes?.get(id) },
    )
  }
}

/** Every term somewhere in the measure's fields or its notes (folded only when the fields fall short). */
function matchesSearch(terms: SearchTerms, measure: SearchableMeasure, notes: readonly string[] | undefined): boolean {
  const fields = measureSearchText(measure)
  if (matchesTerms(terms, fields)) return true
  return notes !== undefined && matchesTerms(terms, `${fields}\n${searchText(notes)}`)
}
