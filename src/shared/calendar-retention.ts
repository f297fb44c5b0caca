// How long a cancelled transition stays in calendar exports after the change that removed it:
// core/calendar/changes.ts applies it, Settings → Calendar says it. Why 180 days: see changes.ts.
export const CANCELLED_RETENTION_DAYS = 180
