// The status table as plain rows: one row per measure of the report (counter-measures outside the
// filter are not rows), party sections in order. The CSV is exactly this table; the tests parse
// the CSV back and compare it with these rows.
import { translator, type Translate } from '../../shared/i18n/translate.ts'
import type { ReportMeasure, ReportModel, ReportRow, ReportStream } from './model-types.ts'
import { streamOfModel } from './stream.ts'

export const STATUS_TABLE_COLUMNS = [
  'party',
  'id',
  'measure',
  'target',
  'category',
  'instrument',
  'status',
  'needsReview',
  'since',
  'nextKind',
  'next',
  'countdown',
  'rate',
  'counters',
  'sources',
  'sinceIso',
  'nextIso',
] as const

export interface StatusTable {
  header: string[]
  rows: string[][]
}

/** "Instrument — number", either part alone when the other is empty. */
export function instrumentText(m: Pick<ReportMeasure, 'instrument' | 'instrumentNumber'>): string {
  return [m.instrument, m.instrumentNumber].filter((part) => part.trim() !== '').join(' — ')
}

/** The table's header in the report's language. */
export const statusTableHeader = (t: Translate): string[] => STATUS_TABLE_COLUMNS.map((c) => t(`report.column.${c}`))

/** One row of the table: a measure of the report with its counter-measures and its sources' URLs. */
export function statusRow({ measure: m, counters }: ReportRow, stream: Pick<ReportStream, 'footnote'>, t: Translate): string[] {
  return [
    m.imposerName,
    m.id,
    m.title,
    m.targetName,
    m.categoryLabel,
    instrumentText(m),
    m.statusLabel,
    t(m.needsReview ? 'report.yes' : 'report.no'),
    m.since?.text ?? '',
    m.next?.label ?? '',
    m.next?.text ?? '',
    m.next?.countdown ?? '',
    m.rate ?? '',
    counters.map((c) => `${c.imposer}: ${c.title}`).join('; '),
    m.footnotes.map((n) => stream.footnote(n)?.url ?? '').join(' '),
    m.since?.at ?? '',
    m.next?.at ?? '',
  ]
}

export function statusTable(model: ReportModel): StatusTable {
  const t = translator(model.lang)
  const stream = streamOfModel(model)
  const rows = [...stream.rows()].map((row) => statusRow(row, stream, t))
  return { header: statusTableHeader(t), rows }
}
