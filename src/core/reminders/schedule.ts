// The reminder schedule: given now, the measures' transitions, the lead times and what was already
// shown, which reminders to show now and when to look again. Pure (no I/O, no clock): the service
// (core/service/reminders.ts) feeds it from the store, and the Electron main process shows what it
// returns — so every rule below is unit-tested without Electron (schedule.test.ts).
//
// Rules:
// - A reminder is one (measure, transition, lead L). It falls due L *calendar days* before the
//   transition on the transition's legal wall clock: 7 days before 10 Nov 2026 00:01 New York time
//   is 3 Nov 2026 00:01 New York time, although DST ended in between (that is 7 × 24 h + 1 h).
//   This is how people count ("a week before 12:01 a.m. eastern time"), and it is how calendar
//   programs read an alarm of TRIGGER:-P7D (RFC 5545 §3.3.6: days are nominal), so the app's
//   notification and the exported calendar's alarm fire at the same instant.
// - Each reminder is shown at most once: its stable key (reminderKey) goes into `shown` when the
//   caller records it. A changed transition (an extension moves `at`) has new keys, so its
//   reminders run again for the new date; a new lead time has new keys too.
// - Only while the transition is still ahead: once it has passed, its reminders are dropped
//   (the "Needs review" list takes over). A lead of 0 — at the transition itself — stays
//   showable for AT_TRANSITION_GRACE_MS after it, so a timer that fires a little late still shows it.
// - When several leads of one transition are due at once (the app was closed, or lead times were
//   added), only the most specific — the smallest lead — is shown; the others come back with
//   `superseded: true` so the caller records them as shown without showing them. If the smallest
//   due lead was already shown, every larger one still unshown is superseded.
// - `missed`: the reminder fell due while the app was not checking — after the last check
//   (`lastRunMs`) and more than LATE_TOLERANCE_MS before now (a timer firing a few seconds late
//   is on time). Before the very first check (`lastRunMs` null) nothing counts as missed: the app
//   cannot have missed what it never ran for; those reminders are simply shown now. A reminder
//   that fell due *before* the last check but was never shown (its transition was recorded or
//   imported later) is not missed either.
import type { DueReminder } from '../../shared/api-views.ts'
import type { LocalizedText, Transition } from '../../shared/domain.ts'
import { DAY_MS, MINUTE_MS } from '../../shared/time-units.ts'
import { CALENDAR_DRIFT_MS, daysBefore, hasReachedDaysBefore, zonedDeadline } from '../../shared/within-days.ts'

export { DEFAULT_LEAD_DAYS } from '../../shared/api-inputs.ts'

/** A timer that fires within this long after a reminder fell due shows it as on time. */
export const LATE_TOLERANCE_MS = 5 * MINUTE_MS
/** A lead-0 reminder (at the transition itself) may still be shown this long after the transition. */
export const AT_TRANSITION_GRACE_MS = 60 * MINUTE_MS
/** The longest delay setTimeout accepts (about 24.8 days): wake at least this often and ask again. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1

export interface ScheduledTransition {
  measureId: string
  title: LocalizedText
  transition: Transition
}

export interface ScheduleInput {
  nowMs: number
  transitions: readonly ScheduledTransition[]
  /** Lead times in days (any order; duplicates ignored). */
  leadDays: readonly number[]
  /** Keys already shown (or recorded as superseded). */
  shown: ReadonlySet<string>
  /** When the caller last checked and recorded (reminders.markShown); null before the first check. */
  lastRunMs: number | null
}

/** The stable identity of one reminder. Ids, kinds and RFC 9557 strings never contain "|". */
export function reminderKey(measureId: string, transition: Pick<Transition, 'kind' | 'at'>, leadDays: number): string {
  return `${measureId}|${transition.kind}|${transition.at}|${leadDays}`
}

export function parseReminderKey(key: string): { measureId: string; kind: string; at: string; leadDays: number } | null {
  const parts = key.split('|')
  if (parts.length !== 4) return null
  const [measureId, kind, at, lead] = parts as [string, string, string, string]
  if (!measureId || !kind || !at || !/^[0-9]+$/.test(lead)) return null
  return { measureId, kind, at, leadDays: Number(lead) }
}

/** Distinct whole lead times, smallest first. */
export function normalizeLeadDays(leadDays: readonly number[]): number[] {
  return [...new Set(leadDays.filter((d) => Number.isInteger(d) && d >= 0))].sort((a, b) => a - b)
}

/**
 * When the reminder `leadDays` before `transition` falls due: calendar days on its legal wall
 * clock — the moment the transition comes within `leadDays` days (shared/within-days.ts).
 */
export function reminderDueAtMs(transition: Pick<Transition, 'at' | 'atMs'>, leadDays: number): number {
  return daysBefore(zonedDeadline(transition), leadDays)
}

/** Whether the reminder `leadDays` before `transition` falls due after `nowMs` (exact; cheap when far either way). */
export function reminderDueAfter(transition: Pick<Transition, 'at' | 'atMs'>, leadDays: number, nowMs: number): boolean {
  return !hasReachedDaysBefore(zonedDeadline(transition), nowMs, leadDays)
}

/** Whether a reminder of this lead may still be shown at `nowMs` (its transition has not passed). */
function stillAhead(transition: Transition, leadDays: number, nowMs: number): boolean {
  return leadDays === 0 ? nowMs < transition.atMs + AT_TRANSITION_GRACE_MS : nowMs < transition.atMs
}

function compareReminders(a: DueReminder, b: DueReminder): number {
  if (a.dueAtMs !== b.dueAtMs) return a.dueAtMs - b.dueAtMs
  if (a.transition.atMs !== b.transition.atMs) return a.transition.atMs - b.transition.atMs
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0
}

/**
 * The reminders to act on now: every due, unshown reminder, oldest first. Show those with
 * `superseded: false`; record all of them (reminders.markShown) so none comes back.
 */
export function dueReminders(input: ScheduleInput): DueReminder[] {
  const { nowMs, shown, lastRunMs } = input
  const leads = normalizeLeadDays(input.leadDays)
  const out: DueReminder[] = []
  for (const { measureId, title, transition } of input.transitions) {
    // Cheap exit before any date arithmetic: most transitions of a measure's life are past.
    if (nowMs >= transition.atMs + AT_TRANSITION_GRACE_MS) continue
    let smallestDue: number | null = null
    for (const lead of leads) {
      if (!stillAhead(transition, lead, nowMs)) continue
      if (transition.atMs - lead * DAY_MS - CALENDAR_DRIFT_MS > nowMs) continue
      const key = reminderKey(measureId, transition, lead)
      // Shown means it fell due (the key holds the transition's instant): no need to compute when.
      if (shown.has(key)) {
        smallestDue ??= lead
        continue
      }
      const dueAtMs = reminderDueAtMs(transition, lead)
      if (dueAtMs > nowMs) continue
      smallestDue ??= lead
      out.push({
        key,
        measureId,
        title,
        transition,
        leadDays: lead,
        dueAtMs,
        missed: lastRunMs !== null && dueAtMs >= lastRunMs && nowMs - dueAtMs > LATE_TOLERANCE_MS,
        superseded: lead !== smallestDue,
      })
    }
  }
  return out.sort(compareReminders)
}

/**
 * When the next reminder falls due (the earliest due instant after now of a reminder not yet
 * shown), or null when none is scheduled. The caller sets one timer for it — clamped to
 * MAX_TIMER_DELAY_MS — and asks again when it fires or when the data changes.
 */
export function nextWakeMs(input: Omit<ScheduleInput, 'lastRunMs'>): number | null {
  const { nowMs, shown } = input
  const leads = normalizeLeadDays(input.leadDays)
  // L × 24 h estimates the due instant within CALENDAR_DRIFT_MS. Far ahead of now, a reminder cannot
  // have been shown yet (shown means due) and only the earliest ones need the exact instant;
  // near now, each one is checked exactly. Two passes, no sort: 10,000 measures in milliseconds.
  let earliestEstimate = Infinity
  let next = Infinity
  for (const { measureId, transition } of input.transitions) {
    if (transition.atMs <= nowMs) continue
    for (const lead of leads) {
      const estimateMs = transition.atMs - lead * DAY_MS
      if (estimateMs - CALENDAR_DRIFT_MS > nowMs) {
        if (estimateMs < earliestEstimate) earliestEstimate = estimateMs
      } else if (estimateMs + CALENDAR_DRIFT_MS > nowMs && !shown.has(reminderKey(measureId, transition, lead))) {
        const dueAtMs = reminderDueAtMs(transition, lead)
        if (dueAtMs > nowMs && dueAtMs < next) next = dueAtMs
      }
    }
  }
  if (earliestEstimate !== Infinity && earliestEstimate - CALENDAR_DRIFT_MS < next) {
    for (const { transition } of input.transitions) {
      if (transition.atMs <= nowMs) continue
      for (const lead of leads) {
        const estimateMs = transition.atMs - lead * DAY_MS
        if (
          estimateMs - CALENDAR_DRIFT_MS <= nowMs ||
          estimateMs - CALENDAR_DRIFT_MS >= next ||
          estimateMs - CALENDAR_DRIFT_MS > earliestEstimate + CALENDAR_DRIFT_MS
        )
          continue
        const dueAtMs = reminderDueAtMs(transition, lead)
        if (dueAtMs < next) next = dueAtMs
      }
    }
  }
  return next === Infinity ? null : next
}
