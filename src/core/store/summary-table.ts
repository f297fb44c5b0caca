// The summary table (migration 7): each measure's board row as the status engine answered it at
// `computed_ms`, valid until `valid_until_ms`, with its folded search text and FTS5 entry.
//
// Consistency: triggers mark a row dirty in the same transaction as every change it derives from;
// the service recomputes dirty rows before that transaction commits (service/index.ts), and every
// reader first recomputes the rows that are dirty (a writer that does not go through the service,
// e.g. the staged import) or whose answer no longer holds at the instant asked (time passed a
// deadline, or the clock is before the instant they were computed at). A row is therefore never
// read in a state the engine would not give at that instant.
import { isPostgres, type Db } from './db.ts'
import type { MeasureSummary } from '../../shared/api-views.ts'
import { STATUS_RANK } from '../../shared/list-order.ts'
import { deadlineBand } from '../../shared/deadline.ts'
import { measureSearchText, searchText } from '../../shared/text-search.ts'
import { arrays } from './array-rows.ts'
import { statement } from './statements.ts'
import { eachSummary, type SummaryInputs } from './summaries.ts'

/** Rows recomputed per batch: bounds memory when a whole store (an import, migration 7) is dirty. */
const BATCH = 5_000

/**
 * The first instant after `atMs` at which anything of the measure takes effect — an event (of any
 * kind: a review recorded ahead ends a needs-review), a suspension's end, a progress entry or the
 * commitment's deadline (both in `next` when ahead). Between `atMs` and it the engine's answer is
 * constant (the engine's property tests pin "status constant between consecutive transitions").
 */
export function validUntilMs(summary: MeasureSummary, inputs: SummaryInputs, atMs: number): number | null {
  let until = summary.next !== null && summary.next.atMs > atMs ? summary.next.atMs : Infinity
  for (const event of inputs.events) {
    if (event.atMs > atMs && event.atMs < until) until = event.atMs
    if (event.untilMs !== null && event.untilMs > atMs && event.untilMs < until) until = event.untilMs
  }
  for (const entry of inputs.progress) if (entry.asOfMs > atMs && entry.asOfMs < until) until = entry.asOfMs
  return until === Infinity ? null : until
}

/** The folded text the search index holds for a measure: its fields and its live notes. */
export function indexedText(summary: MeasureSummary, notes: readonly string[] | undefined): string {
  const fields = measureSearchText(summary)
  return notes && notes.length > 0 ? `${fields}\n${searchText(notes)}` : fields
}

/**
 * The FTS5 trigram index over the search text of each live measure's summary row (a deleted
 * measure is never listed), keyed by its `doc`: a match is a listed row, so a search alone is
 * counted from the index (summary-page.ts). Case-sensitive: the text is folded already
 * (shared/text-search.ts), and the tokenizer's own case folding is not the rule's (it folds ς into
 * σ, which the rule keeps apart), so only an unfolded index makes a phrase match the exact
 * substring test the rule asks for. `detail = full` (the default: phrases need positions) is
 * spelled out so that this definition differs from the earlier one that also held deleted rows,
 * which is rebuilt.
 */
const SEARCH_INDEX_SQL = `CREATE VIRTUAL TABLE measure_search USING fts5(body, tokenize = 'trigram case_sensitive 1', detail = full, content = '', contentless_delete = 1)`

/**
 * Created here rather than in a migration (see migration 7); an index of an earlier definition is
 * dropped. When it is (re)created, every row is indexed again.
 */
function ensureSearchIndex(db: Db): void {
  const sql = searchIndexSql(db)
  if (sql === SEARCH_INDEX_SQL) return
  if (sql !== undefined) db.exec('DROP TABLE measure_search')
  db.exec(SEARCH_INDEX_SQL)
  db.exec(`UPDATE measure_summary SET dirty = 1, search_text = ''`)
}

function searchIndexSql(db: Db): string | undefined {
  // On PostgreSQL the index is the schema's trigram index on measure_summary.search_text (step 7),
  // kept by the server itself: always there, nothing to write to it.
  if (isPostgres(db)) return SEARCH_INDEX_SQL
  return (statement(db, `SELECT sql FROM sqlite_schema WHERE name = 'measure_search'`).get() as { sql: string } | undefined)?.sql
}

/** Whether the search index exists in its current definition (else the next refresh rebuilds it). */
function hasSearchIndex(db: Db): boolean {
  return searchIndexSql(db) === SEARCH_INDEX_SQL
}

/** The derived tables and the index's own tables: never copied between files (restore). */
export function isDerivedSummaryTable(name: string): boolean {
  return name.startsWith('measure_summary') || name === 'measure_search' || name.startsWith('measure_search_')
}

/** Forgets every summary (after the measures were replaced wholesale): all are recomputed on the next read. */
export function resetSummaries(db: Db): void {
  db.exec('DELETE FROM measure_summary_gone; DELETE FROM measure_summary_pending; DELETE FROM measure_summary')
  if (!isPostgres(db) && searchIndexSql(db) !== undefined) db.exec('DELETE FROM measure_search')
  db.exec('INSERT INTO measure_summary_pending (id) SELECT id FROM measures')
}

/** Ids whose row must be recomputed before answering at `nowMs` (after taking in new and removed measures). */
function staleIds(db: Db, nowMs: number, dirtyOnly: boolean): string[] {
  if (!isPostgres(db))
    for (const [doc] of arrays(db, 'SELECT DISTINCT doc FROM measure_summary_gone') as [number][])
      statement(db, 'DELETE FROM measure_search WHERE rowid = ?').run(doc)
  db.exec(`DELETE FROM measure_summary_gone;
    INSERT INTO measure_summary (id, dirty) SELECT DISTINCT p.id, 1 FROM measure_summary_pending p JOIN measures m ON m.id = p.id WHERE true
      ON CONFLICT(id) DO UPDATE SET dirty = 1;
    DELETE FROM measure_summary_pending;`)
  if (dirtyOnly) return arrays(db, 'SELECT id FROM measure_summary WHERE dirty = 1').map((row) => row[0] as string)
  return arrays(
    db,
    `SELECT id FROM measure_summary WHERE dirty = 1
     UNION SELECT id FROM measure_summary WHERE valid_until_ms <= ?1
     UNION SELECT id FROM measure_summary WHERE computed_ms > ?1`,
    nowMs,
  ).map((row) => row[0] as string)
}

/** Whether anything needs doing before answering at `nowMs` (a cheap read before taking the write lock). */
export function summariesStale(db: Db, nowMs: number): boolean {
  if (!hasSearchIndex(db)) return true
  return (
    (
      statement(
        db,
        `SELECT EXISTS (SELECT 1 FROM measure_summary_pending) OR EXISTS (SELECT 1 FROM measure_summary_gone)
         OR EXISTS (SELECT 1 FROM measure_summary WHERE dirty = 1)
         OR EXISTS (SELECT 1 FROM measure_summary WHERE valid_until_ms <= ?1)
         OR EXISTS (SELECT 1 FROM measure_summary WHERE computed_ms > ?1) AS stale`,
      ).get(nowMs) as { stale: number }
    ).stale === 1
  )
}

/**
 * Recomputes every stale row (or only the dirty ones: what a mutation just changed) through the
 * engine at `nowMs`. Runs inside the caller's write transaction. Returns how many were recomputed.
 */
export function refreshSummaries(db: Db, nowMs: number, options: { dirtyOnly?: boolean } = {}): number {
  ensureSearchIndex(db)
  const ids = staleIds(db, nowMs, options.dirtyOnly ?? false)
  if (ids.length > BATCH && !isPostgres(db))
    withLargeCache(db, () => {
      refreshAll(db, ids, nowMs)
      // Many rows written leave the index in many segments, and every search then reads each
      // segment's lists: merged into one, a word's count reads one list (4–5× faster at 100,000).
      db.exec(`INSERT INTO measure_search (measure_search) VALUES ('optimize')`)
    })
  else refreshAll(db, ids, nowMs)
  return ids.length
}

function refreshAll(db: Db, ids: readonly string[], nowMs: number): void {
  for (let start = 0; start < ids.length; start += BATCH) refreshBatch(db, ids.slice(start, start + BATCH), nowMs)
}

/** Page cache while many rows are rewritten (a whole store after an import): 64 MiB, given back after. */
const LARGE_CACHE_KIB = 65_536

/**
 * Rewriting most rows touches every page of the summary table, its seven indexes and the search
 * index in no order the default 2 MB page cache can hold: at 100,000 rows each write then reads its
 * pages back from the file (56 s; issue 14). A cache large enough for the working set makes it
 * linear; the default is restored afterwards, so the host's memory stays bounded.
 */
function withLargeCache(db: Db, work: () => void): void {
  const before = (statement(db, 'PRAGMA cache_size').get() as { cache_size: number }).cache_size
  db.exec(`PRAGMA cache_size = -${LARGE_CACHE_KIB}`)
  try {
    work()
  } finally {
    db.exec(`PRAGMA cache_size = ${before}`)
  }
}

function refreshBatch(db: Db, ids: readonly string[], nowMs: number): void {
  const previous = new Map(
    arrays(
      db,
      'SELECT id, doc, search_text, live FROM measure_summary WHERE id IN (SELECT value FROM json_each(?))',
      JSON.stringify(ids),
    ).map((row) => [row[0] as string, { doc: row[1] as number, text: row[2] as string, indexed: row[3] === 1 && row[2] !== '' }]),
  )
  const update = statement(
    db,
    `UPDATE measure_summary SET dirty = 0, computed_ms = ?, valid_until_ms = ?, live = ?, imposer = ?, target = ?, category = ?,
       status = ?, status_rank = ?, needs_review = ?, band = ?, deadline_ms = ?, review_kind = ?, review_at = ?, review_ms = ?,
       search_text = ?, row = ?
     WHERE doc = ?`,
  )
  const separateIndex = !isPostgres(db)
  const unindex = separateIndex ? statement(db, 'DELETE FROM measure_search WHERE rowid = ?') : null
  const index = separateIndex ? statement(db, 'INSERT INTO measure_search (rowid, body) VALUES (?, ?)') : null
  eachSummary(
    db,
    { atMs: nowMs, filter: {}, includeDeleted: true, only: ids },
    (summary, inputs) => {
      const before = previous.get(summary.id)
      if (before === undefined) return
      const band = deadlineBand(summary)
      const text = indexedText(summary, inputs.notes)
      const live = summary.deletedAt === null
      const reason = summary.needsReview ? summary.reviewReason : null
      update.run(
        nowMs,
        validUntilMs(summary, inputs, nowMs),
        live ? 1 : 0,
        summary.imposer,
        summary.target,
        summary.category,
        summary.status,
        STATUS_RANK.get(summary.status) ?? 0,
        summary.needsReview ? 1 : 0,
        band,
        band === 0 ? summary.reviewReason!.atMs : band === 1 ? summary.next!.atMs : 0,
        reason?.kind ?? null,
        reason?.at ?? null,
        reason?.atMs ?? null,
        text,
        JSON.stringify(summary),
        before.doc,
      )
      // The index holds a row exactly when it is live (with its text; '' = not indexed yet).
      const changed = before.text !== text
      if (before.indexed && (changed || !live)) unindex?.run(before.doc)
      if (live && text !== '' && (changed || !before.indexed)) index?.run(before.doc, text)
    },
    true,
  )
}
