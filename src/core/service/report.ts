// `report.build`: the status report at an instant, in one format (core/report renders it);
// `report.brief`: one measure's one-page brief the same way.
import type { BriefOptions, ReportOptions } from '../../shared/api-inputs.ts'
import { epochMs } from '../../shared/time.ts'
import { buildReport, reportAt } from '../report/model.ts'
import { measureIndex, type ReportModel } from '../report/model-types.ts'
import { buildReportCharts } from '../report/charts.ts'
import { readChartMeasures } from '../charts/read.ts'
import type { MeasureSummary } from '../../shared/api-views.ts'
import { readReportDetails } from '../report/read.ts'
import { renderBrief, renderReport } from '../report/render.ts'
import { buildBrief, type BriefModel } from '../report/brief-model.ts'
import { detailOf, requireMeasure } from './detail.ts'
import { listSummaries } from '../store/summaries.ts'
import type { Handlers, ServiceContext } from './context.ts'

/** The report's model from the store: the filtered measures, every live one (for counter-measures), their details. */
export function loadReport(ctx: ServiceContext, options: ReportOptions): ReportModel {
  const nowMs = ctx.nowMs()
  const at = reportAt(options, nowMs)
  const atMs = epochMs(at)
  const allSummaries = listSummaries(ctx.db, { atMs, filter: {}, includeDeleted: false })
  const filtered = Object.values(options.filter).some((value) => value !== undefined)
  const summaries = filtered ? listSummaries(ctx.db, { atMs, filter: options.filter, includeDeleted: false }) : allSummaries
  const model = buildReport({ summaries, allSummaries, details: readReportDetails(ctx.db), at, nowMs }, options)
  if (options.charts) model.charts = reportChartsOf(ctx, model, summaries, atMs, nowMs)
  return model
}

/** The report's charts: its filtered measures, titled as its tables title them. */
function reportChartsOf(ctx: ServiceContext, model: ReportModel, summaries: readonly MeasureSummary[], asOfMs: number, nowMs: number) {
  const titles = measureIndex(model)
  const measures = readChartMeasures(ctx.db, new Set(summaries.map((s) => s.id)))
  return buildReportCharts(measures, summaries, {
    lang: model.lang,
    zone: model.zone,
    asOfMs,
    nowMs,
    title: (id) => titles.get(id)?.title ?? id,
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
  'report.build': (ctx, input) => renderReport(loadReport(ctx, input.options), input.format),
  'report.brief': (ctx, input) => renderBrief(loadBrief(ctx, input.id, input.options), input.format),
}
