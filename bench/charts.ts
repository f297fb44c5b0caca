// Chart figures over the 10,000 measures of the bench store (bench/generate.ts), computed in Node
// exactly as charts.data computes them (core/charts):
//
// - rate_series_10k_ms: the stacked rate series of every direction (core/charts/rate-series.ts:
//   one engine reading per measure and transition, then a sweep). The generated measures give
//   their rates as text ("25%"); here each also carries the number its text says (base i % 50 + 5,
//   amended to 25 and 30), so every measure is stacked rather than listed apart. Median of 7.
// - timeline_data_10k_ms: every measure's lane (status segments, markers, lapse). Median of 7.
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chartData, chartRange } from '../src/core/charts/chart-data.ts'
import type { ChartMeasure } from '../src/core/charts/measure.ts'
import { rateSeries } from '../src/core/charts/rate-series.ts'
import { timelineLane } from '../src/core/charts/segments.ts'
import { toTimedEvent } from '../src/core/status/engine.ts'
import type { RateValue } from '../src/shared/domain.ts'
import { generateExchangeFile } from './generate.ts'
import { median, settleHeap, timeMany } from './measure.ts'

export const CHART_MEASURE_COUNT = 10_000
const RUNS = 7

const percent = (text: string | undefined): RateValue | null => {
  const match = /^(\d+(?:\.\d+)?)%$/.exec(text ?? '')
  return match ? { value: Number(match[1]), unit: 'percent' } : null
}

/** The generated store's measures as the charts read them, rate numbers as their texts say. */
export function benchChartMeasures(count = CHART_MEASURE_COUNT): ChartMeasure[] {
  return generateExchangeFile(count).measures.map((m) => ({
    id: m.id,
    imposer: m.imposer,
    target: m.target,
    base: { rate: m.rate ?? null, scope: '', rateValue: percent(m.rate ?? undefined) },
    events: (m.events ?? []).map((e) =>
      toTimedEvent({
        id: e.id,
        kind: e.kind,
        at: e.at,
        until: 'until' in e ? (e.until ?? null) : null,
        scheduled: 'scheduled' in e ? (e.scheduled ?? false) : false,
        rate: 'rate' in e ? (e.rate ?? null) : null,
        scope: null,
        rateValue: percent('rate' in e ? (e.rate ?? undefined) : undefined),
      }),
    ),
  }))
}

export async function chartFigures(): Promise<{ rate_series_10k_ms: number; timeline_data_10k_ms: number }> {
  const measures = benchChartMeasures()
  const asOfMs = Date.parse('2026-12-01T00:00:00Z')
  const range = chartRange(measures, asOfMs, asOfMs)
  // One warm-up of each: the first run pays for compiling the engine's code.
  chartData(measures, { asOfMs, nowMs: asOfMs, range })
  settleHeap()
  const series = await timeMany(RUNS, () => rateSeries(measures, range, asOfMs))
  settleHeap()
  const lanes = await timeMany(RUNS, () => measures.map((m) => timelineLane(m, range, asOfMs)))
  return { rate_series_10k_ms: median(series), timeline_data_10k_ms: median(lanes) }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(await chartFigures())}\n`)
}
