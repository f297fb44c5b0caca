// Reminders count rate steps and commitment deadlines like any other deadline (issue 10).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import { RATES_FILE } from '../../../test/fixtures/rates-and-commitments.ts'

let temp: TempStore
let now = Date.parse('2026-12-02T00:00:00Z')
beforeEach(async () => {
  temp = await openTempStore({ seed: false, nowMs: () => now })
  const imported = temp.store.core.call('exchange.import', { file: RATES_FILE })
  if (!imported.ok) throw new Error(imported.error.message)
})
afterEach(() => temp.cleanup())

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

describe('reminders with rate steps and commitment deadlines', () => {
  it('lists both as upcoming transitions, with the measure status now', () => {
    const rows = value(temp.store.core.call('reminders.upcoming', { days: 200, at: '2026-12-01T00:00:00+00:00[UTC]' }))
    expect(rows.map((r) => [r.measureId, r.transition.kind, r.status])).toEqual([
      ['fx-soybeans', 'commitment_deadline', 'in_force'],
      ['fx-fee', 'rate_step', 'in_force'],
    ])
  })

  it('makes a reminder due 30 days before a commitment deadline, keyed like every other', () => {
    now = Date.parse('2026-12-01T16:00:00Z')
    const due = value(temp.store.core.call('reminders.due', {}))
    const reminder = due.reminders.find((r) => r.measureId === 'fx-soybeans' && !r.superseded)
    expect(reminder).toMatchObject({
      leadDays: 30,
      transition: { kind: 'commitment_deadline' },
      key: 'fx-soybeans|commitment_deadline|2027-01-01T00:00:00+08:00[Asia/Shanghai]|30',
    })
    expect(value(temp.store.core.call('reminders.markShown', { keys: [reminder?.key] })).recorded).toBe(1)
  })
})
