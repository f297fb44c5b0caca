// When a watched target is checked again: at most daily after a success; after failures, sooner
// but backing off (1 h, 2 h, 4 h … capped at a day), so an offline laptop or a failing server is
// not asked again and again. A check the user asks for runs now whatever the schedule says.
import { DAY_MS, HOUR_MS } from '../../shared/time-units.ts'

export const CHECK_INTERVAL_MS = DAY_MS
export const FIRST_RETRY_MS = HOUR_MS

export interface CheckRecord {
  lastSuccessMs: number | null
  lastAttemptMs: number | null
  failures: number
}

/**
 * The instant of the next automatic check (a target never checked is due at once). `intervalMs` is
 * the time after a success (daily for watching; the dataset feed's schedule may say weekly); the
 * back-off after failures is capped at a day either way.
 */
export function nextCheckMs(record: CheckRecord, intervalMs = CHECK_INTERVAL_MS): number {
  if (record.failures > 0 && record.lastAttemptMs !== null) {
    const backOff = Math.min(FIRST_RETRY_MS * 2 ** Math.min(record.failures - 1, 10), CHECK_INTERVAL_MS)
    return record.lastAttemptMs + backOff
  }
  if (record.lastSuccessMs === null) return Number.NEGATIVE_INFINITY
  return record.lastSuccessMs + intervalMs
}

export function isDue(record: CheckRecord, nowMs: number, intervalMs = CHECK_INTERVAL_MS): boolean {
  return nextCheckMs(record, intervalMs) <= nowMs
}

/** How far back the first Federal Register check looks, in days. */
export const FIRST_LOOK_BACK_DAYS = 30

/**
 * The publication date (YYYY-MM-DD, UTC) a Federal Register check asks from: the day before the last
 * successful check (documents of that day may have been added after it; a document found twice is
 * recorded once), or FIRST_LOOK_BACK_DAYS before now for the first check.
 */
export function federalRegisterSince(lastSuccessMs: number | null, nowMs: number): string {
  const from = lastSuccessMs === null ? nowMs - FIRST_LOOK_BACK_DAYS * DAY_MS : lastSuccessMs - DAY_MS
  return new Date(from).toISOString().slice(0, 10)
}
