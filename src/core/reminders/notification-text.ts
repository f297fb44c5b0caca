// What a reminder notification says, in the user's language: pure, so the Electron main process
// only passes the result to `new Notification(...)`.
//   title: "Suspension ends in 7 days"       (missed: "Missed while closed: Suspension ends in 5 days")
//   body:  "<measure title> — 10 Nov 2026, 00:01 EST"   (the instant on its legal wall clock)
// The time left is counted from now, not from the lead time: a reminder shown late (the app was
// closed, or the transition was recorded after its lead time) still says how long is really left.
import type { DueReminder } from '../../shared/api-views.ts'
import type { Locale, TransitionKind } from '../../shared/domain.ts'
import { formatInstant, zoneOf } from '../../shared/format.ts'
import { translatePlural } from '../../shared/i18n/plural.ts'
import { translate } from '../../shared/i18n/translate.ts'
import { localizedText } from '../../shared/localized.ts'
import { Temporal, parseZoned } from '../../shared/time.ts'
import { HOUR_MS, MINUTE_MS } from '../../shared/time-units.ts'

export type TimeLeft = { unit: 'days' | 'hours' | 'minutes'; count: number } | { unit: 'now' }

/** From this much on, whole days are counted (rounded on the legal wall clock). */
const DAYS_FROM_MS = 20 * HOUR_MS

/** Time left until `at` from `nowMs`: calendar days on the transition's wall clock, else hours, else minutes. */
export function timeLeft(transition: { at: string; atMs: number }, nowMs: number): TimeLeft {
  const remainingMs = transition.atMs - nowMs
  if (remainingMs >= DAYS_FROM_MS) {
    const at = parseZoned(transition.at)
    const now = Temporal.Instant.fromEpochMilliseconds(nowMs).toZonedDateTimeISO(at.timeZoneId)
    const days = now.until(at, { largestUnit: 'days', smallestUnit: 'days', roundingMode: 'halfExpand' }).days
    return { unit: 'days', count: Math.max(1, days) }
  }
  const hours = Math.round(remainingMs / HOUR_MS)
  if (hours >= 1) return { unit: 'hours', count: hours }
  const minutes = Math.round(remainingMs / MINUTE_MS)
  if (minutes >= 1) return { unit: 'minutes', count: minutes }
  return { unit: 'now' }
}

/** "Suspension ends in 7 days", "Takes effect in 1 hour", "Suspension ends now". */
export function reminderPhrase(kind: TransitionKind, left: TimeLeft, locale: Locale): string {
  const label = translate(locale, `eventKind.${kind}`)
  if (left.unit === 'now') return translate(locale, 'reminder.in.now', { kind: label })
  return translatePlural(locale, `reminder.in.${left.unit}`, left.count, { kind: label })
}

export interface NotificationText {
  title: string
  body: string
}

export function notificationText(reminder: DueReminder, locale: Locale, nowMs: number): NotificationText {
  const { transition } = reminder
  const phrase = reminderPhrase(transition.kind, timeLeft(transition, nowMs), locale)
  return {
    title: reminder.missed ? translate(locale, 'reminder.missed', { text: phrase }) : phrase,
    body: translate(locale, 'reminder.body', {
      title: localizedText(reminder.title, locale),
      at: formatInstant(transition.atMs, zoneOf(transition.at), locale),
    }),
  }
}

/**
 * One notification for many reminders at once (e.g. the first start), so the screen is not
 * flooded: "3 deadlines ahead", and one line per reminder (the first `max`, then "and 2 more").
 */
export function summaryNotificationText(reminders: readonly DueReminder[], locale: Locale, nowMs: number, max = 5): NotificationText {
  const shown = reminders.slice(0, max).map((r) => {
    const { title } = notificationText(r, locale, nowMs)
    return `${title} — ${localizedText(r.title, locale)}`
  })
  if (reminders.length > max) shown.push(translate(locale, 'reminder.more', { count: reminders.length - max }))
  const missed = reminders.some((r) => r.missed)
  return {
    title: translatePlural(locale, missed ? 'reminder.summaryMissed' : 'reminder.summary', reminders.length),
    body: shown.join('\n'),
  }
}
