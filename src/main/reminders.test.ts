import { EventEmitter } from 'node:events'
import type { NotificationConstructorOptions } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openTempStore, type TempStore } from '../../test/helpers/temp-store.ts'
import { MAX_TIMER_DELAY_MS, reminderDueAtMs } from '../core/reminders/schedule.ts'
import type { DueReminder, DueReminders } from '../shared/api-views.ts'
import { fail, ok, type Result } from '../shared/result.ts'
import { epochMs, formatZoned, parseInstantInput } from '../shared/time.ts'
import type { CallableService } from './ipc.ts'
import { MIN_TIMER_DELAY_MS, createReminderScheduler, type NotificationConstructor, type ReminderSchedulerOptions } from './reminders.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR

class FakeNotification extends EventEmitter {
  static supported = true
  static shown: FakeNotification[] = []
  static isSupported() {
    return FakeNotification.supported
  }
  readonly options: NotificationConstructorOptions
  constructor(options: NotificationConstructorOptions) {
    super()
    this.options = options
  }
  show() {
    FakeNotification.shown.push(this)
  }
  click() {
    this.emit('click', {})
  }
}

/** setTimeout/clearTimeout on a clock the test moves. */
function fakeClock(startMs: number) {
  let nowMs = startMs
  let nextId = 0
  const timers = new Map<number, { atMs: number; delay: number; run: () => void }>()
  return {
    now: () => nowMs,
    set: (ms: number) => {
      nowMs = ms
    },
    setTimeout: (run: () => void, delay: number) => {
      nextId += 1
      timers.set(nextId, { atMs: nowMs + delay, delay, run })
      return nextId
    },
    clearTimeout: (handle: unknown) => {
      timers.delete(handle as number)
    },
    pending: () => [...timers.values()],
    /** Moves the clock to the earliest timer, runs it, and lets the look it starts finish. */
    fireNext: async () => {
      const [id, timer] = [...timers.entries()].sort((a, b) => a[1].atMs - b[1].atMs)[0] ?? []
      if (id === undefined || !timer) throw new Error('no timer pending')
      timers.delete(id)
      nowMs = Math.max(nowMs, timer.atMs)
      timer.run()
      await new Promise((resolve) => setImmediate(resolve))
    },
  }
}

beforeEach(() => {
  FakeNotification.supported = true
  FakeNotification.shown = []
})

describe('the reminder scheduler over the real service', () => {
  // One clock for the service and the timers, as in the app.
  let clock = fakeClock(Date.parse('2026-01-01T00:00:00Z'))
  let temp: TempStore
  beforeEach(async () => {
    clock = fakeClock(Date.parse('2026-01-01T00:00:00Z'))
    temp = await openTempStore({ seed: false, nowMs: () => clock.now() })
  })
  afterEach(() => temp.cleanup())

  const value = <T>(result: Result<T>): T => {
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
    return result.value
  }
  const NY = (date: string) => formatZoned(parseInstantInput(`${date}T00:01`, 'America/New_York'))
  /** Suspended until `end` 00:01 New York time. */
  const suspended = (title: string, end = '2026-11-10') => {
    const { id } = value(
      temp.store.core.call('measures.create', { facts: { title: { en: title }, imposer: 'US', target: 'CN', category: 'tariff' } }),
    )
    value(temp.store.core.call('events.record', { measureId: id, event: { kind: 'effective', at: NY('2025-04-09') } }))
    value(temp.store.core.call('events.record', { measureId: id, event: { kind: 'suspended', at: NY('2025-11-10'), until: NY(end) } }))
    const at = NY(end)
    return { id, transition: { at, atMs: epochMs(at) } }
  }

  const scheduler = (extra: Partial<ReminderSchedulerOptions> = {}) => {
    const onOpenMeasure = vi.fn()
    const onOpenBoard = vi.fn()
    const calls: { method: string; input: unknown }[] = []
    const service: CallableService = {
      call: (method, input) => {
        calls.push({ method, input })
        return temp.store.service.call(method, input)
      },
    }
    const s = createReminderScheduler({
      service,
      Notification: FakeNotification as unknown as NotificationConstructor,
      now: clock.now,
      setTimeout: clock.setTimeout,
      clearTimeout: clock.clearTimeout,
      locale: () => 'en',
      onOpenMeasure,
      onOpenBoard,
      ...extra,
    })
    return { s, onOpenMeasure, onOpenBoard, calls }
  }

  it('shows a reminder once across two checks, the superseded leads recorded but not shown', async () => {
    const { transition } = suspended('Reciprocal tariff')
    clock.set(reminderDueAtMs(transition, 7) + HOUR)
    const { s } = scheduler()
    expect(await s.start()).toMatchObject({ state: 'checked', notifications: 1, summary: false, recorded: 3 })
    expect(FakeNotification.shown).toHaveLength(1)
    expect(FakeNotification.shown[0]!.options.title).toBe('Suspension ends in 7 days')
    expect(FakeNotification.shown[0]!.options.body).toContain('Reciprocal tariff')
    expect(await s.check()).toMatchObject({ state: 'checked', notifications: 0, recorded: 0 })
    expect(FakeNotification.shown).toHaveLength(1)
    expect(value(temp.store.core.call('reminders.due', {})).reminders).toEqual([])
  })

  it('arms one timer for the next reminder and shows it when the timer fires', async () => {
    const { transition } = suspended('Port fees')
    clock.set(reminderDueAtMs(transition, 7) + HOUR)
    const { s } = scheduler()
    await s.start()
    expect(clock.pending().map((t) => t.atMs)).toEqual([reminderDueAtMs(transition, 1)])
    await clock.fireNext()
    expect(FakeNotification.shown.map((n) => n.options.title)).toEqual(['Suspension ends in 7 days', 'Suspension ends in 1 day'])
    // Nothing more ahead: the transition itself has no lead-0 reminder by default.
    expect(clock.pending()).toEqual([])
  })

  it('marks what fell due while the app was closed as missed, and records it as missed', async () => {
    const { transition } = suspended('Export controls')
    clock.set(reminderDueAtMs(transition, 7) + HOUR)
    const first = scheduler()
    await first.s.start()
    first.s.stop()
    // The app is closed through the 1-day lead; it starts again 6 hours after it.
    clock.set(reminderDueAtMs(transition, 1) + 6 * HOUR)
    const second = scheduler()
    await second.s.start()
    const last = FakeNotification.shown.at(-1)!
    expect(last.options.title).toBe('Missed while closed: Suspension ends in 18 hours')
    const marks = second.calls.filter((c) => c.method === 'reminders.markShown').map((c) => c.input)
    expect(marks).toEqual([
      { keys: [expect.stringMatching(/\|1$/)], missed: true },
      { keys: [], missed: false },
    ])
    const rows = temp.store.core.context.db.prepare('SELECT lead_days, missed FROM reminders_shown ORDER BY lead_days').all()
    expect(rows).toEqual([
      { lead_days: 1, missed: 1 },
      { lead_days: 7, missed: 0 },
      { lead_days: 30, missed: 0 },
      { lead_days: 90, missed: 0 },
    ])
  })

  it('looks again after a change: a measure recorded meanwhile is reminded of, and its click opens it', async () => {
    clock.set(Date.parse('2026-11-01T12:00:00Z'))
    const { s, onOpenMeasure } = scheduler()
    expect(await s.start()).toMatchObject({ notifications: 0, wakeAtMs: null })
    const { id } = suspended('Rare earths', '2026-11-02')
    s.dataChanged()
    s.dataChanged()
    expect(clock.pending()).toHaveLength(1)
    await clock.fireNext()
    expect(FakeNotification.shown).toHaveLength(1)
    expect(FakeNotification.shown[0]!.options.title).toMatch(/^Suspension ends in \d+ hours$/)
    FakeNotification.shown[0]!.click()
    expect(onOpenMeasure).toHaveBeenCalledWith(id)
  })
})

describe('the reminder scheduler (fake service)', () => {
  const NOW = Date.parse('2026-11-03T05:01:00Z')

  function reminder(n: number, extra: Partial<DueReminder> = {}): DueReminder {
    const at = '2026-11-10T00:01:00-05:00[America/New_York]'
    return {
      key: `m${n}|suspension_end|${at}|7`,
      measureId: `m${n}`,
      title: { en: `Measure ${n}`, 'zh-Hant': `措施 ${n}` },
      transition: { kind: 'suspension_end', at, atMs: Date.parse('2026-11-10T05:01:00Z'), eventId: `e${n}` } as DueReminder['transition'],
      leadDays: 7,
      dueAtMs: NOW - HOUR,
      missed: false,
      superseded: false,
      ...extra,
    }
  }

  function fakeService(answers: Partial<DueReminders> | Result<never> = {}) {
    const due: Result<DueReminders> =
      'ok' in answers ? answers : ok({ nowMs: NOW, reminders: [], nextWakeMs: null, ...(answers as Partial<DueReminders>) })
    const call = vi.fn(async (method: string, input: unknown): Promise<Result<unknown>> => {
      if (method === 'reminders.due') return due
      if (method === 'reminders.markShown') return ok({ recorded: (input as { keys: string[] }).keys.length, lastRunMs: NOW })
      return fail('NOT_FOUND', method)
    })
    return { call }
  }

  const setup = (service: CallableService, extra: Partial<ReminderSchedulerOptions> = {}) => {
    const clock = fakeClock(NOW)
    const onOpenMeasure = vi.fn()
    const onOpenBoard = vi.fn()
    const log = vi.fn()
    const s = createReminderScheduler({
      service,
      Notification: FakeNotification as unknown as NotificationConstructor,
      now: clock.now,
      setTimeout: clock.setTimeout,
      clearTimeout: clock.clearTimeout,
      locale: () => 'zh-Hant',
      onOpenMeasure,
      onOpenBoard,
      log,
      ...extra,
    })
    return { s, clock, onOpenMeasure, onOpenBoard, log }
  }
  const marks = (service: ReturnType<typeof fakeService>) =>
    service.call.mock.calls.filter(([method]) => method === 'reminders.markShown').map(([, input]) => input)

  it('shows each reminder that is not superseded, in the app language, and opens its measure on click', async () => {
    const service = fakeService({ reminders: [reminder(1), reminder(2, { superseded: true }), reminder(3)] })
    const { s, onOpenMeasure } = setup(service)
    expect(await s.start()).toMatchObject({ notifications: 2, summary: false, recorded: 3 })
    expect(FakeNotification.shown.map((n) => n.options.body)).toEqual([
      expect.stringContaining('措施 1'),
      expect.stringContaining('措施 3'),
    ])
    expect(FakeNotification.shown[0]!.options.title).toBe('暫停期滿：7 天後')
    FakeNotification.shown[1]!.click()
    expect(onOpenMeasure).toHaveBeenCalledWith('m3')
    expect(marks(service)).toEqual([
      { keys: ['m1|suspension_end|2026-11-10T00:01:00-05:00[America/New_York]|7', expect.any(String), expect.any(String)], missed: false },
    ])
  })

  it('flags missed reminders in their text and records them in a call of their own', async () => {
    const service = fakeService({ reminders: [reminder(1, { missed: true }), reminder(2)] })
    const { s } = setup(service, { locale: () => 'en' })
    await s.start()
    expect(FakeNotification.shown.map((n) => n.options.title)).toEqual([
      'Missed while closed: Suspension ends in 7 days',
      'Suspension ends in 7 days',
    ])
    expect(marks(service)).toEqual([
      { keys: [reminder(1).key], missed: true },
      { keys: [reminder(2).key], missed: false },
    ])
  })

  it('records the check even when nothing is due', async () => {
    const service = fakeService()
    await setup(service).s.start()
    expect(marks(service)).toEqual([{ keys: [], missed: false }])
    expect(FakeNotification.shown).toEqual([])
  })

  it('shows five reminders separately, and six as one summary that opens the board', async () => {
    const five = fakeService({ reminders: [1, 2, 3, 4, 5].map((n) => reminder(n)) })
    expect(await setup(five).s.start()).toMatchObject({ notifications: 5, summary: false })
    FakeNotification.shown = []

    const six = fakeService({
      reminders: [1, 2, 3, 4, 5, 6].map((n) => reminder(n, { missed: n > 3 })).concat([reminder(7, { superseded: true })]),
    })
    const { s, onOpenBoard, onOpenMeasure } = setup(six, { locale: () => 'en' })
    expect(await s.start()).toMatchObject({ notifications: 1, summary: true, recorded: 7 })
    expect(FakeNotification.shown).toHaveLength(1)
    const summary = FakeNotification.shown[0]!
    expect(summary.options.title).toBe('6 reminders, some missed while closed')
    expect(summary.options.body!.split('\n')).toHaveLength(6) // five lines and "and 1 more"
    expect(summary.options.body).toContain('and 1 more')
    summary.click()
    expect(onOpenBoard).toHaveBeenCalledTimes(1)
    expect(onOpenMeasure).not.toHaveBeenCalled()
    expect(marks(six)).toEqual([
      { keys: [4, 5, 6].map((n) => reminder(n).key), missed: true },
      { keys: [1, 2, 3, 7].map((n) => reminder(n).key), missed: false },
    ])
  })

  it('arms one timer for nextWakeMs, clamped to what setTimeout can wait', async () => {
    const soon = setup(fakeService({ nextWakeMs: NOW + 90 * 60_000 }))
    expect((await soon.s.start()).wakeAtMs).toBe(NOW + 90 * 60_000)
    expect(soon.clock.pending().map((t) => t.delay)).toEqual([90 * 60_000])

    const far = setup(fakeService({ nextWakeMs: NOW + 400 * DAY }))
    await far.s.start()
    expect(far.clock.pending().map((t) => t.delay)).toEqual([MAX_TIMER_DELAY_MS])

    const past = setup(fakeService({ nextWakeMs: NOW - 5_000 }))
    await past.s.start()
    expect(past.clock.pending().map((t) => t.delay)).toEqual([MIN_TIMER_DELAY_MS])

    const none = setup(fakeService({ nextWakeMs: null }))
    expect((await none.s.start()).wakeAtMs).toBeNull()
    expect(none.clock.pending()).toEqual([])
  })

  it('keeps a single timer however often it looks', async () => {
    const { s, clock } = setup(fakeService({ nextWakeMs: NOW + DAY }))
    await s.start()
    await s.check()
    await s.check()
    expect(clock.pending()).toHaveLength(1)
    await clock.fireNext()
    expect(clock.pending()).toHaveLength(1)
  })

  it('debounces changes into one look, and only once started', async () => {
    const service = fakeService()
    const { s, clock } = setup(service)
    s.dataChanged()
    expect(clock.pending()).toEqual([])
    await s.start()
    const looks = () => service.call.mock.calls.filter(([method]) => method === 'reminders.due').length
    expect(looks()).toBe(1)
    s.dataChanged()
    s.dataChanged()
    s.dataChanged()
    expect(clock.pending()).toHaveLength(1)
    await clock.fireNext()
    expect(looks()).toBe(2)
  })

  it('does nothing without system notifications — nothing asked, nothing recorded — and tries again later', async () => {
    FakeNotification.supported = false
    const service = fakeService({ reminders: [reminder(1)] })
    const { s, clock, log } = setup(service)
    expect(await s.start()).toMatchObject({ state: 'unsupported', notifications: 0 })
    expect(service.call).not.toHaveBeenCalled()
    expect(log).toHaveBeenCalledTimes(1)
    expect(clock.pending()).toHaveLength(1)
    FakeNotification.supported = true
    await clock.fireNext()
    expect(FakeNotification.shown).toHaveLength(1)
    expect(marks(service)).toHaveLength(1)
  })

  it('tries again later when the service fails, and survives a malformed answer', async () => {
    const failing = setup(fakeService(fail('STORAGE', 'database is locked')))
    expect(await failing.s.start()).toMatchObject({ state: 'failed' })
    expect(failing.clock.pending()).toHaveLength(1)
    expect(failing.log).toHaveBeenCalledWith(expect.stringContaining('database is locked'))

    const odd = setup({ call: async () => ok({ fake: true }) })
    expect(await odd.s.start()).toMatchObject({ state: 'failed' })

    const throwing = setup({
      call: () => {
        throw new Error('database is closed')
      },
    })
    expect(await throwing.s.start()).toMatchObject({ state: 'failed' })
    expect(throwing.clock.pending()).toHaveLength(1)
  })

  it('still records reminders when showing one throws, and keeps going', async () => {
    class Broken extends FakeNotification {
      override show(): void {
        throw new Error('no notification server')
      }
    }
    const service = fakeService({ reminders: [reminder(1)] })
    const { s, log } = setup(service, { Notification: Broken as unknown as NotificationConstructor })
    expect(await s.start()).toMatchObject({ state: 'checked', recorded: 1 })
    expect(log).toHaveBeenCalledWith(expect.stringContaining('no notification server'))
  })

  it('stops: no timers left, later looks do nothing', async () => {
    const service = fakeService({ nextWakeMs: NOW + DAY })
    const { s, clock } = setup(service)
    await s.start()
    s.dataChanged()
    expect(clock.pending()).toHaveLength(2)
    s.stop()
    expect(clock.pending()).toEqual([])
    expect(await s.check()).toMatchObject({ state: 'stopped' })
    s.dataChanged()
    expect(clock.pending()).toEqual([])
  })
})
