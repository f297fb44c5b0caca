// Fixed lengths of time in milliseconds: the one home for these numbers (issue 12). They are
// durations, not calendar units — a calendar day across a DST change is 23 or 25 hours, so code
// that means "N days on the calendar" (shared/within-days.ts, reminders) uses Temporal instead and
// keeps DAY_MS only for estimates and for countdowns, which count elapsed time.
export const SECOND_MS = 1_000
export const MINUTE_MS = 60 * SECOND_MS
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS
