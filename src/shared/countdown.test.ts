import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { MINUTES_WITHIN_MS, MONTHS_FROM_MS, SECONDS_WITHIN_MS, countdownAt, countdownText, precisionFor } from './countdown.ts'
import { DAY_MS, HOUR_MS, MINUTE_MS } from './time-units.ts'
import { Temporal } from './time.ts'
import { translator } from './i18n/translate.ts'

const t = translator('en')
const NOW = Date.UTC(2026, 11, 4, 10, 0, 0)

describe('countdown precision fits the horizon', () => {
  it('shows seconds only within the last day, minutes within three days, hours to sixty days, then months and days', () => {
    expect(countdownText(countdownAt(NOW, NOW + 3 * HOUR_MS + 4 * MINUTE_MS + 5_000), t)).toBe('3h 4m 5s')
    expect(countdownText(countdownAt(NOW, NOW + DAY_MS - 1_000), t)).toBe('23h 59m 59s')
    expect(countdownText(countdownAt(NOW, NOW + DAY_MS), t)).toBe('1d 0h 0m')
    expect(countdownText(countdownAt(NOW, NOW + 2 * DAY_MS + 3 * HOUR_MS + 4 * MINUTE_MS + 59_000), t)).toBe('2d 3h 4m')
    expect(countdownText(countdownAt(NOW, NOW + 12 * DAY_MS + 3 * HOUR_MS + 59 * MINUTE_MS), t)).toBe('12d 3h')
    // 4 Dec 10:00 UTC → 18 Feb 10:00 UTC: 2 calendar months and 14 days.
    expect(countdownText(countdownAt(NOW, Date.UTC(2027, 1, 18, 10, 0, 0), 'UTC'), t)).toBe('2mo 14d')
  })

  it('counts up from a passed deadline with the same bands', () => {
    const lapsed = Date.UTC(2026, 10, 10, 5, 1, 0)
    expect(countdownText(countdownAt(NOW, lapsed, 'America/New_York'), t)).toBe('24d 4h ago')
    expect(countdownText(countdownAt(NOW, NOW - 65_000), t)).toBe('0h 1m 5s ago')
  })

  it('counts months on the legal calendar: a Beijing deadline a month ahead is a month there', () => {
    const zone = 'Asia/Shanghai'
    const now = Temporal.ZonedDateTime.from('2026-12-04T00:00:00+08:00[Asia/Shanghai]')
    const at = now.add({ months: 3, days: 2 })
    expect(countdownAt(now.epochMilliseconds, at.epochMilliseconds, zone)).toMatchObject({ precision: 'day', months: 3, days: 2 })
  })

  it('with a minute cap (text nobody watches tick) drops the seconds', () => {
    expect(countdownText(countdownAt(NOW, NOW + 65_000, 'UTC', 'minute'), t)).toBe('0d 0h 1m')
    expect(precisionFor(SECONDS_WITHIN_MS - 1, 'minute')).toBe('minute')
  })

  it('speaks the UI language', () => {
    expect(countdownText(countdownAt(NOW, NOW + 2 * DAY_MS + 5 * MINUTE_MS), translator('zh-Hant'))).toBe('2天 0時 5分')
    expect(countdownText(countdownAt(NOW, NOW + 5_000), translator('zh-Hans'))).toBe('0时 0分 5秒')
  })
})

const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) })
const offset = fc.oneof(
  fc.integer({ min: -2 * DAY_MS, max: 2 * DAY_MS }),
  fc.integer({ min: -MONTHS_FROM_MS * 2, max: MONTHS_FROM_MS * 2 }),
  fc.integer({ min: -4000 * DAY_MS, max: 4000 * DAY_MS }),
)
const zone = fc.constantFrom('UTC', 'America/New_York', 'Asia/Shanghai', 'Europe/Brussels', 'Australia/Sydney')

describe('countdown properties', () => {
  it('never shows seconds beyond the threshold, and never more than the horizon calls for', () => {
    fc.assert(
      fc.property(instant, offset, zone, (now, delta, legal) => {
        const parts = countdownAt(now, now + delta, legal)
        const text = countdownText(parts, t)
        const distance = Math.abs(delta)
        if (distance >= SECONDS_WITHIN_MS) expect(text).not.toMatch(/\d+s/)
        if (distance >= MINUTES_WITHIN_MS) expect(text).not.toMatch(/\d+m(?!o)/)
        if (distance < MONTHS_FROM_MS) expect(text).not.toMatch(/mo/)
        else expect(parts.precision).toBe('day')
      }),
      { numRuns: 500 },
    )
  })

  it('is exact to the precision shown: the true distance lies within one unit above the value', () => {
    fc.assert(
      fc.property(instant, offset, zone, (now, delta, legal) => {
        const at = now + delta
        const parts = countdownAt(now, at, legal)
        expect(parts.past).toBe(delta < 0)
        if (parts.precision === 'day') {
          const start = Temporal.Instant.fromEpochMilliseconds(parts.past ? at : now).toZonedDateTimeISO(legal)
          const end = parts.past ? now : at
          const shown = start.add({ months: parts.months, days: parts.days }).epochMilliseconds
          const next = start.add({ months: parts.months, days: parts.days + 1 }).epochMilliseconds
          expect(shown).toBeLessThanOrEqual(end)
          expect(next).toBeGreaterThan(end)
          return
        }
        const unit = { second: 1000, minute: MINUTE_MS, hour: HOUR_MS }[parts.precision]
        const value = parts.days * DAY_MS + parts.hours * HOUR_MS + parts.minutes * MINUTE_MS + parts.seconds * 1000
        expect(value).toBeLessThanOrEqual(Math.abs(delta))
        expect(Math.abs(delta)).toBeLessThan(value + unit)
      }),
      { numRuns: 500 },
    )
  })

  it('stays the same text until validUntilMs, and not a moment longer than it needs to (d/h/m/s bands)', () => {
    fc.assert(
      fc.property(instant, offset, zone, fc.double({ min: 0, max: 1, noNaN: true }), (now, delta, legal, fraction) => {
        const at = now + delta
        const parts = countdownAt(now, at, legal)
        expect(parts.validUntilMs).toBeGreaterThan(now)
        const text = countdownText(parts, t)
        const later = now + Math.floor((parts.validUntilMs - 1 - now) * fraction)
        expect(countdownText(countdownAt(later, at, legal), t)).toBe(text)
        if (parts.precision !== 'day') expect(countdownText(countdownAt(parts.validUntilMs, at, legal), t)).not.toBe(text)
      }),
      { numRuns: 500 },
    )
  })

  it('changes its month-and-day count exactly when the calendar does, even where months are uneven (found by the property below)', () => {
    // 29 Jul → 16 Mar: 7 months and 16 days until 18:38:19.022 in New York; the old arithmetic
    // (back from the deadline) said the count held for the whole next hour.
    const at = Date.parse('2027-03-16T18:38:19.022Z')
    const parts = countdownAt(Date.parse('2026-07-29T18:26:22.892Z'), at, 'America/New_York')
    expect([parts.months, parts.days]).toEqual([7, 16])
    expect(new Date(parts.validUntilMs).toISOString()).toBe('2026-07-29T18:38:19.023Z')
    const before = countdownAt(parts.validUntilMs - 1, at, 'America/New_York')
    const after = countdownAt(parts.validUntilMs, at, 'America/New_York')
    expect([before.months, before.days]).toEqual([7, 16])
    expect([after.months, after.days]).toEqual([7, 15])
  })
})
