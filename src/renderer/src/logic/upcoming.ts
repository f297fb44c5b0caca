// The Upcoming panel's list between two loads: what the service sent for the days asked
// (reminders.upcoming), trimmed by the same rule (shared/within-days.ts) as the shared clock moves
// on — a passed deadline leaves the list at once; the next load brings in what entered the window.
import type { UpcomingTransition } from '../../../shared/api-views.ts'
import { isWithinDays, zonedDeadline } from '../../../shared/within-days.ts'

export const UPCOMING_DAY_CHOICES = [7, 30, 90, 365] as const
export const DEFAULT_UPCOMING_DAYS = 30

export function upcomingWithin(rows: readonly UpcomingTransition[], referenceMs: number, days: number): UpcomingTransition[] {
  return rows.filter((row) => isWithinDays(zonedDeadline(row.transition), referenceMs, days))
}
