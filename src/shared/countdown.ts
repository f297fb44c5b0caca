// A countdown whose precision fits its horizon (issue 11): far deadlines need months and days, a
// deadline this week needs hours and minutes, and only the last day is worth counting in seconds.
// The same rules count *up* from a deadline that passed ("24d 3h ago").
//
// Every value shown is exact to the precision shown: the units are floored, never rounded, so
// "2h 13m" means at least 2 h 13 min and less than 2 h 14 min are left. Each result also says
// until when it stays the same (`validUntilMs`), so a live display recomputes only when its text
// changes: a row months away is written once a day, not every second (stores/clock.ts ticks once
// a second for the whole page; see CountdownText).
import { Temporal } from './time.ts'
import type { Translate } from './i18n/translate.ts'
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from './time-units.ts'

/** Within this of the deadline, seconds are shown (the last day). */
export const SECONDS_WITHIN_MS = DAY_MS
/** Within this, hours and minutes (a few days: plans for the next days are made by the hour). */
export const MINUTES_WITHIN_MS = 3 * DAY_MS
/** From this on, months and days (counted on the calendar of the deadline's legal zone); below it, days and hours. */
export const MONTHS_FROM_MS = 60 * DAY_MS

export type Precision = 'second' | 'minute' | 'hour' | 'day'

export interface CountdownParts {
  /** 'second': h m s · 'minute': d h m · 'hour': d h · 'day': months and days. */
  precision: Precision
  months: number
  days: number
  hours: number
  minutes: number
  seconds: number
  /** The deadline has passed: the parts count up from it. */
  past: boolean
  /** The first instant (ms) at which these parts no longer hold, as time moves forward. */
  validUntilMs: number
}

const UNIT_MS: Record<Exclude<Precision, 'day'>, number> = { second: SECOND_MS, minute: MINUTE_MS, hour: HOUR_MS }

/** The precision the horizon calls for; `finest` caps it (e.g. 'minute' for text nobody watches tick). */
export function precisionFor(distanceMs: number, finest: 'second' | 'minute' = 'second'): Precision {
  const distance = Math.abs(distanceMs)
  if (distance >= MONTHS_FROM_MS) return 'day'
  if (distance >= MINUTES_WITHIN_MS) return 'hour'
  if (distance >= SECONDS_WITHIN_MS || finest === 'minute') return 'minute'
  return 'second'
}

/**
 * The countdown from `nowMs` to `atMs` (or up from it, once passed). `zone` is the deadline's
 * legal zone: months are counted on its calendar ("2 months" from 10 Jan is 10 Mar there).
 */
export function countdownAt(nowMs: number, atMs: number, zone = 'UTC', finest: 'second' | 'minute' = 'second'): CountdownParts {
  const past = atMs < nowMs
  const distance = Math.abs(atMs - nowMs)
  const precision = precisionFor(distance, finest)
  if (precision === 'day') return calendarParts(nowMs, atMs, zone, past)

  const unit = UNIT_MS[precision]
  const units = Math.floor(distance / unit)
  let rest = units * unit
  const days = precision === 'second' ? 0 : Math.floor(rest / DAY_MS)
  rest -= days * DAY_MS
  const hours = Math.floor(rest / HOUR_MS)
  rest -= hours * HOUR_MS
  const minutes = precision === 'hour' ? 0 : Math.floor(rest / MINUTE_MS)
  rest -= minutes * MINUTE_MS
  const seconds = precision === 'second' ? Math.floor(rest / SECOND_MS) : 0
  // The floored count of units changes when the distance crosses the next multiple of the unit.
  // The band thresholds are multiples of the coarser band's unit, so a band change is one of these.
  const validUntilMs = past ? atMs + (units + 1) * unit : atMs - units * unit + 1
  return { precision, months: 0, days, hours, minutes, seconds, past, validUntilMs }
}

/** Whole months and days between now and the deadline, on the legal zone's calendar. */
function monthsAndDays(nowMs: number, at: Temporal.ZonedDateTime, zone: string, past: boolean): { months: number; days: number } {
  const now = Temporal.Instant.fromEpochMilliseconds(nowMs).toZonedDateTimeISO(zone)
  const [from, to] = past ? [at, now] : [now, at]
  const { months, days } = from.until(to, { largestUnit: 'months', smallestUnit: 'days', roundingMode: 'trunc' })
  return { months, days }
}

function calendarParts(nowMs: number, atMs: number, zone: string, past: boolean): CountdownParts {
  const at = Temporal.Instant.fromEpochMilliseconds(atMs).toZonedDateTimeISO(zone)
  const { months, days } = monthsAndDays(nowMs, at, zone, past)
  let validUntilMs: number
  if (past) {
    // Counting up: one more day is reached at deadline + (months, days + 1).
    validUntilMs = at.add({ months, days: days + 1 }).epochMilliseconds
  } else {
    // Counting down: the count drops just after now reaches deadline − (months, days), or when
    // the distance falls below the months band, whichever is first.
    validUntilMs = Math.min(at.subtract({ months, days }).epochMilliseconds + 1, atMs - MONTHS_FROM_MS + 1)
  }
  // Month ends make calendar arithmetic uneven (31 Jan + 1 month); never trust a boundary that is
  // not ahead of now, and look again at least hourly.
  if (!(validUntilMs > nowMs)) validUntilMs = nowMs + MINUTE_MS
  validUntilMs = Math.min(validUntilMs, nowMs + HOUR_MS)
  validUntilMs = firstChangeBefore(validUntilMs, nowMs, { months, days }, (t) => monthsAndDays(t, at, zone, past))
  return { precision: 'day', months, days, hours: 0, minutes: 0, seconds: 0, past, validUntilMs }
}

/**
 * `until`, unless the count already changes before it — which the arithmetic above can miss where
 * a month is shorter than the day counted from (adding and subtracting months do not undo each
 * other at month ends) or a DST change falls in between. One check in the common case; where the
 * check fails, a binary search for the first millisecond with another count (the count only ever
 * moves one way as time passes).
 */
function firstChangeBefore(
  until: number,
  nowMs: number,
  current: { months: number; days: number },
  countAt: (t: number) => { months: number; days: number },
): number {
  const same = (t: number) => {
    const count = countAt(t)
    return count.months === current.months && count.days === current.days
  }
  if (same(until - 1)) return until
  let lo = nowMs // same count
  let hi = until - 1 // another count
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (same(mid)) lo = mid
    else hi = mid
  }
  return hi
}

/** "2mo 14d", "12d 3h", "2d 3h 4m", "3h 4m 5s" — and "… ago" once passed. */
export function countdownText(parts: CountdownParts, t: Translate): string {
  const text = t(`countdown.${parts.precision}`, {
    months: parts.months,
    days: parts.days,
    hours: parts.hours,
    minutes: parts.minutes,
    seconds: parts.seconds,
  })
  return parts.past ? t('countdown.ago', { value: text }) : text
}
