// `report.build`: the status report at an instant, in one format (core/report renders it);
// `report.brief`: one measure's one-page brief the same way.
import type { BriefOptions, ReportFormat, ReportOptions } from '../../shared/api-inputs.ts'
import { epochMs } from '../../shared/time.ts'
import { localizedText } from '../../shared/localized.ts'
import { clean, reportAt, reportZone } from '../report/model.ts'
import type { ReportModel, ReportStream } from '../report/model-types.ts'
import { buildReportCharts, type ReportCharts } from '../report/charts.ts'
import { readChartMeasures } from '../charts/read.ts'
import { storeReportSource } from '../report/read.ts'
import { collectReport, reportStream } from '../report/stream.ts'
import { renderBrief, renderReport, reportChunks } from '../report/render.ts'
import { inSnapshot, chunksInSnapshot } from '../store/read-snapshot.ts'
import { buildBrief, type BriefModel } from '../report/brief-model.ts'
import { detailOf, requireMeasure } from './detail.ts'
import { listSummaries } from '../store/summaries.ts'
import type { Handlers, ServiceContext } from './context.ts'

/**
 * The report over the store at its as-of instant, read a batch at a time as its rows are asked for
 * (report/stream.ts). Read it on one snapshot of the store (inSnapshot, chunksInSnapshot).
 */
function reportStreamOf(ctx: ServiceContext, options: ReportOptions): ReportStream {
  const nowMs = ctx.nowMs()
  const at = reportAt(options, nowMs)
  const atMs = epochMs(at)
  const charts = options.charts ? reportChartsOf(ctx, options, at, nowMs) : undefined
  return reportStream(storeReportSource(ctx.db, atMs, options.filter), options, { at, nowMs, ...(charts ? { charts } : {}) })
}

/** The report's whole model from the store (tests, and callers that need the data rather than a file). */
export function loadReport(ctx: ServiceContext, options: ReportOptions): ReportModel {
  return inSnapshot(ctx.db, () => collectReport(reportStreamOf(ctx, options)))
}

/**
 * The report in `format`, a piece at a time, for a file of any size (the command line's `report`):
 * `report.build`'s content without ever holding it.
 */
export function reportFileChunks(ctx: ServiceContext, options: ReportOptions, format: ReportFormat): Iterable<string> {
  return chunksInSnapshot(ctx.db, () => reportChunks(reportStreamOf(ctx, options), format))
}

/** The report's charts: its filtered measures, titled as its tables title them. */
function reportChartsOf(ctx: ServiceContext, options: ReportOptions, at: string, nowMs: number): ReportCharts {
  const asOfMs = epochMs(at)
  const summaries = listSummaries(ctx.db, { atMs: asOfMs, filter: options.filter, includeDeleted: false })
  const titles = new Map(summaries.map((s) => [s.id, clean(localizedText(s.title, options.lang))]))
  const measures = readChartMeasures(ctx.db, new Set(titles.keys()))
  return buildReportCharts(measures, summaries, {
    lang: options.lang,
    zone: reportZone({ tz: options.tz, at }),
    asOfMs,
    nowMs,
    title: (id) => titles.get(id) ?? id,
  })
}

/** The brief's model: the measure as its page shows it at the as-of instant (a deleted one has none). */
export function loadBrief(ctx: ServiceContext, id: string, options: BriefOptions): BriefModel {
  const nowMs = ctx.nowMs()
  const at = reportAt(options, nowMs)
  const measure = detailOf(ctx, requireMeasure(ctx, id), epochMs(at))
  return buildBrief({ measure, at, nowMs }, options)
}

export const reportHandlers: Handlers<'report.build' | 'report.brief'> = {
  'report.build': (ctx, input) => inSnapshot(ctx.db, () => renderReport(reportStreamOf(ctx, input.options), input.format)),
  'report.brief': (ctx, input) => renderBrief(loadBrief(ctx, input.id, input.options), input.format),
}
