import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { Transition, TransitionKind } from '../../shared/domain.ts'
import { Temporal, epochMs, formatZoned } from '../../shared/time.ts'
import {
  AT_TRANSITION_GRACE_MS,
  DEFAULT_LEAD_DAYS,
  LATE_TOLERANCE_MS,
  dueReminders,
  nextWakeMs,
  normalizeLeadDays,
  parseReminderKey,
  reminderDueAtMs,
  reminderKey,
  type ScheduleInput,
  type ScheduledTransition,
} from './schedule.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR

function transition(at: string, kind: TransitionKind = 'suspension_end', eventId = 'ev-1'): Transition {
  return { kind, at, atMs: epochMs(at), eventId }
}

function scheduled(measureId: string, at: string, kind: TransitionKind = 'suspension_end'): ScheduledTransition {
  return { measureId, title: { en: `Measure ${measureId}` }, transition: transition(at, kind) }
}

/** 00:01 on a wall-clock date in New York, with whatever offset that date has. */
const NY = (date: string, time = '00:01') => formatZoned(Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime('America/New_York'))
const ms = (iso: string) => Date.parse(iso)

// The seeded truce: suspensions end at 12:01 a.m. eastern time on 10 Nov 2026 (EST; DST ended 1 Nov).
const END = NY('2026-11-10')
const endMs = epochMs(END)

function input(overrides: Partial<ScheduleInput>): ScheduleInput {
  return {
    nowMs: 0,
    transitions: [scheduled('m1', END)],
    leadDays: [...DEFAULT_LEAD_DAYS],
    shown: new Set(),
    lastRunMs: null,
    ...overrides,
  }
}

const keys = (list: { key: string }[]) => list.map((r) => r.key)

describe('when a reminder falls due', () => {
  it('counts calendar days on the legal wall clock, across a DST change', () => {
    expect(END).toBe('2026-11-10T00:01:00-05:00[America/New_York]')
    // 7 days before: 3 Nov 00:01 EST — both sides in EST, exactly 7 × 24 h.
    expect(reminderDueAtMs(transition(END), 7)).toBe(ms('2026-11-03T05:01:00Z'))
    // 30 days before: 11 Oct 00:01 EDT — DST ended in between, so 30 × 24 h + 1 h.
    expect(reminderDueAtMs(transition(END), 30)).toBe(ms('2026-10-11T04:01:00Z'))
    expect(endMs - reminderDueAtMs(transition(END), 30)).toBe(30 * DAY + HOUR)
    // Spring forward: 7 days before 10 Mar 2026 00:01 EDT is 3 Mar 00:01 EST: 7 × 24 h − 1 h.
    const spring = transition(NY('2026-03-10'))
    expect(spring.at).toBe('2026-03-10T00:01:00-04:00[America/New_York]')
    expect(spring.atMs - reminderDueAtMs(spring, 7)).toBe(7 * DAY - HOUR)
    // Beijing time has no DST: always whole multiples of 24 h.
    const beijing = transition('2026-11-10T13:01:00+08:00[Asia/Shanghai]')
    expect(beijing.atMs - reminderDueAtMs(beijing, 90)).toBe(90 * DAY)
    // Lead 0 is the transition itself.
    expect(reminderDueAtMs(spring, 0)).toBe(spring.atMs)
  })

  it('lands on the later time when the wall-clock time does not exist that day', () => {
    // 02:30 on 8 Mar 2026 does not exist in New York (clocks jump 02:00 → 03:00).
    const t = transition(NY('2026-03-15', '02:30'))
    expect(reminderDueAtMs(t, 7)).toBe(ms('2026-03-08T07:30:00Z'))
  })

  it('shows nothing before the due instant, and shows it at the instant itself, on time', () => {
    const due7 = reminderDueAtMs(transition(END), 7)
    expect(
      dueReminders(input({ nowMs: due7 - 1, shown: new Set(['m1|suspension_end|' + END + '|30', `m1|suspension_end|${END}|90`]) })),
    ).toEqual([])
    const [reminder, ...rest] = dueReminders(input({ nowMs: due7, lastRunMs: due7 - 1, leadDays: [7] }))
    expect(rest).toEqual([])
    expect(reminder).toEqual({
      key: `m1|suspension_end|${END}|7`,
      measureId: 'm1',
      title: { en: 'Measure m1' },
      transition: transition(END),
      leadDays: 7,
      dueAtMs: due7,
      missed: false,
      superseded: false,
    })
  })

  it('treats a timer that fires a little late as on time, and a long sleep as missed', () => {
    const due7 = reminderDueAtMs(transition(END), 7)
    const lastRunMs = due7 - DAY
    const late = (delay: number) => dueReminders(input({ nowMs: due7 + delay, lastRunMs, leadDays: [7] }))[0]?.missed
    expect(late(3_000)).toBe(false)
    expect(late(LATE_TOLERANCE_MS)).toBe(false)
    expect(late(LATE_TOLERANCE_MS + 1)).toBe(true)
    expect(late(2 * DAY)).toBe(true)
  })
})

describe('what is shown', () => {
  it('shows only the most specific lead when the app was closed across several', () => {
    const due90 = reminderDueAtMs(transition(END), 90)
    const due7 = reminderDueAtMs(transition(END), 7)
    const due1 = reminderDueAtMs(transition(END), 1)
    // The app last checked before the 90-day reminder, and opens again between the 7- and 1-day ones.
    const now = due7 + 2 * DAY
    expect(now).toBeLessThan(due1)
    const list = dueReminders(input({ nowMs: now, lastRunMs: due90 - DAY }))
    expect(list.map((r) => [r.leadDays, r.superseded, r.missed])).toEqual([
      [90, true, true],
      [30, true, true],
      [7, false, true],
    ])
    expect(list.filter((r) => !r.superseded)).toHaveLength(1)
  })

  it('is idempotent: what was recorded never comes back, and the next lead comes in its turn', () => {
    const due1 = reminderDueAtMs(transition(END), 1)
    const now = reminderDueAtMs(transition(END), 7) + HOUR
    const first = dueReminders(input({ nowMs: now, lastRunMs: now - 100 * DAY }))
    expect(first.map((r) => r.leadDays)).toEqual([90, 30, 7])
    const shown = new Set(keys(first))
    expect(dueReminders(input({ nowMs: now, lastRunMs: now, shown }))).toEqual([])
    expect(dueReminders(input({ nowMs: now + DAY, lastRunMs: now, shown }))).toEqual([])
    expect(nextWakeMs(input({ nowMs: now, shown }))).toBe(due1)
    const next = dueReminders(input({ nowMs: due1, lastRunMs: now, shown }))
    expect(next.map((r) => [r.leadDays, r.superseded, r.missed])).toEqual([[1, false, false]])
    shown.add(next[0]!.key)
    expect(dueReminders(input({ nowMs: due1 + HOUR, lastRunMs: due1, shown }))).toEqual([])
    expect(nextWakeMs(input({ nowMs: due1, shown }))).toBeNull()
  })

  it('drops reminders of a transition that has passed (Needs review takes over)', () => {
    expect(dueReminders(input({ nowMs: endMs, lastRunMs: endMs - 200 * DAY }))).toEqual([])
    expect(dueReminders(input({ nowMs: endMs + 5 * DAY }))).toEqual([])
    expect(nextWakeMs(input({ nowMs: endMs }))).toBeNull()
  })

  it('shows a lead of 0 at the transition, up to the grace period after it', () => {
    const at0 = input({ leadDays: [0, 1], lastRunMs: endMs - HOUR })
    expect(nextWakeMs({ ...at0, nowMs: endMs - 10 * HOUR, shown: new Set([`m1|suspension_end|${END}|1`]) })).toBe(endMs)
    const onTime = dueReminders({ ...at0, nowMs: endMs + 2_000 })
    // At the transition the 1-day reminder can no longer be shown; the 0-day one is.
    expect(onTime.map((r) => [r.leadDays, r.superseded, r.missed])).toEqual([[0, false, false]])
    expect(dueReminders({ ...at0, nowMs: endMs + AT_TRANSITION_GRACE_MS - 1 }).map((r) => r.missed)).toEqual([true])
    expect(dueReminders({ ...at0, nowMs: endMs + AT_TRANSITION_GRACE_MS })).toEqual([])
  })

  it('does not call anything missed before the first check ever', () => {
    const list = dueReminders(input({ nowMs: reminderDueAtMs(transition(END), 7) + 3 * DAY, lastRunMs: null }))
    expect(list.map((r) => [r.leadDays, r.superseded, r.missed])).toEqual([
      [90, true, false],
      [30, true, false],
      [7, false, false],
    ])
  })

  it('does not call missed what fell due before the last check (the transition was recorded since)', () => {
    // The app ran all along; today someone records a suspension ending in 5 days.
    const now = endMs - 5 * DAY
    const list = dueReminders(input({ nowMs: now, lastRunMs: now - 60_000 }))
    expect(list.map((r) => [r.leadDays, r.superseded, r.missed])).toEqual([
      [90, true, false],
      [30, true, false],
      [7, false, false],
    ])
  })
})

describe('changing lead times', () => {
  const due7 = reminderDueAtMs(transition(END), 7)

  it('records a newly added larger lead as superseded once a smaller one was shown', () => {
    const shown = new Set([reminderKey('m1', transition(END), 7)])
    const list = dueReminders(input({ nowMs: due7 + DAY, lastRunMs: due7, leadDays: [14, 7, 1], shown }))
    expect(list.map((r) => [r.leadDays, r.superseded])).toEqual([[14, true]])
  })

  it('schedules a newly added smaller lead for its own time', () => {
    const shown = new Set([reminderKey('m1', transition(END), 7)])
    const settings = input({ nowMs: due7 + DAY, lastRunMs: due7, leadDays: [7, 3], shown })
    expect(dueReminders(settings)).toEqual([])
    expect(nextWakeMs(settings)).toBe(reminderDueAtMs(transition(END), 3))
  })

  it('forgets removed leads, and ignores duplicates and order', () => {
    const now = reminderDueAtMs(transition(END), 30) + HOUR
    expect(dueReminders(input({ nowMs: now, leadDays: [7, 1] }))).toEqual([])
    expect(nextWakeMs(input({ nowMs: now, leadDays: [1, 7, 7] }))).toBe(due7)
    expect(normalizeLeadDays([7, 1, 7, 90, -1, 2.5, 0])).toEqual([0, 1, 7, 90])
  })

  it('runs the reminders again for a transition that moved (an extension), under new keys', () => {
    const moved = scheduled('m1', NY('2027-11-10'))
    const oldShown = new Set(DEFAULT_LEAD_DAYS.map((lead) => reminderKey('m1', transition(END), lead)))
    const now = reminderDueAtMs(moved.transition, 90) + HOUR
    const list = dueReminders(input({ nowMs: now, lastRunMs: now - HOUR, transitions: [moved], shown: oldShown }))
    expect(list.map((r) => [r.leadDays, r.superseded, r.transition.at])).toEqual([[90, false, moved.transition.at]])
  })
})

describe('several measures', () => {
  it('lists the due reminders oldest first and wakes for the earliest next one', () => {
    const a = scheduled('a', NY('2026-11-10'))
    const b = scheduled('b', '2026-11-10T13:01:00+08:00[Asia/Shanghai]')
    const c = scheduled('c', NY('2027-01-01'), 'effective')
    const transitions = [c, b, a]
    const now = ms('2026-11-05T00:00:00Z')
    const list = dueReminders(input({ nowMs: now, lastRunMs: now - 200 * DAY, transitions, leadDays: [30, 7] }))
    // a's and b's 7-day reminders fall due at the same instant (3 Nov 05:01Z): ordered by key.
    expect(list.filter((r) => !r.superseded).map((r) => [r.measureId, r.leadDays])).toEqual([
      ['a', 7],
      ['b', 7],
    ])
    expect(list.map((r) => r.dueAtMs)).toEqual([...list.map((r) => r.dueAtMs)].sort((x, y) => x - y))
    // Both 1-day reminders: 9 Nov 00:01 EST and 9 Nov 13:01 Beijing time are the same instant.
    expect(nextWakeMs(input({ nowMs: now, transitions, leadDays: [30, 7, 1] }))).toBe(ms('2026-11-09T05:01:00Z'))
  })

  it('keys are stable, readable and parse back', () => {
    const key = reminderKey('us-bis-affiliates-rule', transition(END), 30)
    expect(key).toBe('us-bis-affiliates-rule|suspension_end|2026-11-10T00:01:00-05:00[America/New_York]|30')
    expect(parseReminderKey(key)).toEqual({ measureId: 'us-bis-affiliates-rule', kind: 'suspension_end', at: END, leadDays: 30 })
    expect(parseReminderKey('a|b|c')).toBeNull()
    expect(parseReminderKey('a|b|c|x')).toBeNull()
  })
})

describe('a scheduler that keeps running (property)', () => {
  const ZONES = ['America/New_York', 'Asia/Shanghai', 'Europe/London', 'Australia/Sydney', 'UTC']
  const START = ms('2026-01-01T00:00:00Z')
  const END_OF_RUN = ms('2028-01-01T00:00:00Z')
  const arbTransition = fc.record({
    zone: fc.constantFrom(...ZONES),
    minute: fc.integer({ min: 0, max: Math.floor((END_OF_RUN + 200 * DAY - START) / 60_000) }),
    kind: fc.constantFrom<TransitionKind>('effective', 'suspension_end', 'terminated'),
  })

  it('wakes at every due instant, shows each reminder once, on time, never superseded or missed', () => {
    fc.assert(
      fc.property(
        fc.array(arbTransition, { minLength: 1, maxLength: 6 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 5 }),
        (specs, leadDays) => {
          const transitions = specs.map((s, i) => {
            const at = formatZoned(Temporal.Instant.fromEpochMilliseconds(START + s.minute * 60_000).toZonedDateTimeISO(s.zone))
            return { measureId: `m${i}`, title: { en: `M${i}` }, transition: transition(at, s.kind, `ev${i}`) }
          })
          // The app starts at START and records what is already due then; from then on it only wakes on its timer.
          const shown = new Set(dueReminders({ nowMs: START, transitions, leadDays, shown: new Set(), lastRunMs: null }).map((r) => r.key))
          const seen: string[] = []
          let lastRunMs = START
          let now = START
          for (let steps = 0; steps < 1000; steps++) {
            const wake = nextWakeMs({ nowMs: now, transitions, leadDays, shown })
            if (wake === null || wake > END_OF_RUN) break
            expect(wake).toBeGreaterThan(now)
            now = wake
            const due = dueReminders({ nowMs: now, transitions, leadDays, shown, lastRunMs })
            expect(due.length).toBeGreaterThan(0)
            for (const r of due) {
              expect(r).toMatchObject({ superseded: false, missed: false, dueAtMs: now })
              shown.add(r.key)
              seen.push(r.key)
            }
            lastRunMs = now
          }
          // Everything that fell due during the run, while its transition was still ahead, was shown.
          const expected = transitions.flatMap((t) =>
            leadDays
              .filter((lead) => {
                const dueAt = reminderDueAtMs(t.transition, lead)
                return dueAt > START && dueAt <= END_OF_RUN
              })
              .map((lead) => reminderKey(t.measureId, t.transition, lead)),
          )
          expect([...seen].sort()).toEqual([...new Set(expected)].sort())
          expect(new Set(seen).size).toBe(seen.length)
        },
      ),
      { numRuns: 150 },
    )
  })

  it('wakes for exactly the earliest unshown reminder still ahead (against a brute force)', () => {
    fc.assert(
      fc.property(
        fc.array(arbTransition, { minLength: 1, maxLength: 8 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 730 }),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        (specs, leadDays, day, marks) => {
          const transitions = specs.map((s, i) => {
            const at = formatZoned(Temporal.Instant.fromEpochMilliseconds(START + s.minute * 60_000).toZonedDateTimeISO(s.zone))
            return { measureId: `m${i}`, title: { en: `M${i}` }, transition: transition(at, s.kind, `ev${i}`) }
          })
          const nowMs = START + day * DAY + (marks[0] ? 12 * HOUR : 0)
          const pairs = transitions.flatMap((t) =>
            leadDays.map((lead) => ({
              key: reminderKey(t.measureId, t.transition, lead),
              dueAt: reminderDueAtMs(t.transition, lead),
              atMs: t.transition.atMs,
            })),
          )
          // Some of what is already due was shown.
          const shown = new Set(pairs.filter((p, i) => p.dueAt <= nowMs && marks[i % marks.length]).map((p) => p.key))
          const ahead = pairs.filter((p) => p.atMs > nowMs && p.dueAt > nowMs && !shown.has(p.key)).map((p) => p.dueAt)
          expect(nextWakeMs({ nowMs, transitions, leadDays, shown })).toBe(ahead.length ? Math.min(...ahead) : null)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('after any run of checks, a check at the same instant shows nothing new', () => {
    fc.assert(
      fc.property(
        fc.array(arbTransition, { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 730 }), { minLength: 1, maxLength: 8 }),
        (specs, checkDays) => {
          const transitions = specs.map((s, i) => {
            const at = formatZoned(Temporal.Instant.fromEpochMilliseconds(START + s.minute * 60_000).toZonedDateTimeISO(s.zone))
            return { measureId: `m${i}`, title: { en: `M${i}` }, transition: transition(at, s.kind, `ev${i}`) }
          })
          const shown = new Set<string>()
          let lastRunMs: number | null = null
          for (const day of [...checkDays].sort((x, y) => x - y)) {
            const now = START + day * DAY
            const due = dueReminders({ nowMs: now, transitions, leadDays: DEFAULT_LEAD_DAYS, shown, lastRunMs })
            // At most one reminder shown per transition per check.
            const perTransition = new Map<string, number>()
            for (const r of due) {
              expect(shown.has(r.key)).toBe(false)
              expect(r.dueAtMs).toBeLessThanOrEqual(now)
              expect(r.transition.atMs).toBeGreaterThan(now)
              if (!r.superseded) perTransition.set(r.measureId, (perTransition.get(r.measureId) ?? 0) + 1)
              shown.add(r.key)
            }
            for (const count of perTransition.values()) expect(count).toBe(1)
            expect(dueReminders({ nowMs: now, transitions, leadDays: DEFAULT_LEAD_DAYS, shown, lastRunMs: now })).toEqual([])
            lastRunMs = now
          }
        },
      ),
      { numRuns: 150 },
    )
  })
})
