// Properties of the rate in effect (issue 10): over random lives with rate numbers, partial and
// whole suspensions, and rate steps under every suspension policy.
import fc from 'fast-check'
import { Temporal } from 'temporal-polyfill'
import { describe, expect, it } from 'vitest'
import { EVENT_KINDS, STEP_POLICIES } from '../../shared/domain.ts'
import type { EventKind, MeasureEvent, RateValue } from '../../shared/domain.ts'
import { statusAt, toTimedEvent, transitionsOf, type EngineBase, type TimedEvent } from './engine.ts'

const START = Date.parse('2025-01-01T00:00:00Z')
const END = Date.parse('2028-12-31T00:00:00Z')
const DAY = 86_400_000

function zoned(ms: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toString({ smallestUnit: 'second', calendarName: 'never' })
}

// Shared slots make events and suspension ends meet at the same instant often.
const instantArb = fc.oneof(
  fc.integer({ min: 0, max: 11 }).map((slot) => START + slot * 120 * DAY + 60_000),
  fc.integer({ min: START / 1000, max: END / 1000 }).map((s) => s * 1000),
)
const zoneArb = fc.constantFrom('America/New_York', 'Asia/Shanghai', 'UTC')
const unitArb = fc.constantFrom<RateValue[]>(
  [{ value: 0, unit: 'percent' }],
  [{ value: 0, unit: 'amount', currency: 'USD', per: 'net ton' }],
)
const valueArb = fc.oneof(fc.integer({ min: 0, max: 150 }), fc.double({ min: 0, max: 150, noNaN: true, noDefaultInfinity: true }))

interface Draft {
  kind: EventKind
  atMs: number
  zone: string
  untilMs: number | null
  rateValue: number | null
  rateText: string | null
  part: MeasureEvent['part']
  whenSuspended: MeasureEvent['whenSuspended']
  scheduled: boolean
}

const draftArb: fc.Arbitrary<Draft> = fc
  .record({
    kind: fc.constantFrom(...EVENT_KINDS),
    atMs: instantArb,
    zone: zoneArb,
    hasEnd: fc.boolean(),
    endDays: fc.integer({ min: 1, max: 700 }),
    rateValue: fc.option(valueArb, { nil: null }),
    rateText: fc.option(fc.constantFrom('x', 'y'), { nil: null }),
    part: fc.option(
      fc.record({
        rate: fc.option(fc.oneof(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0.01, max: 200, noNaN: true })), { nil: null }),
        scope: fc.option(fc.constant('some goods'), { nil: null }),
      }),
      { nil: null },
    ),
    whenSuspended: fc.option(fc.constantFrom(...STEP_POLICIES), { nil: null }),
    scheduled: fc.boolean(),
  })
  .map((d) => ({
    kind: d.kind,
    atMs: d.atMs,
    zone: d.zone,
    untilMs: (d.kind === 'suspended' && d.hasEnd) || d.kind === 'extended' ? d.atMs + d.endDays * DAY : null,
    rateValue: d.rateValue,
    rateText: d.rateText,
    part:
      (d.kind === 'suspended' || d.kind === 'extended') && d.part !== null && (d.part.rate !== null || d.part.scope !== null)
        ? d.part
        : null,
    whenSuspended: d.kind === 'rate_step' ? d.whenSuspended : null,
    scheduled: d.scheduled,
  }))

const lifeArb = fc
  .tuple(unitArb, fc.array(draftArb, { maxLength: 12 }), fc.option(valueArb, { nil: null }))
  .map(([[unit], drafts, baseValue]) => {
    const carries = (kind: EventKind) => kind === 'effective' || kind === 'amended' || kind === 'rate_step'
    const events: TimedEvent[] = drafts.map((d, i) =>
      toTimedEvent({
        id: `ev-${i}`,
        kind: d.kind,
        at: zoned(d.atMs, d.zone),
        until: d.untilMs === null ? null : zoned(d.untilMs, d.zone),
        scheduled: d.scheduled,
        rate: carries(d.kind) ? d.rateText : null,
        scope: null,
        rateValue: carries(d.kind) && d.rateValue !== null ? { ...(unit as RateValue), value: d.rateValue } : null,
        part: d.part,
        whenSuspended: d.whenSuspended,
      }),
    )
    const base: EngineBase = { rate: null, scope: '', rateValue: baseValue === null ? null : { ...(unit as RateValue), value: baseValue } }
    return { events, base }
  })

const timeArb = fc.oneof(
  fc.integer({ min: START - 30 * DAY, max: END + 900 * DAY }),
  instantArb,
  instantArb.map((ms) => ms - 1),
)

/** Every instant where anything can change: transitions and events. */
function changePoints(events: readonly TimedEvent[]): number[] {
  return [...new Set([...transitionsOf(events).map((t) => t.atMs), ...events.map((e) => e.atMs)])].sort((a, b) => a - b)
}

describe('rate in effect (properties)', () => {
  it('is never above the full rate, never negative, in its unit, and null exactly when the full rate has no number', () => {
    fc.assert(
      fc.property(lifeArb, timeArb, ({ events, base }, T) => {
        const state = statusAt(events, T, base)
        if (state.rateValue === null) {
          expect(state.rateInEffect).toBeNull()
          return
        }
        const inEffect = state.rateInEffect as RateValue
        expect(inEffect.value).toBeGreaterThanOrEqual(0)
        expect(inEffect.value).toBeLessThanOrEqual(state.rateValue.value)
        expect(inEffect.unit).toBe(state.rateValue.unit)
        expect(inEffect.currency).toBe(state.rateValue.currency)
      }),
      { numRuns: 600 },
    )
  })

  it('equals the full rate when in force (no suspension runs) and nothing is collected when wholly suspended, pending or terminated', () => {
    fc.assert(
      fc.property(lifeArb, timeArb, ({ events, base }, T) => {
        const state = statusAt(events, T, base)
        if (state.rateValue === null) return
        if (state.status === 'in_force') expect(state.rateInEffect).toEqual(state.rateValue)
        else if (state.status === 'partly_suspended') {
          const suspended = state.suspendedPart?.rate ?? 0
          expect(state.rateInEffect?.value).toBe(Math.max(0, state.rateValue.value - suspended))
        } else expect(state.rateInEffect?.value).toBe(0)
        expect(state.suspendedPart !== null).toBe(state.status === 'partly_suspended')
        expect(state.suspendedUntil === null || state.status === 'suspended' || state.status === 'partly_suspended').toBe(true)
      }),
      { numRuns: 600 },
    )
  })

  it('is constant between consecutive transitions (the whole answer is)', () => {
    fc.assert(
      fc.property(
        lifeArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 }),
        ({ events, base }, fractions) => {
          const points = changePoints(events)
          for (let i = 0; i < points.length; i++) {
            const from = points[i] as number
            const to = points[i + 1] ?? from + 3000 * DAY
            const expected = statusAt(events, from, base)
            expect(statusAt(events, to - 1, base)).toEqual(expected)
            for (const f of fractions) expect(statusAt(events, from + Math.floor(f * (to - from - 1)), base)).toEqual(expected)
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('does not depend on the order the events are given in, and events after T change nothing at T but next', () => {
    fc.assert(
      fc.property(lifeArb, timeArb, fc.integer({ min: 0, max: 1000 }), ({ events, base }, T, seed) => {
        const shuffled = events.slice().sort((a, b) => ((a.atMs * 31 + seed) % 97) - ((b.atMs * 31 + seed) % 97) || (a.id < b.id ? -1 : 1))
        const state = statusAt(events, T, base)
        expect(statusAt(shuffled, T, base)).toEqual(state)
        const { next: _a, ...withoutLater } = statusAt(
          events.filter((e) => e.atMs <= T),
          T,
          base,
        )
        const { next: _b, ...rest } = state
        expect(withoutLater).toEqual(rest)
      }),
      { numRuns: 500 },
    )
  })
})
