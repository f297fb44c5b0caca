// The status table as CSV: UTF-8 with a byte-order mark (so Excel reads the Chinese text as
// UTF-8), localized header, one row per measure, RFC 4180 quoting, LF line ends (every spreadsheet
// reads them, and the command line's stdout keeps them intact).
import { stringify } from 'csv-stringify/sync'
import { csvSafe } from './escape.ts'
import type { ReportModel } from './model-types.ts'
import { statusTable } from './table.ts'

export const BOM = '\uFEFF'

export function renderCsv(model: ReportModel): string {
  const { header, rows } = statusTable(model)
  return stringify(
    [header, ...rows].map((row) => row.map(csvSafe)),
    { bom: true, record_delimiter: 'unix' },
  )
}
