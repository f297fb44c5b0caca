// One model, every output: renderReport(model, format) → the file to save or show; renderBrief the
// same for one measure's brief.
import type { BriefFormat, ReportFormat } from '../../shared/api-inputs.ts'
import type { ReportFile } from '../../shared/api-views.ts'
import { Temporal } from '../../shared/time.ts'
import { renderCsv } from './csv.ts'
import { renderHtml } from './html.ts'
import { renderMarkdownReport } from './md.ts'
import type { ReportModel } from './model-types.ts'
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
const asOfDate = (model: Pick<ReportModel, 'asOf' | 'zone'>): string =>
  Temporal.Instant.fromEpochMilliseconds(model.asOf.atMs).toZonedDateTimeISO(model.zone).toPlainDate().toString()

/** "measure-report-2026-11-09.html": the as-of date on the report's own calendar. */
export function reportFilename(model: ReportModel, format: ReportFormat): string {
  return `measure-report-${asOfDate(model)}.${format}`
}

export function renderReport(model: ReportModel, format: ReportFormat): ReportFile {
  const content =
    format === 'html'
      ? renderHtml(model)
      : format === 'md'
        ? renderMarkdownReport(model)
        : format === 'csv'
          ? renderCsv(model)
          : `${JSON.stringify(model, null, 2)}\n`
  return { filename: reportFilename(model, format), mimeType: MIME[format], content }
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
