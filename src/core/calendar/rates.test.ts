// Calendar export with rate steps, commitment deadlines and partial suspensions (issue 10).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import ical from 'node-ical'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import { RATES_FILE } from '../../../test/fixtures/rates-and-commitments.ts'
import { epochMs } from '../../shared/time.ts'

let temp: TempStore
const NOW = Date.parse('2026-06-02T00:00:00Z')
beforeEach(async () => {
  temp = await openTempStore({ seed: false, nowMs: () => NOW })
  const imported = temp.store.core.call('exchange.import', { file: RATES_FILE })
  if (!imported.ok) throw new Error(imported.error.message)
})
afterEach(() => temp.cleanup())

interface Vevent {
  uid: string
  start: Date
  summary: { val: string }
  description: { val: string }
}

function calendar(measureId: string, locale = 'en'): { events: Vevent[]; text: string } {
  const result = temp.store.core.call('calendar.export', { measureId, locale })
  if (!result.ok) throw new Error(result.error.message)
  const events = Object.values(ical.sync.parseICS(result.value.content)).filter((c) => c?.type === 'VEVENT') as unknown as Vevent[]
  return { events, text: result.value.content }
}

describe('calendar export: rate steps, commitment deadlines, partial suspensions', () => {
  it('writes a rate step as an event at its exact instant, with its new rate and future alarms', () => {
    const { events, text } = calendar('fx-fee')
    const step = events.find((e) => e.uid === 'fx-fee+step-2027+rate_step@measure-tracker')
    expect(step?.start.getTime()).toBe(epochMs('2027-04-17T00:01:00-04:00[America/New_York]'))
    expect(step?.summary.val).toBe('Rate step: Fixture fee')
    expect(step?.description.val).toContain('New rate: USD 80 per net ton')
    expect(text).toContain('DESCRIPTION;LANGUAGE=en:Rate step in 30 days — Fixture fee')
  })

  it('writes a commitment deadline as an event, in the chosen language', () => {
    const { events } = calendar('fx-soybeans', 'zh-Hans')
    const deadline = events.find((e) => e.uid === 'fx-soybeans+commitment+commitment_deadline@measure-tracker')
    expect(deadline?.start.getTime()).toBe(Date.parse('2026-12-31T16:00:00Z'))
    expect(deadline?.summary.val).toBe('承诺期限：测试大豆采购')
  })

  it('says what a partial suspension leaves in effect from its start', () => {
    const { events } = calendar('fx-tariff')
    const suspension = events.find((e) => e.uid === 'fx-tariff+suspended+suspended@measure-tracker')
    expect(suspension?.description.val).toContain('Partly suspended — 10% in effect (34%, 24 points suspended)')
  })
})
