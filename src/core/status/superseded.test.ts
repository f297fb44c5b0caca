// src/shared/superseded.ts against the status engine: an end it calls superseded is never a
// transition of the measure's life, and the measure is still suspended at that instant.
import fc from 'fast-check'
import { Temporal } from 'temporal-polyfill'
import { describe, expect, it } from 'vitest'
import type { EventKind } from '../../shared/domain.ts'
import { supersededEnds } from '../../shared/superseded.ts'
import { statusAt, toTimedEvent, transitionsOf } from './engine.ts'

const NY = (wall: string, offset = '-05:00') => `${wall}${offset}[America/New_York]`
const e = (id: string, kind: EventKind, at: string, until: string | null = null) => ({
  id,
  kind,
  at,
  until,
  scheduled: false,
  rate: null,
  scope: null,
})

describe('supersededEnds', () => {
  it('names the end an extension moved, at the end or before it, and not one that had already lapsed', () => {
    const events = [
      e('eff', 'effective', NY('2025-04-09T00:01:00', '-04:00')),
      e('s', 'suspended', NY('2025-05-14T00:01:00', '-04:00'), NY('2025-08-12T00:01:00', '-04:00')),
      e('x1', 'extended', NY('2025-08-11T00:00:00', '-04:00'), NY('2025-11-10T00:01:00')),
      e('x2', 'extended', NY('2025-11-10T00:01:00'), NY('2026-11-10T00:01:00')),
      e('late', 'extended', NY('2026-12-01T00:00:00'), NY('2027-11-10T00:01:00')),
    ]
    expect(supersededEnds(events).map((s) => [s.eventId, s.until, s.byEventId, s.newUntil])).toEqual([
      ['s', NY('2025-08-12T00:01:00', '-04:00'), 'x1', NY('2025-11-10T00:01:00')],
      ['x1', NY('2025-11-10T00:01:00'), 'x2', NY('2026-11-10T00:01:00')],
    ])
  })

  it('ignores ends cleared by a resumption or a termination, and extensions of a terminated measure', () => {
    const events = [
      e('s', 'suspended', NY('2025-01-01T00:00:00'), NY('2025-12-01T00:00:00')),
      e('r', 'resumed', NY('2025-06-01T00:00:00', '-04:00')),
      e('x', 'extended', NY('2025-12-01T00:00:00'), NY('2026-12-01T00:00:00')),
      e('t', 'terminated', NY('2026-01-01T00:00:00')),
      e('y', 'extended', NY('2026-12-01T00:00:00'), NY('2027-12-01T00:00:00')),
    ]
    expect(supersededEnds(events)).toEqual([])
  })

  it('agrees with the engine on random lives: a superseded end is no transition, and the measure is suspended there', () => {
    const SLOT = Date.parse('2025-01-01T05:00:00Z')
    const DAY = 86_400_000
    const zoned = (ms: number) =>
      Temporal.Instant.fromEpochMilliseconds(ms)
        .toZonedDateTimeISO('America/New_York')
        .toString({ smallestUnit: 'second', calendarName: 'never' })
    const slotArb = fc.integer({ min: 0, max: 12 }).map((k) => SLOT + k * 60 * DAY)
    const eventArb = fc.record({
      kind: fc.constantFrom<EventKind>('effective', 'suspended', 'extended', 'extended', 'resumed', 'terminated', 'amended'),
      at: slotArb,
      len: fc.integer({ min: 1, max: 4 }),
    })
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 10 }), (drafts) => {
        const events = drafts.map((d, i) =>
          e(`ev-${i}`, d.kind, zoned(d.at), d.kind === 'suspended' || d.kind === 'extended' ? zoned(d.at + d.len * 60 * DAY) : null),
        )
        const timed = events.map(toTimedEvent)
        const lapses = new Set(
          transitionsOf(timed)
            .filter((t) => t.kind === 'suspension_end')
            .map((t) => `${t.eventId}|${t.atMs}`),
        )
        const ends = supersededEnds(events)
        for (const end of ends) {
          expect(lapses.has(`${end.eventId}|${end.untilMs}`)).toBe(false)
          const moved = end.newUntil === null ? Infinity : Temporal.ZonedDateTime.from(end.newUntil).epochMilliseconds
          // (Another event from the extension up to that end — a resumption, a new suspension, a
          // termination before it — may end the suspension there on its own.)
          const byMs = Temporal.ZonedDateTime.from(end.byAt).epochMilliseconds
          const alone =
            !timed.some((t) => t.atMs <= end.untilMs && (t.kind === 'effective' || t.kind === 'resumed' || t.kind === 'terminated')) &&
            !timed.some(
              (t) => t.id !== end.byEventId && t.atMs >= byMs && t.atMs <= end.untilMs && (t.kind === 'suspended' || t.kind === 'extended'),
            )
          // (Nor when a later extension moved the new end again, possibly back before this one.)
          const final = !ends.some((other) => other.eventId === end.byEventId)
          if (moved > end.untilMs && alone && final)
            expect(['suspended', 'partly_suspended']).toContain(statusAt(timed, end.untilMs, { rate: null, scope: '' }).status)
        }
      }),
      { numRuns: 400 },
    )
  })
})
