// One model, every output: reportChunks(stream, format) → the text a piece at a time (the command
// line writes it so), renderReport the same as one file to save or show; renderBrief for one
// measure's brief.
import type { BriefFormat, ReportFormat } from '../../shared/api-inputs.ts'
import type { ReportFile } from '../../shared/api-views.ts'
import { Temporal } from '../../shared/time.ts'
import { csvChunks } from './csv.ts'
import { htmlChunks } from './html.ts'
import { jsonChunks } from './json.ts'
import { markdownChunks } from './md.ts'
import type { ReportHead, ReportStream } from './model-types.ts'
import type { BriefModel } from './brief-model.ts'
import { renderBriefHtml } from './brief-html.ts'
import { renderBriefMarkdown } from './brief-md.ts'

const MIME: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
}

/** The as-of date on the document's own calendar ("2026-11-09"). */
const asOfDate = (model: Pick<ReportHead, 'asOf' | 'zone'>): string =>
  Temporal.Instant.fromEpochMilliseconds(model.asOf.atMs).toZonedDateTimeISO(model.zone).toPlainDate().toString()

/** "measure-report-2026-11-09.html": the as-of date on the report's own calendar. */
export function reportFilename(head: Pick<ReportHead, 'asOf' | 'zone'>, format: ReportFormat): string {
  return `measure-report-${asOfDate(head)}.${format}`
}

/** The report's text in `format`, a piece at a time as the stream reads the store. */
export function reportChunks(stream: ReportStream, format: ReportFormat): Iterable<string> {
  if (format === 'html') return htmlChunks(stream)
  if (format === 'md') return markdownChunks(stream)
  if (format === 'csv') return csvChunks(stream)
  return jsonChunks(stream)
}

/** The whole report as one file (the app's preview, print and save; a report too large for one string fails here). */
export function renderReport(stream: ReportStream, format: ReportFormat): ReportFile {
  const content = [...reportChunks(stream, format)].join('')
  return { filename: reportFilename(stream.head, format), mimeType: MIME[format], content }
}

/** "measure-brief-us-ustr-301-ships-2026-11-09.html". */
export function briefFilename(model: BriefModel, format: BriefFormat): string {
  return `measure-brief-${model.measure.id}-${asOfDate(model)}.${format}`
}

export function renderBrief(model: BriefModel, format: BriefFormat): ReportFile {
  const content =
    format === 'html' ? renderBriefHtml(model) : format === 'md' ? renderBriefMarkdown(model) : `${JSON.stringify(model, null, 2)}\n`
  return { filename: briefFilename(model, format), mimeType: MIME[format], content }
}
