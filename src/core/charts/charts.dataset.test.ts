// Both charts' data for the embedded US–China dataset at instants checked by hand against
// resources/datasets/us-cn-truce-2025.json (each expectation cites the events it follows from).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import { stackAt } from '../../shared/charts/stack.ts'
import type { ChartData, RateSeries } from '../../shared/charts/model.ts'
import { chartData } from './chart-data.ts'
import type { ChartMeasure } from './measure.ts'
import { readChartMeasures } from './read.ts'

let temp: TempStore
let measures: ChartMeasure[]
let data: ChartData
const AS_OF = Date.parse('2026-12-01T00:00:00Z')

beforeAll(async () => {
  temp = await openTempStore({ seed: true, nowMs: () => AS_OF })
  measures = readChartMeasures(temp.store.core.context.db)
  data = chartData(measures, { asOfMs: AS_OF, nowMs: AS_OF })
})
afterAll(() => temp.cleanup())

const series = (imposer: string, target: string): RateSeries => {
  const found = data.series.find((s) => s.imposer === imposer && s.target === target)
  if (!found) throw new Error(`no series ${imposer}→${target}`)
  return found
}
const nonZero = (s: RateSeries, iso: string) => stackAt(s, Date.parse(iso)).filter((c) => c.value !== 0 && c.value !== null)
const totalAt = (s: RateSeries, iso: string) => {
  const t = Date.parse(iso)
  return s.points.filter((p) => p.atMs <= t).at(-1)?.total
}

describe('timeline lanes of the embedded dataset', () => {
  it('has one lane per live measure, every one starting at the range start and ending at its end', () => {
    expect(data.lanes.map((l) => l.id).sort()).toEqual(measures.map((m) => m.id).sort())
    expect(data.lanes).toHaveLength(26)
    for (const lane of data.lanes) {
      expect(lane.segments[0]!.fromMs).toBe(data.range.fromMs)
      expect(lane.segments.at(-1)!.toMs).toBe(data.range.toMs)
    }
  })

  it('spans from a month before the first event (fentanyl list effective 2024-12-03 CST) to a month after the last (the 2028 commitment, due 1 Jan 2029 CST)', () => {
    expect(new Date(data.range.fromMs).toISOString()).toBe('2024-11-02T16:00:00.000Z')
    expect(new Date(data.range.toMs).toISOString()).toBe('2029-01-30T16:00:00.000Z')
  })

  it('reads the reciprocal tariff as pending, in force 9 Apr 2025 00:01 EDT, partly suspended 14 May 2025 00:01 EDT (extensions keep it), terminated 24 Feb 2026', () => {
    const lane = data.lanes.find((l) => l.id === 'us-ieepa-reciprocal-tariff')!
    expect(lane.segments.map((s) => [s.status, s.from])).toEqual([
      ['pending', null],
      ['in_force', '2025-04-09T00:01:00-04:00[America/New_York]'],
      ['partly_suspended', '2025-05-14T00:01:00-04:00[America/New_York]'],
      ['terminated', '2026-02-24T00:00:00-05:00[America/New_York]'],
    ])
    // Termination ends the running suspension, so its end (10 Nov 2026) is no transition.
    expect(lane.markers.map((m) => m.kind)).toEqual(['announced', 'effective', 'suspended', 'extended', 'extended', 'terminated'])
    expect(lane.lapsed).toBeNull()
  })

  it('marks the affiliates rule as lapsed: its suspension ended 10 Nov 2026 00:01 EST and nothing was recorded', () => {
    const lane = data.lanes.find((l) => l.id === 'us-bis-affiliates-rule')!
    expect(lane.lapsed).toMatchObject({ kind: 'suspension_end', at: '2026-11-10T00:01:00-05:00[America/New_York]' })
    expect(lane.segments.map((s) => s.status)).toEqual(['pending', 'in_force', 'suspended', 'in_force'])
  })
})

describe('rate series of the embedded dataset', () => {
  it('stacks US→CN and CN→US (the only directions with percentage rates)', () => {
    expect(data.series.map((s) => `${s.imposer}→${s.target}`).sort()).toEqual(['CN→US', 'US→CN'])
    expect(
      series('US', 'CN')
        .layers.map((l) => l.id)
        .sort(),
    ).toEqual(['us-ieepa-fentanyl-tariff', 'us-ieepa-reciprocal-tariff', 'us-section-122-tariff', 'us-ustr-301-semiconductors'])
  })

  it('US→CN at 2025-11-10T05:02Z (00:02 EST): fentanyl 10% (amended 20→10 at 00:01 EST) + reciprocal 10% (34 with 24 points suspended) = 20%', () => {
    const s = series('US', 'CN')
    expect(nonZero(s, '2025-11-10T05:02:00Z')).toEqual([
      { id: 'us-ieepa-fentanyl-tariff', value: 10 },
      { id: 'us-ieepa-reciprocal-tariff', value: 10 },
    ])
    expect(totalAt(s, '2025-11-10T05:02:00Z')).toBe(20)
    // One minute before the amendment: fentanyl still 20%.
    expect(totalAt(s, '2025-11-10T05:00:00Z')).toBe(30)
  })

  it('US→CN at 2025-04-10T00:00Z: fentanyl 20% (since 4 Mar) + reciprocal 34% in full (effective 9 Apr, suspension from 14 May) = 54%', () => {
    expect(totalAt(series('US', 'CN'), '2025-04-10T00:00:00Z')).toBe(54)
  })

  it('US→CN at 2026-03-01: fentanyl and reciprocal terminated 24 Feb; Section 122 10% since 24 Feb 00:01 EST; 301 semiconductors 0% = 10%', () => {
    const s = series('US', 'CN')
    expect(nonZero(s, '2026-03-01T00:00:00Z')).toEqual([{ id: 'us-section-122-tariff', value: 10 }])
    expect(totalAt(s, '2026-03-01T00:00:00Z')).toBe(10)
    // Section 122 sunsets 24 Jul 2026 00:01 EDT: nothing stacked after.
    expect(totalAt(s, '2026-08-01T00:00:00Z')).toBe(0)
  })

  it('CN→US at 2025-11-10T05:02Z: the counter-tariff 34% with 24 points suspended = 10%; fees and unnumbered tariffs listed apart', () => {
    const s = series('CN', 'US')
    expect(nonZero(s, '2025-11-10T05:02:00Z')).toEqual([{ id: 'cn-counter-tariff-24', value: 10 }])
    const unsummed = new Map(s.unsummed.map((u) => [u.id, u]))
    expect(unsummed.get('cn-mot-special-port-fees')?.rate).toMatchObject({ unit: 'amount', currency: 'CNY' })
    expect(unsummed.get('cn-farm-tariffs-2025')).toMatchObject({ rate: null, rateText: '10–15%' })
    expect(unsummed.has('cn-counter-tariff-24')).toBe(false)
  })
})
