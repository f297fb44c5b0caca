// What the report reads from the store: the board's summaries (store/summaries.ts, with each
// measure's events decoded from its timeline column) and, beyond them, instrument numbers, sources
// and pinned notes — one query per table for a batch of measures (stream.ts reads its rows ROW_BATCH
// at a time).
import type { Db } from '../store/db.ts'
import type { ListFilter } from '../../shared/api-inputs.ts'
import type { ChineseText, Note, Source } from '../../shared/domain.ts'
import { arrays } from '../store/array-rows.ts'
import { eachSummary } from '../store/summaries.ts'
import type { ReportMeasureData } from './model-types.ts'
import type { ReportSource, ReportSubject } from './stream.ts'

/** Measures read per query by the report's first pass. */
const SCOPE_PAGE = 2_000

/**
 * Up to this many live measures the report's reads keep decoded timelines in timelineOf's memo, as
 * the board does: the report view rebuilds its preview on every change of its options (1,000
 * measures: 33 ms warm, 66 ms cold). Beyond it they are decoded and dropped (at 100,000 the memo
 * held ~400 MB).
 */
const MEMO_UP_TO = 20_000

/** The report's measures from the store at `atMs`: the filtered ones in one pass, the tables' a batch at a time. */
export function storeReportSource(db: Db, atMs: number, filter: ListFilter): ReportSource {
  let memo = true
  return {
    eachInScope(visit) {
      // A page of ids at a time: eachSummary reads the rows it is given whole (every measure's
      // timeline at once, at 100,000 about 70 MB more at the peak).
      const ids = arrays(db, 'SELECT id FROM measures WHERE deleted_at IS NULL ORDER BY id').map((r) => r[0] as string)
      memo = ids.length <= MEMO_UP_TO
      for (let start = 0; start < ids.length; start += SCOPE_PAGE)
        eachSummary(db, { atMs, filter, includeDeleted: false, only: ids.slice(start, start + SCOPE_PAGE), memo }, (summary, inputs) =>
          visit(summary, inputs.events),
        )
    },
    counterLinks() {
      return arrays(
        db,
        `SELECT l.measure_id, l.target_id FROM links l
           JOIN measures a ON a.id = l.measure_id AND a.deleted_at IS NULL
           JOIN measures b ON b.id = l.target_id AND b.deleted_at IS NULL
         WHERE l.relation = 'counter'`,
      ).map((r) => [r[0] as string, r[1] as string] as const)
    },
    subjectsOf(ids) {
      const details = readReportDetails(db, ids)
      const subjects = new Map<string, ReportSubject>()
      eachSummary(db, { atMs, filter: {}, includeDeleted: false, only: ids, memo }, (summary, inputs) => {
        const data = details.get(summary.id)
        subjects.set(summary.id, { summary, data: data && { ...data, events: inputs.events } })
      })
      return subjects
    },
  }
}

/** What the rows read beyond the summaries of these live measures (their events come with the summaries). */
function readReportDetails(
  db: Db,
  only: readonly string[],
): Map<string, Omit<ReportMeasureData, 'events'> & { sources: Source[]; notes: Note[] }> {
  const details = new Map<string, Omit<ReportMeasureData, 'events'> & { sources: Source[]; notes: Note[] }>()
  const ids = JSON.stringify(only)
  // Deleted measures left out here, not in SQL, for the reason eachSummary gives (store/summaries.ts).
  for (const [id, instrumentNumber, chineseNumber, deletedAt] of arrays(
    db,
    `SELECT id, instrument_number, translations -> '$.instrumentNumber', deleted_at FROM measures WHERE id IN (SELECT value FROM json_each(?))`,
    ids,
  )) {
    if (deletedAt !== null) continue
    details.set(id as string, {
      instrumentNumber: instrumentNumber as string,
      ...(chineseNumber == null ? {} : { translations: { instrumentNumber: JSON.parse(chineseNumber as string) as ChineseText } }),
      sources: [],
      notes: [],
    })
  }
  for (const r of arrays(
    db,
    `SELECT measure_id, id, url, title, publisher, date, confidence, translations FROM sources
     WHERE measure_id IN (SELECT value FROM json_each(?)) ORDER BY measure_id, position`,
    ids,
  )) {
    details.get(r[0] as string)?.sources.push({
      id: r[1] as string,
      url: r[2] as string,
      title: r[3] as string,
      publisher: r[4] as string,
      date: r[5] as string | null,
      confidence: r[6] as Source['confidence'],
      translations: r[7] === null ? {} : (JSON.parse(r[7] as string) as Source['translations']),
    })
  }
  for (const r of arrays(
    db,
    `SELECT measure_id, id, body, created_at, updated_at FROM notes
     WHERE deleted_at IS NULL AND pinned = 1 AND measure_id IN (SELECT value FROM json_each(?)) ORDER BY measure_id, created_at DESC, id`,
    ids,
  )) {
    details
      .get(r[0] as string)
      ?.notes.push({ id: r[1] as string, body: r[2] as string, pinned: true, createdAt: r[3] as string, updatedAt: r[4] as string })
  }
  return details
}
