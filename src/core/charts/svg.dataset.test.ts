// The one drawing of both charts over the embedded dataset, as the report and "Save as SVG" get it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import { laneLayout } from '../../shared/charts/lanes.ts'
import type { ChartData } from '../../shared/charts/model.ts'
import { rateSvg } from '../../shared/charts/rate-svg.ts'
import { svgDocument } from '../../shared/charts/svg.ts'
import { rateText, timelineText } from '../../shared/charts/texts.ts'
import { timelineSvg } from '../../shared/charts/timeline-svg.ts'
import { translator } from '../../shared/i18n/translate.ts'
import { chartData } from './chart-data.ts'
import { readChartMeasures } from './read.ts'

let temp: TempStore
let data: ChartData
const AS_OF = Date.parse('2026-12-01T00:00:00Z')
const NOW = Date.parse('2026-12-04T00:00:00Z')
const options = { t: translator('en'), locale: 'en' as const, zone: 'America/New_York', title: (id: string) => `Title of ${id}` }

beforeAll(async () => {
  temp = await openTempStore({ seed: true, nowMs: () => NOW })
  data = chartData(readChartMeasures(temp.store.core.context.db), { asOfMs: AS_OF, nowMs: NOW })
})
afterAll(() => temp.cleanup())

describe('timeline drawing', () => {
  it('draws a lane per measure, the now and as-of lines, the lapsed markers and a legend, with plain tooltips', () => {
    const layout = laneLayout([{ key: 'all', label: '', ids: data.lanes.map((l) => l.id) }])
    const svg = svgDocument(
      timelineSvg({
        lanes: new Map(data.lanes.map((l) => [l.id, l])),
        rows: layout.rows,
        top: 0,
        height: layout.height,
        width: 1000,
        labelWidth: 220,
        view: data.range,
        nowMs: NOW,
        asOfMs: AS_OF,
        locale: 'en',
        text: timelineText(options),
        idPrefix: 't',
        interactive: false,
      }),
    )
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg.match(/data-lane-row="/g)).toHaveLength(26)
    expect(svg).toContain('class="now-line"')
    expect(svg).toContain('class="as-of-line"')
    // Lapsed at 1 Dec 2026: the truce suspensions that ended on 10 and 11 Nov 2026 with nothing recorded.
    expect(svg).toContain('Title of us-bis-affiliates-rule — needs review: Suspension ends Nov 10, 2026, 00:01 EST, outcome not recorded')
    expect(svg).toContain('Title of us-ieepa-reciprocal-tariff — Partly suspended: May 14, 2025, 00:01 EDT – Feb 24, 2026, 00:00 EST')
    for (const label of ['Pending', 'In force', 'Partly suspended', 'Suspended', 'Terminated', 'Passed, outcome not recorded'])
      expect(svg).toContain(`>${label}<`)
  })
})

describe('rate drawing', () => {
  it('names the direction, explains what it is, lists the stacked measures and the ones not summed', () => {
    const series = data.series.find((s) => s.imposer === 'US')!
    const svg = svgDocument(
      rateSvg({
        series,
        view: data.range,
        width: 900,
        plotHeight: 220,
        nowMs: NOW,
        asOfMs: AS_OF,
        locale: 'en',
        text: rateText(options, series),
        idPrefix: 'r',
      }),
    )
    expect(svg).toContain('Additional ad valorem rate in effect, United States → China')
    expect(svg).toContain('Nominal additional rates on goods covered by every stacked measure — not a trade-weighted average.')
    expect(svg).toContain('>Title of us-ieepa-reciprocal-tariff<')
    // The 0% Section 301 semiconductor tariff never adds a band.
    expect(svg).not.toContain('>Title of us-ustr-301-semiconductors<')
    // As of 1 Dec 2026 the port fee's suspension has lapsed and its April 2026 step applies.
    expect(svg).toContain('>Title of us-ustr-301-ships: USD 80 / net ton<')
    expect(svg).toContain('>Title of us-threatened-100pct-tariff-2025-11: 100%<')
    // The peak, 54% (fentanyl 20 + reciprocal 34 in April 2025), fits under the top tick.
    expect(svg).toContain('>50%<')
  })
})
