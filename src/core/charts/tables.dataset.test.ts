// The charts' alternatives over the embedded dataset: the rate series as CSV and the timeline as a
// list — each must say what the picture shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import { laneEntries } from '../../shared/charts/lane-table.ts'
import type { ChartData } from '../../shared/charts/model.ts'
import { rateCsv } from '../../shared/charts/rate-csv.ts'
import { chartData } from './chart-data.ts'
import { readChartMeasures } from './read.ts'

let temp: TempStore
let data: ChartData
const AS_OF = Date.parse('2026-12-01T00:00:00Z')

beforeAll(async () => {
  temp = await openTempStore({ seed: true, nowMs: () => AS_OF })
  data = chartData(readChartMeasures(temp.store.core.context.db), { asOfMs: AS_OF, nowMs: AS_OF })
})
afterAll(() => temp.cleanup())

describe('rate series CSV', () => {
  it('has a row from each change on with the total and every stacked measure’s rate then', () => {
    const series = data.series.find((s) => s.imposer === 'US')!
    const [header, ...rows] = rateCsv(series, { from: 'from (UTC)', total: 'total, %' })
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\n')
    expect(header).toBe(`from (UTC),"total, %",${series.layers.map((l) => l.id).join(',')}`)
    const ids = series.layers.map((l) => l.id)
    const row = rows.find((r) => r.startsWith('2025-11-10T05:01:00.000Z'))!.split(',')
    // 00:01 EST 10 Nov 2025: fentanyl amended 20 → 10; reciprocal 34 with 24 suspended; the others not yet in force.
    expect(row[1]).toBe('20')
    expect(row[2 + ids.indexOf('us-ieepa-fentanyl-tariff')]).toBe('10')
    expect(row[2 + ids.indexOf('us-ieepa-reciprocal-tariff')]).toBe('10')
    expect(row[2 + ids.indexOf('us-section-122-tariff')]).toBe('0')
  })
})

describe('timeline as a list', () => {
  it('lists a lane’s transitions in order with the status each starts, and the lapse that needs review last', () => {
    const lane = data.lanes.find((l) => l.id === 'us-bis-affiliates-rule')!
    expect(laneEntries(lane).map((e) => [e.kind, e.at, e.status, e.lapsed])).toEqual([
      ['effective', '2025-09-29T00:00:00-04:00[America/New_York]', 'in_force', false],
      ['suspended', '2025-11-10T00:01:00-05:00[America/New_York]', 'suspended', false],
      ['suspension_end', '2026-11-10T00:01:00-05:00[America/New_York]', 'in_force', false],
      ['suspension_end', '2026-11-10T00:01:00-05:00[America/New_York]', null, true],
    ])
  })
})
