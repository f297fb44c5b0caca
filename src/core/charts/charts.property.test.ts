// Properties of the charts' data over random lives: segments tile the range with the engine's
// status at every instant, and the stack at any instant is the sum of the engine's rates in effect.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { EventKind, RateValue } from '../../shared/domain.ts'
import { stepAt } from '../../shared/charts/stack.ts'
import { rateInEffectAlong, statesAlong, statusAt, type TimedEvent } from '../status/engine.ts'
import type { ChartMeasure } from './measure.ts'
import { isAdValorem, rateLayer, rateSeries } from './rate-series.ts'
import { statusSegments } from './segments.ts'

const START = Date.parse('2025-01-01T00:00:00Z')
const DAY = 86_400_000
const RANGE = { fromMs: START - 30 * DAY, toMs: START + 800 * DAY }
const KINDS: EventKind[] = ['announced', 'effective', 'amended', 'rate_step', 'suspended', 'extended', 'resumed', 'terminated', 'review']

// Instants on a coarse grid so events and suspension ends often coincide; the engine never parses `at`.
const instantArb = fc.integer({ min: -40, max: 820 }).map((day) => START + day * DAY)
const percentArb = fc.option(
  fc.integer({ min: 0, max: 60 }).map((value): RateValue => ({ value, unit: 'percent' })),
  { nil: null },
)

const eventArb = (unit: 'percent' | 'amount') =>
  fc
    .record({
      kind: fc.constantFrom(...KINDS),
      atMs: instantArb,
      untilDays: fc.option(fc.integer({ min: -5, max: 400 }), { nil: null }),
      rateValue: percentArb,
      partRate: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
      scheduled: fc.boolean(),
      whenSuspended: fc.constantFrom('apply' as const, 'defer' as const, 'skip' as const),
    })
    .map((d): TimedEvent => {
      const suspension = d.kind === 'suspended' || d.kind === 'extended'
      const untilMs = suspension && (d.untilDays !== null || d.kind === 'extended') ? d.atMs + (d.untilDays ?? 90) * DAY : null
      const rated = d.kind === 'effective' || d.kind === 'amended' || d.kind === 'rate_step'
      const rateValue = rated && d.rateValue !== null ? (unit === 'amount' ? { ...d.rateValue, unit, currency: 'USD' } : d.rateValue) : null
      return {
        id: 'e',
        kind: d.kind,
        at: new Date(d.atMs).toISOString(),
        atMs: d.atMs,
        until: untilMs === null ? null : new Date(untilMs).toISOString(),
        untilMs,
        scheduled: d.scheduled,
        rate: null,
        scope: null,
        rateValue: d.kind === 'rate_step' && rateValue === null ? { value: 5, unit: 'percent' } : rateValue,
        part: suspension && d.partRate !== null ? { rate: d.partRate, scope: null } : null,
        whenSuspended: d.kind === 'rate_step' ? d.whenSuspended : null,
      }
    })

const measureArb = (id: string): fc.Arbitrary<ChartMeasure> =>
  fc
    .record({
      events: fc.array(eventArb('percent'), { maxLength: 10 }),
      base: percentArb,
      target: fc.constantFrom('CN', 'US'),
    })
    .map(({ events, base, target }) => ({
      id,
      imposer: 'US',
      target,
      events: events.map((e, i) => ({ ...e, id: `${id}-${i}` })),
      base: { rate: null, scope: '', rateValue: base },
    }))

const measuresArb = fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => measureArb(`m${i}`))))
const instantInRange = fc.integer({ min: RANGE.fromMs, max: RANGE.toMs - 1 })

describe('status segments', () => {
  it('tile the range without gaps or overlaps, and read the engine’s status at every instant', () => {
    fc.assert(
      fc.property(measureArb('m'), fc.array(instantInRange, { maxLength: 20 }), (measure, instants) => {
        const segments = statusSegments(measure, RANGE)
        expect(segments[0]!.fromMs).toBe(RANGE.fromMs)
        expect(segments.at(-1)!.toMs).toBe(RANGE.toMs)
        for (let i = 0; i < segments.length; i++) {
          expect(segments[i]!.fromMs).toBeLessThan(segments[i]!.toMs)
          if (i > 0) {
            expect(segments[i]!.fromMs).toBe(segments[i - 1]!.toMs)
            expect(segments[i]!.status).not.toBe(segments[i - 1]!.status)
          }
        }
        for (const t of [...instants, ...segments.flatMap((s) => [s.fromMs, s.toMs - 1])]) {
          const segment = segments.find((s) => s.fromMs <= t && t < s.toMs)
          expect(segment?.status).toBe(statusAt(measure.events, t, measure.base).status)
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('rate series', () => {
  it('the stack at any instant equals the sum of the engine’s rates in effect of the direction’s ad valorem measures', () => {
    fc.assert(
      fc.property(measuresArb, fc.array(instantInRange, { minLength: 1, maxLength: 20 }), (measures, instants) => {
        const series = rateSeries(measures, RANGE, RANGE.fromMs)
        for (const s of series) {
          const own = measures.filter((m) => m.target === s.target && isAdValorem(m))
          expect(s.layers.map((l) => l.id)).toEqual(own.map((m) => m.id))
          const layerInstants = s.layers.flatMap((l) => l.steps.map((step) => step.atMs))
          for (const t of [...instants, ...layerInstants, ...layerInstants.map((x) => x - 1).filter((x) => x >= RANGE.fromMs)]) {
            const expected = own.reduce((sum, m) => sum + (statusAt(m.events, t, m.base).rateInEffect?.value ?? 0), 0)
            expect(stepAt(s.points, t)?.total ?? 0).toBeCloseTo(expected, 9)
          }
        }
        // Every direction with an ad valorem measure has a series.
        const directions = new Set(measures.filter(isAdValorem).map((m) => m.target))
        expect(new Set(series.map((s) => s.target))).toEqual(directions)
      }),
      { numRuns: 300 },
    )
  })

  it('never stacks a measure whose rate is an amount: it is listed apart', () => {
    fc.assert(
      fc.property(fc.array(eventArb('amount'), { minLength: 1, maxLength: 8 }), (events) => {
        const fee: ChartMeasure = {
          id: 'fee',
          imposer: 'US',
          target: 'CN',
          events,
          base: { rate: null, scope: '', rateValue: { value: 50, unit: 'amount', currency: 'USD' } },
        }
        const tariff: ChartMeasure = {
          id: 'tariff',
          imposer: 'US',
          target: 'CN',
          events: [],
          base: { rate: '10%', scope: '', rateValue: { value: 10, unit: 'percent' } },
        }
        const [series] = rateSeries([fee, tariff], RANGE, RANGE.fromMs)
        expect(series!.layers.map((l) => l.id)).toEqual(['tariff'])
        expect(series!.unsummed.map((u) => u.id)).toEqual(['fee'])
      }),
    )
  })
})

describe('statesAlong (the engine read off at many instants in one fold)', () => {
  it('equals statusAt’s status and rate in effect at every instant', () => {
    fc.assert(
      fc.property(measureArb('m'), fc.array(instantInRange, { maxLength: 30 }), (measure, instants) => {
        const sorted = [...instants, ...measure.events.flatMap((e) => [e.atMs, e.atMs - 1, e.untilMs ?? e.atMs])].sort((a, b) => a - b)
        const states = statesAlong(measure.events, sorted, measure.base)
        sorted.forEach((t, i) => {
          const expected = statusAt(measure.events, t, measure.base)
          expect(states[i]).toEqual({ status: expected.status, rateInEffect: expected.rateInEffect })
        })
      }),
      { numRuns: 500 },
    )
  })
})

describe('rateInEffectAlong (the rate in effect read off at each instant it can change)', () => {
  it('reads statusAt’s rate in effect at each reading, and the rate stays so until the next one', () => {
    fc.assert(
      fc.property(measureArb('m'), fc.array(instantInRange, { maxLength: 30 }), (measure, instants) => {
        const readings: { atMs: number; value: number | null }[] = []
        rateInEffectAlong(measure.events, measure.base, RANGE.fromMs, RANGE.toMs, (atMs, value) => readings.push({ atMs, value }))
        expect(readings[0]!.atMs).toBe(RANGE.fromMs)
        const rateAt = (t: number) => statusAt(measure.events, t, measure.base).rateInEffect?.value ?? null
        readings.forEach((reading, i) => {
          if (i > 0) expect(reading.atMs).toBeGreaterThan(readings[i - 1]!.atMs)
          expect(reading.atMs).toBeLessThan(RANGE.toMs)
          expect(reading.value).toBe(rateAt(reading.atMs))
        })
        // Between readings nothing changes: any instant reads the latest reading at or before it.
        const layer = rateLayer(measure, RANGE)
        for (const t of [...instants, ...readings.map((r) => r.atMs - 1).filter((t) => t >= RANGE.fromMs)]) {
          const latest = readings.filter((r) => r.atMs <= t).at(-1)!
          expect(latest.value).toBe(rateAt(t))
          expect(layer.steps.filter((step) => step.atMs <= t).at(-1)!.value).toBe(rateAt(t))
        }
      }),
      { numRuns: 500 },
    )
  })
})
