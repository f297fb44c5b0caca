// What the report reads beyond the board summaries, for every live measure in one query per
// table: instrument numbers, events with their stored epoch columns (no date parsing), sources and
// pinned notes. Kept lean because a report of thousands of measures must build in milliseconds.
import type { Db } from '../store/db.ts'
import type { ChineseText, Note, Source } from '../../shared/domain.ts'
import { arrays, timelineOf } from '../store/array-rows.ts'
import type { ReportMeasureData } from './model-types.ts'

export function readReportDetails(db: Db): Map<string, ReportMeasureData> {
  const details = new Map<string, ReportMeasureData & { sources: Source[]; notes: Note[] }>()
  const measures = arrays(
    db,
    `SELECT id, instrument_number, timeline, translations -> '$.instrumentNumber' FROM measures WHERE deleted_at IS NULL`,
  )
  for (const [id, instrumentNumber, timeline, chineseNumber] of measures) {
    details.set(id as string, {
      instrumentNumber: instrumentNumber as string,
      ...(chineseNumber == null ? {} : { translations: { instrumentNumber: JSON.parse(chineseNumber as string) as ChineseText } }),
      events: timelineOf(id as string, timeline as string),
      sources: [],
      notes: [],
    })
  }
  for (const r of arrays(
    db,
    'SELECT measure_id, id, url, title, publisher, date, confidence, translations FROM sources ORDER BY measure_id, position',
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
    'SELECT measure_id, id, body, created_at, updated_at FROM notes WHERE deleted_at IS NULL AND pinned = 1 ORDER BY measure_id, created_at DESC, id',
  )) {
    details
      .get(r[0] as string)
      ?.notes.push({ id: r[1] as string, body: r[2] as string, pinned: true, createdAt: r[3] as string, updatedAt: r[4] as string })
  }
  return details
}
