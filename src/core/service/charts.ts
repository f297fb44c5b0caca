// `charts.data`: the timeline's lanes and the stacked rate series for the measures matching the
// board's filter at an instant, with what the view needs to label and group them.
import type { ListFilter } from '../../shared/api-inputs.ts'
import type { ChartView } from '../../shared/charts/model.ts'
import { epochMs } from '../../shared/time.ts'
import { chartData } from '../charts/chart-data.ts'
import { readChartMeasures } from '../charts/read.ts'
import { listSummaries } from '../store/summaries.ts'
import type { Handlers, ServiceContext } from './context.ts'

export function loadCharts(ctx: ServiceContext, input: { at?: string | undefined; filter: ListFilter }): ChartView {
  const nowMs = ctx.nowMs()
  const asOfMs = input.at === undefined ? nowMs : epochMs(input.at)
  const summaries = listSummaries(ctx.db, { atMs: asOfMs, filter: input.filter, includeDeleted: false })
  const measures = readChartMeasures(ctx.db, new Set(summaries.map((s) => s.id)))
  return {
    ...chartData(measures, { asOfMs, nowMs }),
    nowMs,
    measures: summaries.map((s) => ({
      id: s.id,
      title: s.title,
      shortName: s.shortName,
      imposer: s.imposer,
      target: s.target,
      category: s.category,
      status: s.status,
      needsReview: s.needsReview,
    })),
  }
}

export const chartHandlers: Handlers<'charts.data'> = {
  'charts.data': (ctx, input) => loadCharts(ctx, input),
}
