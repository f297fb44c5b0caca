// The instant of a canonical zoned string (`2026-11-10T00:01:00-05:00[America/New_York]`, what
// formatZoned writes and every export holds) without building a Temporal.ZonedDateTime: the
// polyfill takes ~25 µs a parse, which made checking and storing an import of 100,000 measures
// (two million dates) take most of a minute. The wall time and offset give the instant; the
// offset is then checked against the zone's offset at that instant, taken from a per-zone list of
// spans between offset changes that Temporal fills once per span. Same answers as
// Temporal.ZonedDateTime.from(value, { offset: 'reject' }) (zone-offsets.test.ts compares them);
// anything else (fractions of seconds, `Z`, offsets with seconds, unknown zones) is left to Temporal.
import { Temporal } from 'temporal-polyfill'

/** An offset that holds in a zone from `fromMs` (inclusive) to `toMs` (exclusive). */
interface OffsetSpan {
  fromMs: number
  toMs: number
  offsetMs: number
}

/** Spans seen per zone, most recent first (imports come in runs of nearby dates). */
const spansByZone = new Map<string, OffsetSpan[]>()
/** Bounds the cache: a few hundred zones, a few hundred spans each at most in practice. */
const MAX_SPANS_PER_ZONE = 512
/** Far edges for a zone that never changes offset again (or never did). */
const FAR_MS = 8.64e15

function spanAt(zone: string, instantMs: number): OffsetSpan {
  let spans = spansByZone.get(zone)
  if (spans) for (const span of spans) if (instantMs >= span.fromMs && instantMs < span.toMs) return span
  // Throws for an unknown zone: the caller falls back to Temporal, which names the problem.
  const zdt = Temporal.Instant.fromEpochMilliseconds(instantMs).toZonedDateTimeISO(zone)
  // The last change at or before the instant (one exactly at it counts: 'previous' is strictly before).
  const previous = Temporal.Instant.fromEpochMilliseconds(instantMs + 1)
    .toZonedDateTimeISO(zone)
    .getTimeZoneTransition('previous')
  const next = zdt.getTimeZoneTransition('next')
  const span = {
    fromMs: previous ? previous.epochMilliseconds : -FAR_MS,
    toMs: next ? next.epochMilliseconds : FAR_MS,
    offsetMs: zdt.offsetNanoseconds / 1e6,
  }
  if (!spans) spansByZone.set(zone, (spans = []))
  spans.unshift(span)
  if (spans.length > MAX_SPANS_PER_ZONE) spans.pop()
  return span
}

/**
 * The epoch milliseconds of a canonical zoned string whose offset is right for its zone; null when
 * the string is not in canonical form, names no zone Temporal knows, or has a wrong offset or an
 * impossible date (the caller then asks Temporal, which answers or throws as it always did).
 * Read character by character, allocating nothing but the zone's name: an import of 100,000
 * measures asks this about five million times (each date is checked, compared, then stored).
 */
export function canonicalEpochMs(value: string): number | null {
  // YYYY-MM-DDTHH:MM:SS±HH:MM[Zone]: every field at a fixed place, the zone last.
  const last = value.length - 1
  if (last < 27 || value.charCodeAt(25) !== OPEN_BRACKET || value.indexOf(']', 26) !== last) return null
  if (value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH || value.charCodeAt(10) !== LETTER_T) return null
  if (value.charCodeAt(13) !== COLON || value.charCodeAt(16) !== COLON || value.charCodeAt(22) !== COLON) return null
  const sign = value.charCodeAt(19)
  if (sign !== PLUS && sign !== DASH) return null
  const year = digits(value, 0, 4)
  const month = digits(value, 5, 2)
  const day = digits(value, 8, 2)
  const hour = digits(value, 11, 2)
  const minute = digits(value, 14, 2)
  const second = digits(value, 17, 2)
  const offsetHours = digits(value, 20, 2)
  const offsetMinutes = digits(value, 23, 2)
  // digits() answers -1 for a non-digit. Years before 100 are left to Temporal (Date.UTC reads
  // 0–99 as 1900–1999), as are days a month does not have.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  if (
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    offsetHours < 0 ||
    offsetMinutes < 0 ||
    offsetMinutes > 59
  )
    return null
  const offsetMs = (sign === DASH ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000
  const instantMs = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMs
  let span: OffsetSpan
  try {
    span = spanAt(value.slice(26, last), instantMs)
  } catch {
    return null
  }
  return span.offsetMs === offsetMs ? instantMs : null
}

const DASH = 0x2d
const PLUS = 0x2b
const COLON = 0x3a
const LETTER_T = 0x54
const OPEN_BRACKET = 0x5b

/** The number the `count` ASCII digits at `at` write, or -1 if one of them is not a digit. */
function digits(value: string, at: number, count: number): number {
  let n = 0
  for (let i = at; i < at + count; i++) {
    const digit = value.charCodeAt(i) - 0x30
    if (digit < 0 || digit > 9) return -1
    n = n * 10 + digit
  }
  return n
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
}
