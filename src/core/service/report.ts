// `report.build`: the status report at an instant, in one format (core/report renders it).
import type { ReportOptions } from '../../shared/api-inputs.ts'
import { epochMs } from '../../shared/time.ts'
import { buildReport, reportAt } from '../report/model.ts'
import type { ReportModel } from '../report/model-types.ts'
import { readReportDetails } from '../report/read.ts'
import { renderReport } from '../report/render.ts'
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

export const reportHandlers: Handlers<'report.build'> = {
  'report.build': (ctx, input) => renderReport(loadReport(ctx, input.options), input.format),
}
