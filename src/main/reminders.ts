// Reminders as system notifications. The schedule itself is core's (reminders.due over the pure
// core/reminders/schedule.ts); this is the loop around it in the main process:
//
// - check(): ask reminders.due; show each reminder not superseded as a notification (text from
//   core/reminders/notification-text.ts, in the app's language; a missed one says so); record
//   them all with reminders.markShown — the missed ones in a call of their own with missed:true,
//   the rest in a last call made after *every* check, even with no keys, so the service knows
//   when the app last looked (what falls due after that while the app is closed is "missed").
// - More than `maxSeparate` (5) at once — the first start after a long absence — is one summary
//   notification instead of a flood; clicking it opens the board. Clicking a single reminder
//   opens its measure.
// - One timer, for nextWakeMs (clamped to MAX_TIMER_DELAY_MS, about 24.8 days: longer delays
//   overflow setTimeout and fire at once). dataChanged() — another process wrote, the page made a
//   change, the computer woke up — looks again shortly after (debounced), since a new event, an
//   extension or new lead times change what is due and when.
// - Notification.isSupported() false (e.g. Linux without a notification service): nothing is
//   asked or recorded, and it tries again every `retryMs`. Recording reminders nobody saw would
//   lose them; left unrecorded, they appear — marked missed — once notifications work.
// - A notification that the system drops after show() is still recorded: showing it again at
//   every check would be worse than showing it once.
//
// Every Electron object comes in as a parameter, so this is unit-tested with fakes.
import type { Notification, NotificationConstructorOptions } from 'electron'
import { notificationText, summaryNotificationText } from '../core/reminders/notification-text.ts'
import { MAX_TIMER_DELAY_MS } from '../core/reminders/schedule.ts'
import type { DueReminder, DueReminders } from '../shared/api-views.ts'
import type { Locale } from '../shared/domain.ts'
import { MINUTE_MS } from '../shared/time-units.ts'
import type { CallableService } from './ipc.ts'

export type NotificationLike = Pick<Notification, 'show' | 'on'>
export interface NotificationConstructor {
  new (options: NotificationConstructorOptions): NotificationLike
  isSupported(): boolean
}

export interface ReminderSchedulerOptions {
  service: CallableService
  Notification: NotificationConstructor
  now: () => number
  setTimeout: (callback: () => void, ms: number) => unknown
  clearTimeout: (handle: unknown) => void
  /** The language of the notifications (read at each check). */
  locale: () => Locale
  /** A reminder was clicked: show the window with this measure. */
  onOpenMeasure: (measureId: string) => void
  /** The summary was clicked: show the window with the board. */
  onOpenBoard: () => void
  /** More reminders than this at once become one summary notification. */
  maxSeparate?: number
  /** How long after a change to look again (changes come in bursts). */
  debounceMs?: number
  /** How long to wait after a failed check, or while notifications are unsupported. */
  retryMs?: number
  icon?: string
  log?: (message: string) => void
}

export interface CheckOutcome {
  /** 'checked', or why nothing was looked at. */
  state: 'checked' | 'stopped' | 'unsupported' | 'failed'
  /** Notifications shown (a summary counts as one). */
  notifications: number
  summary: boolean
  /** Keys recorded as shown (superseded ones included). */
  recorded: number
  /** When the timer fires next, or null when none is armed. */
  wakeAtMs: number | null
}

export interface ReminderScheduler {
  /** The first check; until then dataChanged() does nothing. */
  start(): Promise<CheckOutcome>
  /** Looks now (after a look already under way: one at a time, so nothing is shown twice). */
  check(): Promise<CheckOutcome>
  /** Looks again shortly (debounced). */
  dataChanged(): void
  /** Clears the timers; later calls do nothing. */
  stop(): void
}

export const MAX_SEPARATE_NOTIFICATIONS = 5
export const DEBOUNCE_MS = 500
export const RETRY_MS = 15 * MINUTE_MS
/** Never wake sooner than this after a check (the clock of the service and ours may differ a little). */
export const MIN_TIMER_DELAY_MS = 1_000
/** markShown takes at most this many keys per call. */
const MARK_BATCH = 10_000
/** Notifications kept referenced so their click still arrives (Electron drops the events of a collected one). */
const MAX_LIVE_NOTIFICATIONS = 100

export function createReminderScheduler(options: ReminderSchedulerOptions): ReminderScheduler {
  const { service, Notification, now, locale, log = () => {} } = options
  const maxSeparate = options.maxSeparate ?? MAX_SEPARATE_NOTIFICATIONS
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS
  const retryMs = options.retryMs ?? RETRY_MS
  let started = false
  let stopped = false
  let wakeTimer: unknown = null
  let wakeAtMs: number | null = null
  let debounceTimer: unknown = null
  let warnedUnsupported = false
  const live = new Set<NotificationLike>()

  const clearWake = () => {
    if (wakeTimer !== null) options.clearTimeout(wakeTimer)
    wakeTimer = null
    wakeAtMs = null
  }
  const armAt = (atMs: number | null) => {
    clearWake()
    if (atMs === null || stopped) return
    const delay = Math.min(Math.max(atMs - now(), MIN_TIMER_DELAY_MS), MAX_TIMER_DELAY_MS)
    wakeAtMs = now() + delay
    wakeTimer = options.setTimeout(() => {
      wakeTimer = null
      wakeAtMs = null
      checkLater()
    }, delay)
  }
  const outcome = (state: CheckOutcome['state'], notifications = 0, summary = false, recorded = 0): CheckOutcome => ({
    state,
    notifications,
    summary,
    recorded,
    wakeAtMs,
  })

  const show = (title: string, body: string, onClick: () => void) => {
    const notification = new Notification({ title, body, ...(options.icon ? { icon: options.icon } : {}) })
    const forget = () => live.delete(notification)
    notification.on('click', () => {
      forget()
      try {
        onClick()
      } catch (error) {
        log(`Opening a reminder failed: ${messageOf(error)}`)
      }
    })
    notification.on('close', forget)
    notification.on('failed', (_event, error) => {
      forget()
      log(`A reminder notification failed: ${error}`)
    })
    live.add(notification)
    if (live.size > MAX_LIVE_NOTIFICATIONS) live.delete(live.values().next().value!)
    notification.show()
  }

  const markShown = async (keys: readonly string[], missed: boolean, always: boolean): Promise<number> => {
    let recorded = 0
    if (keys.length === 0 && !always) return 0
    for (let start = 0; start === 0 || start < keys.length; start += MARK_BATCH) {
      const result = await service.call('reminders.markShown', { keys: keys.slice(start, start + MARK_BATCH), missed })
      if (!result.ok) {
        log(`Could not record the reminders shown: ${result.error.message}`)
        return recorded
      }
      recorded += (result.value as { recorded: number }).recorded
    }
    return recorded
  }

  // Looks run one after another: two at once would both show what is due before either marked it.
  let queue: Promise<unknown> = Promise.resolve()
  function check(): Promise<CheckOutcome> {
    const next = queue.then(checkOnce)
    queue = next
    return next
  }
  /** From a timer: nobody waits for the outcome (checkOnce never rejects). */
  function checkLater(): void {
    check().catch((error: unknown) => log(`Checking the reminders failed: ${messageOf(error)}`))
  }

  /** Never rejects: whatever goes wrong, the loop goes on (a look again after `retryMs`). */
  async function checkOnce(): Promise<CheckOutcome> {
    try {
      return await look()
    } catch (error) {
      log(`Checking the reminders failed: ${messageOf(error)}`)
      armAt(now() + retryMs)
      return outcome('failed')
    }
  }

  async function look(): Promise<CheckOutcome> {
    if (stopped) return outcome('stopped')
    if (debounceTimer !== null) {
      options.clearTimeout(debounceTimer)
      debounceTimer = null
    }
    let supported: boolean
    try {
      supported = Notification.isSupported()
    } catch {
      supported = false
    }
    if (!supported) {
      if (!warnedUnsupported) log('System notifications are not available: reminders wait until they are.')
      warnedUnsupported = true
      armAt(now() + retryMs)
      return outcome('unsupported')
    }
    const due = await service.call('reminders.due', {})
    if (stopped) return outcome('stopped')
    if (!due.ok) {
      log(`Could not read the reminders due: ${due.error.message}`)
      armAt(now() + retryMs)
      return outcome('failed')
    }
    const value = due.value as DueReminders
    if (!Array.isArray(value?.reminders) || typeof value.nowMs !== 'number') {
      log('reminders.due answered something that is not a list of reminders.')
      armAt(now() + retryMs)
      return outcome('failed')
    }
    const { reminders, nowMs, nextWakeMs } = value
    const toShow = reminders.filter((reminder) => !reminder.superseded)
    const language = locale()
    let notifications = 0
    const summary = toShow.length > maxSeparate
    try {
      if (summary) {
        const text = summaryNotificationText(toShow, language, nowMs, maxSeparate)
        show(text.title, text.body, options.onOpenBoard)
        notifications = 1
      } else {
        for (const reminder of toShow) {
          const text = notificationText(reminder, language, nowMs)
          const id = reminder.measureId
          show(text.title, text.body, () => options.onOpenMeasure(id))
          notifications += 1
        }
      }
    } catch (error) {
      log(`A reminder could not be shown: ${messageOf(error)}`)
    }
    const missed = keysOf(reminders.filter((reminder) => reminder.missed))
    const onTime = keysOf(reminders.filter((reminder) => !reminder.missed))
    const recorded = (await markShown(missed, true, false)) + (await markShown(onTime, false, true))
    armAt(nextWakeMs)
    return outcome('checked', notifications, summary, recorded)
  }

  return {
    start() {
      started = true
      return check()
    },
    check,
    dataChanged() {
      if (!started || stopped) return
      if (debounceTimer !== null) options.clearTimeout(debounceTimer)
      debounceTimer = options.setTimeout(() => {
        debounceTimer = null
        checkLater()
      }, debounceMs)
    },
    stop() {
      stopped = true
      clearWake()
      if (debounceTimer !== null) options.clearTimeout(debounceTimer)
      debounceTimer = null
      live.clear()
    },
  }
}

function keysOf(reminders: readonly DueReminder[]): string[] {
  return reminders.map((reminder) => reminder.key)
}

function messageOf(error: unknown): string {
  return (error as Error | undefined)?.message ?? String(error)
}
