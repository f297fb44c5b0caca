import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { DAY_MS, HOUR_MS } from './time-units.ts'
import { Temporal, epochMs } from './time.ts'
import { daysBefore, isWithinDays, zonedDeadline } from './within-days.ts'

// 12:01 a.m. eastern time on 10 Nov 2026 (EST); DST ended on 1 Nov, so 30 calendar days before
// (11 Oct, 00:01 EDT) is 30 × 24 h + 1 h before.
const AT = '2026-11-10T00:01:00-05:00[America/New_York]'
const deadline = zonedDeadline({ at: AT, atMs: epochMs(AT) })
const THIRTY_DAYS_BEFORE = epochMs('2026-10-11T00:01:00-04:00[America/New_York]')

describe('within N days', () => {
  it('counts calendar days on the deadline’s legal clock, across a DST change', () => {
    expect(deadline).toEqual({ atMs: epochMs(AT), zone: 'America/New_York' })
    expect(daysBefore(deadline, 30)).toBe(THIRTY_DAYS_BEFORE)
    expect(deadline.atMs - THIRTY_DAYS_BEFORE).toBe(30 * DAY_MS + HOUR_MS)
    expect(daysBefore(deadline, 7)).toBe(epochMs('2026-11-03T00:01:00-05:00[America/New_York]'))
    expect(daysBefore(deadline, 0)).toBe(deadline.atMs)
  })

  it('begins exactly N days before the deadline and ends at the deadline, which is no longer within', () => {
    expect(isWithinDays(deadline, THIRTY_DAYS_BEFORE - 1, 30)).toBe(false)
    expect(isWithinDays(deadline, THIRTY_DAYS_BEFORE, 30)).toBe(true)
    // An hour more than 30 × 24 h ahead, and still within 30 days.
    expect(isWithinDays(deadline, deadline.atMs - 30 * DAY_MS - 30 * 60_000, 30)).toBe(true)
    expect(isWithinDays(deadline, deadline.atMs - 1, 1)).toBe(true)
    expect(isWithinDays(deadline, deadline.atMs, 30)).toBe(false)
    expect(isWithinDays(deadline, deadline.atMs + DAY_MS, 30)).toBe(false)
  })

  it('does not depend on who looks: a Beijing deadline is counted on Beijing’s calendar', () => {
    const beijing = zonedDeadline({
      at: '2026-11-10T00:00:00+08:00[Asia/Shanghai]',
      atMs: epochMs('2026-11-10T00:00:00+08:00[Asia/Shanghai]'),
    })
    // No DST in Shanghai: exactly 7 × 24 h, whatever zone the reader is in.
    expect(daysBefore(beijing, 7)).toBe(beijing.atMs - 7 * DAY_MS)
  })

  it('gives the exact calendar answer everywhere, the cheap estimate included (any zone, any distance)', () => {
    const zones = ['America/New_York', 'Europe/London', 'Asia/Shanghai', 'Australia/Lord_Howe', 'Pacific/Apia', 'UTC']
    const START = Date.UTC(2010, 0, 1)
    const END = Date.UTC(2032, 0, 1)
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: START, max: END }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: -3 * DAY_MS, max: 3 * DAY_MS }),
        (zone, atMs, days, offset) => {
          const nowMs = atMs - days * DAY_MS + offset
          const exactStart = Temporal.Instant.fromEpochMilliseconds(atMs).toZonedDateTimeISO(zone).subtract({ days }).epochMilliseconds
          expect(isWithinDays({ atMs, zone }, nowMs, days)).toBe(nowMs < atMs && exactStart <= nowMs)
        },
      ),
      { numRuns: 500 },
    )
  })
})
