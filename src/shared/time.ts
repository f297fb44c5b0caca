// Instants with their legal time zone. Every date in the app is an RFC 9557 string such as
// `2026-11-10T00:01:00-05:00[America/New_York]`: the offset pins the instant, the bracketed zone
// keeps the legal wall clock ("12:01 a.m. eastern time") for display and for date arithmetic.
import { Temporal } from 'temporal-polyfill'
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from './time-units.ts'
import { canonicalEpochMs } from './zone-offsets.ts'

export { Temporal }

const ZONED_PATTERN = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9]{2}:[0-9]{2})\[[^\]]+\]$/

/** A full RFC 9557 instant: offset and zone present, and the offset right for that zone. */
export function isValidZonedInstant(value: string): boolean {
  // The canonical form (what every write and export holds) first: it matches the pattern too.
  if (canonicalEpochMs(value) !== null) return true
  if (!ZONED_PATTERN.test(value)) return false
  try {
    Temporal.ZonedDateTime.from(value, { offset: 'reject' })
    return true
  } catch {
    return false
  }
}

export function isValidPlainDate(value: string): boolean {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) return false
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' })
    return true
  } catch {
    return false
  }
}

export function isValidTimeZone(zone: string): boolean {
  try {
    Temporal.Now.zonedDateTimeISO(zone)
    return true
  } catch {
    return false
  }
}

export function parseZoned(value: string): Temporal.ZonedDateTime {
  return Temporal.ZonedDateTime.from(value, { offset: 'reject' })
}

/** Milliseconds since the epoch of an RFC 9557 string (the store keeps this beside the string). */
export function epochMs(value: string): number {
  // The common case without Temporal's cost (zone-offsets.ts); Temporal answers, or throws, for the rest.
  return canonicalEpochMs(value) ?? parseZoned(value).epochMilliseconds
}

/** The canonical string for a zoned instant: seconds precision, offset and zone. */
export function formatZoned(zdt: Temporal.ZonedDateTime): string {
  return zdt.toString({ smallestUnit: 'second', calendarName: 'never' })
}

export function systemTimeZone(): string {
  return Temporal.Now.timeZoneId()
}

export class InstantInputError extends Error {}

/**
 * Reads what a person types for an instant:
 * - an RFC 9557 string (kept in its zone),
 * - an ISO instant with an offset or `Z` (shown in `zone`),
 * - a date `YYYY-MM-DD` or a wall-clock `YYYY-MM-DDTHH:MM` in `zone` (start of day for a date).
 */
export function parseInstantInput(text: string, zone: string): Temporal.ZonedDateTime {
  const value = text.trim()
  if (!isValidTimeZone(zone)) throw new InstantInputError(`unknown time zone "${zone}"`)
  try {
    if (value.includes('[')) return parseZoned(value)
    if (/(Z|[+-][0-9]{2}:?[0-9]{2})$/i.test(value) && value.includes('T')) {
      return Temporal.Instant.from(value).toZonedDateTimeISO(zone)
    }
    if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) {
      return Temporal.PlainDate.from(value, { overflow: 'reject' }).toZonedDateTime({ timeZone: zone })
    }
    if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?$/.test(value)) {
      return Temporal.PlainDateTime.from(value, { overflow: 'reject' }).toZonedDateTime(zone, { disambiguation: 'compatible' })
    }
  } catch (error) {
    throw new InstantInputError(`"${value}" is not a valid instant: ${(error as Error).message}`)
  }
  throw new InstantInputError(
    `"${value}" is not an instant: use 2026-11-10, 2026-11-10T00:01, 2026-11-10T05:01Z or 2026-11-10T00:01:00-05:00[America/New_York]`,
  )
}

/** "Suspend for P1Y from D": the explicit end instant, computed on the legal wall clock of D. */
export function addDuration(start: string, duration: string): string {
  const parsed = Temporal.Duration.from(duration)
  if (parsed.sign <= 0) throw new InstantInputError(`duration "${duration}" must be positive`)
  return formatZoned(parseZoned(start).add(parsed))
}

/** Whole days, hours, minutes and seconds from `fromMs` to `toMs` (negative parts never appear). */
export function countdownParts(
  fromMs: number,
  toMs: number,
): { days: number; hours: number; minutes: number; seconds: number; past: boolean } {
  const past = toMs < fromMs
  const distance = Math.abs(toMs - fromMs)
  return {
    days: Math.floor(distance / DAY_MS),
    hours: Math.floor((distance % DAY_MS) / HOUR_MS),
    minutes: Math.floor((distance % HOUR_MS) / MINUTE_MS),
    seconds: Math.floor((distance % MINUTE_MS) / SECOND_MS),
    past,
  }
}

/**
 * The instant a date-only end means. Instruments that end "through X" (US) or 「至X日」
 * (Chinese legal usage) include day X: the measure ends at the start of day X+1 on the legal
 * wall clock of `zone` — 00:00, or the first instant of that day where a DST gap swallows
 * midnight. So 「至2026年11月10日」 in Asia/Shanghai is 2026-11-11T00:00+08:00, and "through
 * November 9, 2025" in America/New_York is 2025-11-10T00:00-05:00. One helper for both, so
 * nobody adds the day by hand.
 */
export function dateOnlyEnd(date: string, zone: string): string {
  return formatZoned(
    plainDateOf(date)
      .add({ days: 1 })
      .toZonedDateTime({ timeZone: checkedZone(zone) }),
  )
}

/** The instant "from X" / 「自X日起」 means: the start of day X on the legal wall clock of `zone`. */
export function dateOnlyStart(date: string, zone: string): string {
  return formatZoned(plainDateOf(date).toZonedDateTime({ timeZone: checkedZone(zone) }))
}

function plainDateOf(date: string): Temporal.PlainDate {
  if (!isValidPlainDate(date)) throw new InstantInputError(`"${date}" is not a date YYYY-MM-DD`)
  return Temporal.PlainDate.from(date, { overflow: 'reject' })
}

function checkedZone(zone: string): string {
  if (!isValidTimeZone(zone)) throw new InstantInputError(`unknown time zone "${zone}"`)
  return zone
}
