import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore } from '../open.ts'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import type { MethodName } from '../../shared/api.ts'
import { epochMs, formatZoned, parseInstantInput } from '../../shared/time.ts'
import { reminderDueAtMs } from '../reminders/schedule.ts'
import { value } from '../../../test/helpers/results.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR
let now = Date.parse('2026-01-01T00:00:00Z')
let temp: TempStore

beforeEach(async () => {
  now = Date.parse('2026-01-01T00:00:00Z')
  temp = await openTempStore({ seed: false, nowMs: () => now })
})
afterEach(() => temp.cleanup())

const call = <M extends MethodName>(method: M, input: unknown) => temp.store.core.call(method, input)
const NY = (date: string) => formatZoned(parseInstantInput(`${date}T00:01`, 'America/New_York'))
const facts = (en: string) => ({ title: { en }, imposer: 'US', target: 'CN', category: 'tariff' })

/** A measure suspended from 10 Nov 2025 until 10 Nov 2026 00:01 New York time. */
function suspendedMeasure(title = 'Reciprocal tariff'): { id: string; end: string; endMs: number } {
  const { id } = value(call('measures.create', { facts: facts(title) }))
  value(call('events.record', { measureId: id, event: { kind: 'effective', at: NY('2025-04-09') } }))
  value(call('events.record', { measureId: id, event: { kind: 'suspended', at: NY('2025-11-10'), until: NY('2026-11-10') } }))
  return { id, end: NY('2026-11-10'), endMs: epochMs(NY('2026-11-10')) }
}
const transitionOf = (at: string) => ({ at, atMs: epochMs(at) })
const auditActions = () =>
  (
    temp.store.core.context.db.prepare('SELECT action, measure_id, before_json, after_json FROM audit ORDER BY id').all() as Record<
      string,
      string | null
    >[]
  ).filter((row) => row.action?.startsWith('reminders.'))

describe('lead times', () => {
  it('default to 90, 30, 7 and 1 days, and are kept, largest first, with the change audited', () => {
    expect(value(call('reminders.settings', {}))).toEqual({ leadDays: [90, 30, 7, 1] })
    expect(value(call('reminders.setLeadDays', { leadDays: [1, 14, 0] }))).toEqual({ leadDays: [14, 1, 0] })
    expect(value(call('reminders.settings', {}))).toEqual({ leadDays: [14, 1, 0] })
    const [row] = auditActions()
    expect(row).toMatchObject({ action: 'reminders.setLeadDays', measure_id: null })
    expect(JSON.parse(row!.before_json!)).toEqual({ leadDays: [90, 30, 7, 1] })
    expect(JSON.parse(row!.after_json!)).toEqual({ leadDays: [14, 1, 0] })
  })

  it('refuses bad lead times and changes nothing', () => {
    for (const leadDays of [[], [7, 7], [3651], [-1], [1.5], Array.from({ length: 11 }, (_, i) => i), ['7']]) {
      expect(call('reminders.setLeadDays', { leadDays })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    expect(value(call('reminders.settings', {}))).toEqual({ leadDays: [90, 30, 7, 1] })
    expect(auditActions()).toEqual([])
  })
})

describe('due reminders', () => {
  it('lists what is due without recording it, and remembers what was shown across restarts', async () => {
    const { id, end, endMs } = suspendedMeasure()
    now = reminderDueAtMs(transitionOf(end), 7) + HOUR
    const due = value(call('reminders.due', {}))
    expect(due.nowMs).toBe(now)
    expect(due.reminders.map((r) => [r.measureId, r.leadDays, r.superseded, r.missed])).toEqual([
      [id, 90, true, false],
      [id, 30, true, false],
      [id, 7, false, false],
    ])
    expect(due.reminders[2]?.transition).toMatchObject({ kind: 'suspension_end', at: end, atMs: endMs })
    expect(due.nextWakeMs).toBe(reminderDueAtMs(transitionOf(end), 1))
    // Asking again without recording gives the same list.
    expect(value(call('reminders.due', {})).reminders).toEqual(due.reminders)

    expect(value(call('reminders.markShown', { keys: due.reminders.map((r) => r.key) }))).toEqual({ recorded: 3, lastRunMs: now })
    expect(value(call('reminders.due', {})).reminders).toEqual([])
    // Recording twice is harmless.
    expect(value(call('reminders.markShown', { keys: due.reminders.map((r) => r.key) })).recorded).toBe(0)

    // Another process (the app after a restart) sees the same.
    const again = await openStore({ path: temp.path, actor: 'app', seed: false, nowMs: () => now })
    try {
      expect(again.core.call('reminders.due', {})).toMatchObject({ ok: true, value: { reminders: [] } })
    } finally {
      again.close()
    }
    const rows = temp.store.core.context.db.prepare('SELECT * FROM reminders_shown ORDER BY lead_days').all()
    expect(rows).toEqual([
      expect.objectContaining({ measure_id: id, transition_at: end, lead_days: 7, missed: 0 }),
      expect.objectContaining({ lead_days: 30 }),
      expect.objectContaining({ lead_days: 90 }),
    ])
  })

  it('marks as missed what fell due while the app was closed, and records it as missed', () => {
    const { end } = suspendedMeasure()
    now = reminderDueAtMs(transitionOf(end), 7) + HOUR
    value(call('reminders.markShown', { keys: value(call('reminders.due', {})).reminders.map((r) => r.key) }))
    // Closed for a week and a bit: the 1-day reminder fell due meanwhile.
    now = reminderDueAtMs(transitionOf(end), 1) + 2 * HOUR
    const due = value(call('reminders.due', {}))
    expect(due.reminders.map((r) => [r.leadDays, r.missed, r.superseded])).toEqual([[1, true, false]])
    value(call('reminders.markShown', { keys: due.reminders.map((r) => r.key), missed: true }))
    expect(temp.store.core.context.db.prepare('SELECT missed FROM reminders_shown WHERE lead_days = 1').get()).toEqual({ missed: 1 })
  })

  it('records the last check even when nothing was shown, without an audit row', () => {
    const { end } = suspendedMeasure()
    now = reminderDueAtMs(transitionOf(end), 1) - 2 * DAY
    value(call('reminders.markShown', { keys: value(call('reminders.due', {})).reminders.map((r) => r.key) }))
    const audited = auditActions().length
    expect(value(call('reminders.markShown', { keys: [] }))).toEqual({ recorded: 0, lastRunMs: now })
    expect(auditActions()).toHaveLength(audited)
    // The app keeps running and checking: the 1-day reminder, fired on time, is not missed.
    now = reminderDueAtMs(transitionOf(end), 1) + 1_000
    expect(value(call('reminders.due', {})).reminders.map((r) => [r.leadDays, r.missed])).toEqual([[1, false]])
  })

  it('refuses keys it did not make, and records nothing then', () => {
    suspendedMeasure()
    for (const keys of [['nope'], ['a|b|c|d|e'], ['A|x|y|1'], ['m|kind|at|12345']]) {
      expect(call('reminders.markShown', { keys })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    expect(temp.store.core.context.db.prepare('SELECT count(*) AS n FROM reminders_shown').get()).toEqual({ n: 0 })
  })

  it('uses the lead times set, and leaves deleted measures out', () => {
    const { id, end } = suspendedMeasure()
    const other = suspendedMeasure('Port fees')
    value(call('reminders.setLeadDays', { leadDays: [10] }))
    now = reminderDueAtMs(transitionOf(end), 10) + HOUR
    expect(value(call('reminders.due', {})).reminders.map((r) => [r.measureId, r.leadDays])).toEqual(
      [
        [other.id, 10],
        [id, 10],
      ].sort(),
    )
    value(call('measures.delete', { id: other.id }))
    expect(value(call('reminders.due', {})).reminders.map((r) => r.measureId)).toEqual([id])
  })

  it('starts again for the new end when the suspension is extended', () => {
    const { id, end } = suspendedMeasure()
    now = reminderDueAtMs(transitionOf(end), 7) + HOUR
    value(call('reminders.markShown', { keys: value(call('reminders.due', {})).reminders.map((r) => r.key) }))
    value(
      call('events.record', {
        measureId: id,
        event: { kind: 'extended', at: formatZoned(parseInstantInput('2026-11-02T12:00', 'America/New_York')), until: NY('2027-11-10') },
      }),
    )
    const due = value(call('reminders.due', {}))
    expect(due.reminders).toEqual([])
    expect(due.nextWakeMs).toBe(reminderDueAtMs(transitionOf(NY('2027-11-10')), 90))
  })
})

describe('upcoming and needs review', () => {
  it('lists the transitions in the next N days with their measures, soonest first', () => {
    const a = suspendedMeasure('Reciprocal tariff')
    const { id: b } = value(
      call('measures.create', { facts: { ...facts('Port fees'), imposer: 'CN', target: 'US', category: 'port_fee' } }),
    )
    value(call('events.record', { measureId: b, event: { kind: 'effective', at: '2026-10-14T00:00:00+08:00[Asia/Shanghai]' } }))
    now = Date.parse('2026-10-01T00:00:00Z')
    const rows = value(call('reminders.upcoming', { days: 60 }))
    expect(rows.map((r) => [r.measureId, r.transition.kind, r.status])).toEqual([
      [b, 'effective', 'pending'],
      [a.id, 'suspension_end', 'suspended'],
    ])
    expect(rows[1]).toMatchObject({
      title: { en: 'Reciprocal tariff' },
      imposer: 'US',
      target: 'CN',
      category: 'tariff',
      transition: { at: a.end, atMs: a.endMs },
    })
    expect(value(call('reminders.upcoming', { days: 30 })).map((r) => r.measureId)).toEqual([b])
    // The window starts after the asked instant.
    expect(value(call('reminders.upcoming', { days: 30, at: '2026-11-01T00:00:00Z[UTC]' })).map((r) => r.measureId)).toEqual([a.id])
    expect(value(call('reminders.upcoming', { days: 1, at: a.end })).map((r) => r.measureId)).toEqual([])
    expect(call('reminders.upcoming', { days: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(call('reminders.upcoming', { days: 3651 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('lists measures whose passed deadline nobody confirmed, until an event records what happened', () => {
    const a = suspendedMeasure('Reciprocal tariff')
    const b = suspendedMeasure('Port fees')
    now = a.endMs - HOUR
    expect(value(call('reminders.needsReview', {}))).toEqual([])
    now = a.endMs + DAY
    const rows = value(call('reminders.needsReview', {}))
    expect(rows.map((r) => r.id).sort()).toEqual([a.id, b.id].sort())
    expect(rows[0]).toMatchObject({ needsReview: true, reviewReason: { kind: 'suspension_end', at: a.end } })
    value(
      call('events.record', {
        measureId: a.id,
        event: { kind: 'review', at: formatZoned(parseInstantInput('2026-11-10T09:00', 'America/New_York')) },
      }),
    )
    expect(value(call('reminders.needsReview', {})).map((r) => r.id)).toEqual([b.id])
    expect(
      value(call('reminders.needsReview', { at: a.end }))
        .map((r) => r.id)
        .sort(),
    ).toEqual([a.id, b.id].sort())
  })
})
