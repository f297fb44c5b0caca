// A measure's deadline state (issue 11): what the deadline and countdown columns show.
//
// - upcoming: the next scheduled transition, counting down;
// - lapsed: a scheduled transition that passed with no outcome recorded (the engine's
//   `needsReview` with its `reviewReason`), counting up — this is what an analyst must act on,
//   so it wins over an upcoming one;
// - none: nothing scheduled.
//
// The legal zone is the one written inside the transition's RFC 9557 string, so a date shown
// without a time is the date the notice names (a Beijing deadline of 10 Nov is never "9 Nov").
import type { MeasureStatus, Transition } from './domain.ts'
import { zoneOf } from './format.ts'

export type DeadlineState =
  { kind: 'upcoming'; transition: Transition; zone: string } | { kind: 'lapsed'; transition: Transition; zone: string } | { kind: 'none' }

type DeadlineFields = Pick<MeasureStatus, 'next' | 'needsReview' | 'reviewReason'>

/**
 * The deadline state at `nowMs`. A `next` transition already behind `nowMs` (the list was loaded
 * before it passed and has not reloaded yet) counts as lapsed: nobody has recorded its outcome.
 */
export function deadlineState(row: DeadlineFields, nowMs: number): DeadlineState {
  if (row.needsReview && row.reviewReason) return { kind: 'lapsed', transition: row.reviewReason, zone: zoneOf(row.reviewReason.at) }
  if (row.next) return { kind: row.next.atMs <= nowMs ? 'lapsed' : 'upcoming', transition: row.next, zone: zoneOf(row.next.at) }
  return { kind: 'none' }
}

/**
 * Order for "sort by deadline": lapsed-and-unrecorded first, oldest lapse first (the longest
 * overdue heads the work queue, and the whole column then reads in time order), then the nearest
 * upcoming, then nothing scheduled. Needs no clock: it reads the loaded state only, so a tick never
 * re-sorts the board. The band: 0 lapsed, 1 upcoming, 2 nothing scheduled.
 */
export function deadlineBand(row: DeadlineFields): 0 | 1 | 2 {
  if (row.needsReview && row.reviewReason) return 0
  return row.next ? 1 : 2
}

function sortInstant(row: DeadlineFields, band: 0 | 1 | 2): number {
  return band === 0 ? row.reviewReason!.atMs : band === 1 ? row.next!.atMs : 0
}

/** Sorts 10,000 rows without allocating per comparison. */
export function compareDeadlines(a: DeadlineFields, b: DeadlineFields): number {
  const bandA = deadlineBand(a)
  const bandB = deadlineBand(b)
  return bandA - bandB || sortInstant(a, bandA) - sortInstant(b, bandB)
}
