// The report's charts section in HTML: the SVG drawings (already escaped markup from
// shared/charts/svg.ts) with the print palette, each kept on one page and scaled to its width.
import { printChartCss } from '../../shared/charts/style.ts'
import type { Translate } from '../../shared/i18n/translate.ts'
import { escapeHtml as h } from './escape.ts'
import type { ReportCharts } from './charts.ts'

export const CHARTS_CSS = `.charts .chart{break-inside:avoid;page-break-inside:avoid;margin:0 0 4mm}.charts .chart svg{width:100%;height:auto}${printChartCss()}`

export function chartsSection(charts: ReportCharts | null | undefined, t: Translate): string {
  if (!charts) return ''
  const figure = (svg: string) => `<div class="chart">${svg}</div>`
  return `<section class="charts">
<style>${CHARTS_CSS}</style>
<h2>${h(t('charts.timelineTitle'))}</h2>
<p class="muted">${h(t('charts.axisUtc'))}</p>
${charts.timeline.map(figure).join('\n')}
<h2>${h(t('timeline.rates.heading'))}</h2>
${charts.rates.length === 0 ? `<p class="empty">${h(t('timeline.rates.none'))}</p>` : charts.rates.map(figure).join('\n')}
</section>`
}
