// The board's filter choices (measures.facets, issue 14): the parties and tags of the live measures,
// read from indexes alone — migration 10's `measures_live_parties (deleted_at, imposer, target)` and
// `measure_tags_by_tag` — never from the measures table's wide rows (1.4–2 s at 100,000 measures).
import type { Db } from './db.ts'
import type { MeasureFacets } from '../../shared/api-views.ts'
import { compareIds } from '../../shared/list-order.ts'
import { arrays, type Cell } from './array-rows.ts'

/**
 * How many values of a facet are found by seeking before one scan of the index takes over. A seek
 * costs about as much as reading 30 index entries: a few hundred values over 100,000 measures take
 * a small part of a scan's time, and past this bound at most this many seeks were spent in vain.
 */
const SEEKS = 500

/** Every live measure's parties and tags (the filter selects), whatever the instant. */
export function facetsOfStore(db: Db): MeasureFacets {
  const imposers = distinctValues(db, 'imposer', 'measures', 'deleted_at IS NULL')
  return { imposers, targets: liveTargets(db, imposers), tags: liveTags(db).sort((a, b) => a.localeCompare(b)) }
}

const strings = (db: Db, sql: string, ...params: Cell[]): string[] => arrays(db, sql, ...params).map((r) => r[0] as string)

/**
 * The distinct values of an indexed column in index order, one seek per value (a "loose index
 * scan": the next value is the least one greater than the last) — or null when there are more than
 * `limit`. SQLite's DISTINCT walks every index entry instead: 10–20 ms per facet at 100,000
 * measures for a handful of values. `where` (numbered parameters) must leave `column` next in the
 * index's order. Only this module's constant names and clauses are put into the SQL.
 */
function seekDistinct(db: Db, column: string, table: string, where: string, limit: number, ...params: Cell[]): string[] | null {
  const least = (after: string) => `SELECT min(${column}) FROM ${table} WHERE ${where}${after}`
  const sql = `WITH RECURSIVE found(value) AS (
    SELECT (${least('')})
    UNION ALL SELECT (${least(` AND ${column} > found.value`)}) FROM found WHERE found.value IS NOT NULL
  ) SELECT value FROM found WHERE value IS NOT NULL LIMIT ${limit + 1}`
  const values = strings(db, sql, ...params)
  return values.length > limit ? null : values
}

/** The distinct values of an indexed column: sought while they are few, else one scan. */
function distinctValues(db: Db, column: string, table: string, where: string): string[] {
  return seekDistinct(db, column, table, where, SEEKS) ?? strings(db, `SELECT DISTINCT ${column} FROM ${table} WHERE ${where} ORDER BY 1`)
}

/**
 * Targets come second in the index: sought imposer by imposer while the pairs of parties are few
 * (the generated 100k store has 12), else one scan (a real dataset may have thousands of pairs).
 */
function liveTargets(db: Db, imposers: readonly string[]): string[] {
  const found = new Set<string>()
  let seeks = SEEKS
  for (const imposer of imposers) {
    const targets = seekDistinct(db, 'target', 'measures', 'deleted_at IS NULL AND imposer = ?1', seeks, imposer)
    if (targets === null) return strings(db, 'SELECT DISTINCT target FROM measures WHERE deleted_at IS NULL').sort(compareIds)
    seeks -= targets.length
    for (const target of targets) found.add(target)
  }
  return [...found].sort(compareIds)
}

/**
 * Every tag, less those only deleted measures have. If any measure is deleted, the suspects — every
 * tag, or the deleted measures' tags when fewer measures are deleted than there are tags (found
 * through the parties index: `deleted_at >= ''` is "not null" in a form it serves) — are each kept
 * if a live measure still has it (a tag's first rows are usually live). Checking every tag row's
 * measure cost 0.2–1 s at 100,000 measures; reading 1,000 deleted measures' tags, 8–17 ms.
 */
function liveTags(db: Db): string[] {
  const all = distinctValues(db, 'tag', 'measure_tags', 'true')
  const deleted = arrays(db, "SELECT count(*) FROM measures WHERE deleted_at >= ''")[0]?.[0] as number
  if (deleted === 0) return all
  const suspects =
    all.length <= deleted
      ? all
      : strings(db, "SELECT DISTINCT tag FROM measure_tags WHERE measure_id IN (SELECT id FROM measures WHERE deleted_at >= '')")
  const hasLiveMeasure = (tag: string) =>
    arrays(db, 'SELECT 1 FROM measure_tags t JOIN measures m ON m.id = t.measure_id WHERE t.tag = ? AND m.deleted_at IS NULL LIMIT 1', tag)
      .length > 0
  const gone = new Set(suspects.filter((tag) => !hasLiveMeasure(tag)))
  return all.filter((tag) => !gone.has(tag))
}
