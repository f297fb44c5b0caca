// One model, every output: renderReport(model, format) → the file to save or show.
import type { ReportFormat } from '../../shared/api-inputs.ts'
import type { ReportFile } from '../../shared/api-views.ts'
import { Temporal } from '../../shared/time.ts'
import { renderCsv } from './csv.ts'
import { renderHtml } from './html.ts'
import { renderMarkdownReport } from './md.ts'
import type { ReportModel } from './model-types.ts'

const MIME: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
}

/** "measure-report-2026-11-09.html": the as-of date on the report's own calendar. */
export function reportFilename(model: ReportModel, format: ReportFormat): string {
  const date = Temporal.Instant.fromEpochMilliseconds(model.asOf.atMs).toZonedDateTimeISO(model.zone).toPlainDate().toString()
  return `measure-report-${date}.${format}`
}

export function renderReport(model: ReportModel, format: ReportFormat): ReportFile {
  const content =
    format === 'html' ? renderHtml(model) : format === 'md' ? renderMarkdownReport(model) : format === 'csv' ? renderCsv(model) : `${JSON.stringify(model, null, 2)}\n`
  return { filename: reportFilename(model, format), mimeType: MIME[format], content }
}
