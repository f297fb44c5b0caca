// `report.build`: the status report at an instant, in one format (core/report renders it);
// `report.brief`: one measure's one-page brief the same way.
import type { BriefOptions, ReportOptions } from '../../shared/api-inputs.ts'
import { epochMs } from '../../shared/time.ts'
import { buildReport, reportAt } from '../report/model.ts'
import type { ReportModel } from '../report/model-types.ts'
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
  return buildReport({ summaries, allSummaries, details: readReportDetails(ctx.db), at, nowMs }, options)
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
