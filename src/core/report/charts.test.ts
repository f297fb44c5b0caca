// The report with `charts`: the timeline of its measures (a page of lanes per drawing) and the
// stacked rate per direction, as SVG in the HTML — and nothing of them without the option.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { reportOptionsSchema, type ReportOptions } from '../../shared/api-inputs.ts'
import { loadReport } from '../service/report.ts'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import { cli } from '../../../test/helpers/run-cli.ts'
import { renderHtml } from './html.ts'
import { LANES_PER_PAGE } from './charts.ts'
import type { ReportModel } from './model-types.ts'

const AT = '2026-12-01T00:00:00-05:00[America/New_York]'
let temp: TempStore
beforeEach(async () => {
  temp = await openTempStore({ nowMs: () => Date.parse('2026-12-04T12:00:00Z') })
})
afterEach(() => temp.cleanup())

const report = (options: Partial<ReportOptions>): ReportModel =>
  loadReport(temp.store.core.context, reportOptionsSchema.parse({ at: AT, ...options }))

describe('report charts', () => {
  it('draws every measure’s lane, a page of lanes per drawing, and one rate chart per direction with a percentage rate', () => {
    const model = report({ charts: true })
    const charts = model.charts!
    // 26 measures and 2 direction headings: 28 rows, 18 a page.
    expect(charts.timeline).toHaveLength(Math.ceil(28 / LANES_PER_PAGE))
    const lanes = charts.timeline.join('').match(/data-lane-row="/g)
    expect(lanes).toHaveLength(26)
    expect(charts.rates).toHaveLength(2)
    const html = renderHtml(model)
    expect(html).toContain('<h2>Timeline of measures</h2>')
    expect(html).toContain('Additional ad valorem rate in effect, United States → China')
    expect(html).toContain('Nominal additional rates on goods covered by every stacked measure — not a trade-weighted average.')
    // Titles as the report's tables give them, and the as-of line of 1 Dec 2026.
    expect(html).toContain(model.measures.find((m) => m.id === 'us-ieepa-reciprocal-tariff')!.title)
    expect(html).toContain('class="as-of-line"')
    // Nothing loads: the drawing is inline, its patterns are local references.
    const section = html.slice(
      html.indexOf('<section class="charts">'),
      html.indexOf('</section>', html.indexOf('<section class="charts">')),
    )
    expect(section).toContain('fill="url(#timeline-0-dense)"')
    expect(section).not.toMatch(/(href|src)=/)
  })

  it('leaves the charts out unless asked', () => {
    const model = report({})
    expect(model.charts).toBeUndefined()
    expect(renderHtml(model)).not.toContain('<svg')
  })

  it('comes from the command line with --charts', async () => {
    const run = await cli('--db', temp.path, '--tz', 'UTC', 'report', '--charts', '--at', '2026-12-01')
    expect(run.code).toBe(0)
    expect(run.out).toContain('class="timeline-chart"')
    expect(run.out).toContain('class="rate-chart"')
    const brief = await cli('--db', temp.path, 'report', '--measure', 'us-ieepa-reciprocal-tariff', '--charts')
    expect(brief.code).not.toBe(0)
    expect(brief.err).toContain("--charts applies to the status report, not to a measure's brief")
  })
})
