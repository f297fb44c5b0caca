// How close a deadline is. The board marks the two bands with an icon and words as well as
// colour, so the distinction never rests on colour alone. "Within 7 / 30 days" is the app's one
// definition (shared/within-days.ts: calendar days on the deadline's legal clock), so a deadline
// turns "within 7 days" when its 7-day reminder falls due and when it enters the 7-day list.
import { isWithinDays, type ZonedDeadline } from '../../../shared/within-days.ts'

export type Urgency = 'week' | 'month' | null

export function urgencyOf(deadline: ZonedDeadline, referenceMs: number): Urgency {
  if (isWithinDays(deadline, referenceMs, 7)) return 'week'
  if (isWithinDays(deadline, referenceMs, 30)) return 'month'
  return null
}
