// The status table as plain rows: one row per measure of the report (counter-measures outside the
// filter are not rows), party sections in order. The CSV is exactly this table; the tests parse
// the CSV back and compare it with these rows.
import { translator } from '../../shared/i18n/translate.ts'
import { measureIndex, type ReportMeasure, type ReportModel } from './model-types.ts'

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

export function statusTable(model: ReportModel): StatusTable {
  const t = translator(model.lang)
  const byId = measureIndex(model)
  const urlOf = new Map(model.footnotes.map((f) => [f.number, f.url]))
  const rows: string[][] = []
  for (const section of model.parties) {
    for (const id of section.measureIds) {
      const m = byId.get(id)
      if (!m) continue
      const counters = m.counterIds.map((cid) => byId.get(cid)).filter((c): c is ReportMeasure => c !== undefined)
      rows.push([
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
        m.footnotes.map((n) => urlOf.get(n) ?? '').join(' '),
        m.since?.at ?? '',
        m.next?.at ?? '',
      ])
    }
  }
  return { header: STATUS_TABLE_COLUMNS.map((c) => t(`report.column.${c}`)), rows }
}
