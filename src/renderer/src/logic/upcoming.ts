// The Upcoming panel's list between two loads: what the service sent for the window
// (reference, reference + days], trimmed as the shared clock moves on (a passed deadline leaves
// the list at once; the next load brings in what entered the window).
import type { UpcomingTransition } from '../../../shared/api-views.ts'
import { DAY_MS } from './urgency.ts'

export const UPCOMING_DAY_CHOICES = [7, 30, 90, 365] as const
export const DEFAULT_UPCOMING_DAYS = 30

export function upcomingWithin(rows: readonly UpcomingTransition[], referenceMs: number, days: number): UpcomingTransition[] {
  const end = referenceMs + days * DAY_MS
  return rows.filter((row) => row.transition.atMs > referenceMs && row.transition.atMs <= end)
}
