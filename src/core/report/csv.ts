// The status table as CSV: UTF-8 with a byte-order mark (so Excel reads the Chinese text as
// UTF-8), localized header, one row per measure, RFC 4180 quoting, LF line ends (every spreadsheet
// reads them, and the command line's stdout keeps them intact).
import { stringify } from 'csv-stringify/sync'
import { csvSafe } from './escape.ts'
import { translator } from '../../shared/i18n/translate.ts'
import type { ReportModel, ReportStream } from './model-types.ts'
import { statusRow, statusTableHeader } from './table.ts'
import { streamOfModel } from './stream.ts'

export const BOM = '\uFEFF'

/** Rows stringified together (one call per row would cost more than the quoting itself). */
const ROWS_PER_CHUNK = 500

/** The CSV a chunk of rows at a time as the stream reads them: the BOM and header first. */
export function* csvChunks(stream: ReportStream): Generator<string, void, undefined> {
  const t = translator(stream.head.lang)
  const options = { record_delimiter: 'unix' } as const
  yield stringify([statusTableHeader(t).map(csvSafe)], { ...options, bom: true })
  let rows: string[][] = []
  for (const row of stream.rows()) {
    rows.push(statusRow(row, stream, t).map(csvSafe))
    if (rows.length < ROWS_PER_CHUNK) continue
    yield stringify(rows, options)
    rows = []
  }
  if (rows.length > 0) yield stringify(rows, options)
}

export function renderCsv(model: ReportModel): string {
  return [...csvChunks(streamOfModel(model))].join('')
}
