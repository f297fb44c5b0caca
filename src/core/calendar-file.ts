// The subscribable calendar file (issue 13): a host that has the store open (the Electron app, the
// browser host, the command line after a change) keeps the .ics file chosen in Settings up to date,
// so Thunderbird, Outlook or Apple Calendar can subscribe to it.
//
// - When: after every change the host learns of — its own mutations and other processes' commits,
//   the same notices that drive the page's live refresh — a short moment later, so a burst of
//   changes writes once; and again when the file would change by time alone (the export's
//   `refreshAt`: an alarm's moment passes and is left out, a cancellation's retention ends), at the
//   latest after a day.
// - How: the whole calendar (calendar.export, in the subscription's language) is written through
//   the one atomic writer (fs/atomic-write.ts: a private temporary file beside it, fsynced, then
//   renamed), so a calendar program reading the file at any moment gets the old file or the new
//   one, never a part. The same text is not written twice.
// - A failure to write (the folder is gone, no permission, the disk is full) is logged once per
//   message and tried again at the next change; Settings shows when the file was last written.
import { existsSync } from 'node:fs'
import { writeFileAtomically } from './fs/atomic-write.ts'
import { oneAtATime } from './one-at-a-time.ts'
import { DAY_MS, SECOND_MS } from '../shared/time-units.ts'
import type { CalendarFile, CalendarSubscription } from '../shared/api-views.ts'
import type { Service } from './service/index.ts'

type TimerHandle = unknown

export interface CalendarFileKeeperOptions {
  service: Pick<Service, 'call'>
  /** Default: writeFileAtomically. */
  write?: (path: string, content: string) => void
  nowMs?: () => number
  setTimeout?: (callback: () => void, ms: number) => TimerHandle
  clearTimeout?: (handle: TimerHandle) => void
  /** How long after a change the file is written (changes in quick succession write once). */
  delayMs?: number
  log?: (message: string) => void
}

export interface CalendarFileKeeper {
  /** Something changed (data, settings, or the computer woke up): the file is rewritten shortly. */
  changed(): void
  /** Writes the calendar to `path` now, in the subscription's language; rejects when it cannot. */
  writeTo(path: string): Promise<void>
  stop(): void
}

async function subscriptionOf(service: Pick<Service, 'call'>): Promise<CalendarSubscription> {
  const answer = await service.call('calendar.subscription', {})
  if (!answer.ok) throw new Error(`The calendar subscription could not be read: ${answer.error.message}`)
  return answer.value
}

async function calendarOf(service: Pick<Service, 'call'>, locale: CalendarSubscription['locale']): Promise<CalendarFile> {
  const answer = await service.call('calendar.export', { locale })
  if (!answer.ok) throw new Error(`The calendar could not be made: ${answer.error.message}`)
  return answer.value
}

/** Writes, or throws an Error whose `kind` tells one failure from another (its message names a random temporary file). */
function writeCalendar(write: (path: string, content: string) => void, path: string, content: string): void {
  try {
    write(path, content)
  } catch (error) {
    const cause = error as NodeJS.ErrnoException
    throw Object.assign(new Error(`The calendar file ${path} could not be written: ${cause.message}`), {
      kind: `${path}: ${cause.code ?? cause.message}`,
    })
  }
}

/**
 * Once, now, without timers: the command line after a command that changed something (the app and
 * the browser host have their keeper). Answers why the file could not be written, or null.
 */
export async function writeKeptCalendarOnce(
  service: Pick<Service, 'call'>,
  write: (path: string, content: string) => void = writeFileAtomically,
): Promise<string | null> {
  try {
    const { file: target, locale } = await subscriptionOf(service)
    if (target) writeCalendar(write, target.path, (await calendarOf(service, locale)).content)
    return null
  } catch (error) {
    return (error as Error).message
  }
}

export const DEFAULT_CALENDAR_FILE_DELAY_MS = 250
/** Rewritten at least this often, whatever refreshAt says (a clock moved, a day's retention ended). */
const LONGEST_WAIT_MS = DAY_MS
const SHORTEST_WAIT_MS = SECOND_MS

function unrefTimer(callback: () => void, ms: number): TimerHandle {
  const timer = setTimeout(callback, ms)
  timer.unref?.()
  return timer
}

export function createCalendarFileKeeper(options: CalendarFileKeeperOptions): CalendarFileKeeper {
  const { service } = options
  const write = options.write ?? writeFileAtomically
  const nowMs = options.nowMs ?? Date.now
  const schedule = options.setTimeout ?? unrefTimer
  const cancel = options.clearTimeout ?? ((handle: TimerHandle) => clearTimeout(handle as ReturnType<typeof setTimeout>))
  const delayMs = options.delayMs ?? DEFAULT_CALENDAR_FILE_DELAY_MS
  const log = options.log ?? (() => {})
  let soon: TimerHandle | null = null
  let later: TimerHandle | null = null
  let stopped = false
  let last: { path: string; content: string } | null = null
  let lastProblem: string | null = null

  /** Logs a problem unless it is the one logged last (`kind` tells them apart; messages name a random temporary file). */
  function problem(error: Error): void {
    const kind = (error as Error & { kind?: string }).kind ?? error.message
    if (kind === lastProblem) return
    lastProblem = kind
    log(error.message)
  }

  function put(path: string, content: string): void {
    if (last !== null && last.path === path && last.content === content && existsSync(path)) return
    writeCalendar(write, path, content)
    last = { path, content }
  }

  /** One refresh at a time: a change that arrives while the calendar is being made runs it again after. */
  const refreshing = oneAtATime(refreshNow, (error) => problem(error as Error))
  const refresh = (): void => refreshing.run()

  async function refreshNow(): Promise<void> {
    if (later !== null) cancel(later)
    later = null
    if (stopped) return
    let waitMs = LONGEST_WAIT_MS
    try {
      const { file: target, locale } = await subscriptionOf(service)
      if (!target || stopped) return
      const file = await calendarOf(service, locale)
      if (stopped) return
      if (file.refreshAt !== undefined) waitMs = Math.min(waitMs, Math.max(SHORTEST_WAIT_MS, Date.parse(file.refreshAt) - nowMs()))
      put(target.path, file.content)
      lastProblem = null
    } catch (error) {
      problem(error as Error)
    }
    later = schedule(refresh, waitMs)
  }

  return {
    changed() {
      if (stopped || soon !== null) return
      soon = schedule(() => {
        soon = null
        refresh()
      }, delayMs)
    },
    async writeTo(path) {
      put(path, (await calendarOf(service, (await subscriptionOf(service)).locale)).content)
    },
    stop() {
      stopped = true
      if (soon !== null) cancel(soon)
      if (later !== null) cancel(later)
      soon = later = null
    },
  }
}
