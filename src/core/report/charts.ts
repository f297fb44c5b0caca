// The report's charts (`charts: true`, `measure-tracker report --charts`): the timeline of the
// report's measures and the stacked rate of each direction, for its as-of instant, drawn by the
// same SVG code as the app (shared/charts) with the fixed print palette. The timeline is cut into
// pieces of a page each — an SVG is never split across pages, so one tall drawing would be cut off.
import { laneGroups } from '../../shared/charts/lane-groups.ts'
import { laneLayout, type LaneRow } from '../../shared/charts/lanes.ts'
import { rateSvg } from '../../shared/charts/rate-svg.ts'
import { svgString } from '../../shared/charts/svg.ts'
import { rateText, timelineText } from '../../shared/charts/texts.ts'
import { timelineSvg } from '../../shared/charts/timeline-svg.ts'
import type { Locale } from '../../shared/domain.ts'
import type { MeasureSummary } from '../../shared/api-views.ts'
import { translator } from '../../shared/i18n/translate.ts'
import { chartData } from '../charts/chart-data.ts'
import type { ChartMeasure } from '../charts/measure.ts'

export interface ReportCharts {
  /** The timeline, one SVG per printed page. */
  timeline: string[]
  /** One SVG per direction with an ad valorem rate. */
  rates: string[]
}

/** Lanes (and group headings) on one printed page of the timeline. */
export const LANES_PER_PAGE = 18
const WIDTH = 1000
const LABEL_WIDTH = 260

function pages(rows: readonly LaneRow[]): LaneRow[][] {
  const out: LaneRow[][] = []
  let page: LaneRow[] = []
  for (const row of rows) {
    // A group heading never ends a page.
    const full = page.length >= LANES_PER_PAGE || (row.type === 'group' && page.length >= LANES_PER_PAGE - 1)
    if (full && page.length > 0) {
      out.push(page)
      page = []
    }
    page.push(row)
  }
  if (page.length > 0) out.push(page)
  return out
}

export function buildReportCharts(
  measures: readonly ChartMeasure[],
  summaries: readonly Pick<MeasureSummary, 'id' | 'title' | 'imposer' | 'target' | 'category' | 'status'>[],
  report: { lang: Locale; zone: string; asOfMs: number; nowMs: number; title(id: string): string },
): ReportCharts {
  const t = translator(report.lang)
  const data = chartData(measures, { asOfMs: report.asOfMs, nowMs: report.nowMs })
  const text = { t, locale: report.lang, zone: report.zone, title: report.title }
  const lanes = new Map(data.lanes.map((lane) => [lane.id, lane]))
  const groups = laneGroups(summaries, 'direction', report.lang, { category: (k) => t(`category.${k}`), status: (k) => t(`status.${k}`) })
  const laneWords = timelineText(text)
  const timeline = pages(laneLayout(groups).rows).map((rows, index) => {
    const first = rows[0] as LaneRow
    const last = rows[rows.length - 1] as LaneRow
    return svgString(
      timelineSvg({
        lanes,
        rows,
        top: first.y,
        height: last.y + last.height - first.y,
        width: WIDTH,
        labelWidth: LABEL_WIDTH,
        view: data.range,
        nowMs: report.nowMs,
        asOfMs: report.asOfMs,
        locale: report.lang,
        text: laneWords,
        idPrefix: `timeline-${index}`,
        interactive: false,
      }),
    )
  })
  const rates = data.series.map((series, index) =>
    svgString(
      rateSvg({
        series,
        view: data.range,
        width: WIDTH,
        plotHeight: 240,
        nowMs: report.nowMs,
        asOfMs: report.asOfMs,
        locale: report.lang,
        text: rateText(text, series),
        idPrefix: `rates-${index}`,
      }),
    ),
  )
  return { timeline, rates }
}
