// "Within N days": one definition for the Upcoming list, the board's 7- and 30-day urgency bands,
// the report's deadline list and reminders.upcoming (issue 12).
//
// A deadline is within N days of `nowMs` when it is still ahead (now < at) and the moment N
// calendar days before it, on the wall clock of its legal zone, has come (at − N days ≤ now).
// Calendar days in the deadline's legal zone, rather than N × 24 h or the viewer's calendar:
// - it is the moment the "N days before" reminder falls due (core/reminders/schedule.ts) and an
//   exported calendar's TRIGGER:-PND alarm fires, so a deadline enters the 7-day list exactly when
//   its 7-day reminder is shown — not an hour apart when a DST change falls in between;
// - it depends on the deadline alone, not on who looks: the app in the user's zone, a report
//   printed for another --tz and the CLI list the same deadlines;
// - it is how a notice is read: a week before "12:01 a.m. eastern time on 10 November" is
//   12:01 a.m. eastern time on 3 November, whatever the clocks did in between.
import type { Transition } from './domain.ts'
import { zoneOf } from './format.ts'
import { DAY_MS } from './time-units.ts'
import { Temporal } from './time.ts'

/** A deadline as the rule needs it: its instant and the legal zone written in its RFC 9557 string. */
export interface ZonedDeadline {
  atMs: number
  zone: string
}

/** A transition as a deadline: its instant and the zone in its RFC 9557 string. */
export function zonedDeadline(transition: Pick<Transition, 'at' | 'atMs'>): ZonedDeadline {
  return { atMs: transition.atMs, zone: zoneOf(transition.at) }
}

/**
 * How far N calendar days can be from N × 24 h: the changes of UTC offset in between — at most a
 * day (Samoa skipped 30 Dec 2011); this is twice that. Further from the boundary the answer is
 * certain without date arithmetic, so checking 10,000 deadlines stays cheap.
 */
export const CALENDAR_DRIFT_MS = 2 * DAY_MS

/** The instant `days` calendar days before the deadline, on its legal wall clock. */
export function daysBefore(deadline: ZonedDeadline, days: number): number {
  if (days === 0) return deadline.atMs
  return Temporal.Instant.fromEpochMilliseconds(deadline.atMs).toZonedDateTimeISO(deadline.zone).subtract({ days }).epochMilliseconds
}

/** Whether `nowMs` has reached the moment `days` calendar days before the deadline. */
export function hasReachedDaysBefore(deadline: ZonedDeadline, nowMs: number, days: number): boolean {
  const estimateMs = deadline.atMs - days * DAY_MS
  if (estimateMs - CALENDAR_DRIFT_MS > nowMs) return false
  if (estimateMs + CALENDAR_DRIFT_MS <= nowMs) return true
  return daysBefore(deadline, days) <= nowMs
}

/** Whether the deadline is ahead of `nowMs` and within `days` calendar days of it (see above). */
export function isWithinDays(deadline: ZonedDeadline, nowMs: number, days: number): boolean {
  return deadline.atMs > nowMs && hasReachedDaysBefore(deadline, nowMs, days)
}
