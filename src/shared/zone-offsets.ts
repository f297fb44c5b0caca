// The instant of a canonical zoned string (`2026-11-10T00:01:00-05:00[America/New_York]`, what
// formatZoned writes and every export holds) without building a Temporal.ZonedDateTime: the
// polyfill takes ~25 µs a parse, which made checking and storing an import of 100,000 measures
// (two million dates) take most of a minute. The wall time and offset give the instant; the
// offset is then checked against the zone's offset at that instant, taken from a per-zone list of
// spans between offset changes that Temporal fills once per span. Same answers as
// Temporal.ZonedDateTime.from(value, { offset: 'reject' }) (zone-offsets.test.ts compares them);
// anything else (fractions of seconds, `Z`, offsets with seconds, unknown zones) is left to Temporal.
import { Temporal } from 'temporal-polyfill'

const CANONICAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([+-])(\d{2}):(\d{2})\[([^\]]+)\]$/

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
 */
export function canonicalEpochMs(value: string): number | null {
  // A date is usually read twice in a row: checked, then stored with its instant.
  let answer = recent.get(value)
  if (answer === undefined) {
    if (recent.size >= RECENT_MAX) recent.clear()
    answer = computeEpochMs(value)
    recent.set(value, answer)
  }
  return answer
}

/** Answers of canonicalEpochMs for the last few thousand strings (pure: the same string, the same answer). */
const recent = new Map<string, number | null>()
const RECENT_MAX = 4096

function computeEpochMs(value: string): number | null {
  const parts = CANONICAL.exec(value)
  if (!parts) return null
  const [, y, mo, d, h, mi, sc, sign, oh, om, zone] = parts as unknown as string[]
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const wallSecond = Number(sc)
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || wallSecond > 59 || Number(om) > 59) return null
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, wallSecond)
  // Date.UTC rolls 31 April over into May, and reads years 0–99 as 1900–1999: refuse both here.
  const check = new Date(wallMs)
  if (check.getUTCFullYear() !== year || check.getUTCDate() !== day) return null
  const offsetMs = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000
  const instantMs = wallMs - offsetMs
  let span: OffsetSpan
  try {
    span = spanAt(zone!, instantMs)
  } catch {
    return null
  }
  return span.offsetMs === offsetMs ? instantMs : null
}
