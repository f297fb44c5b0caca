// One "within N days" (issue 12): the Upcoming list (service and page), the report — whatever
// zone it is printed for — the board's urgency band and the reminders agree on when a deadline
// comes within 30 days. The deadline is 10 Nov 2026 00:01 New York time; DST ended on 1 Nov, so
// 30 calendar days before it (11 Oct, 00:01 EDT) is 30 × 24 h + 1 h before — the instant where
// a count of 24-hour days and a count of calendar days disagree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reportOptionsSchema } from '../src/shared/api-inputs.ts'
import { Temporal, epochMs, formatZoned } from '../src/shared/time.ts'
import { zonedDeadline } from '../src/shared/within-days.ts'
import { loadReport } from '../src/core/service/report.ts'
import { upcomingWithin } from '../src/renderer/src/logic/upcoming.ts'
import { urgencyOf } from '../src/renderer/src/logic/urgency.ts'
import { openTempStore, type TempStore } from './helpers/temp-store.ts'
import { value } from './helpers/results.ts'

const END = '2026-11-10T00:01:00-05:00[America/New_York]'
const THIRTY_DAYS_BEFORE = epochMs('2026-10-11T00:01:00-04:00[America/New_York]')

let temp: TempStore
let now = 0
let id = ''
beforeAll(async () => {
  temp = await openTempStore({ seed: false, nowMs: () => now })
  id = value(
    temp.store.core.call('measures.create', {
      facts: { title: { en: 'Reciprocal tariff' }, imposer: 'US', target: 'CN', category: 'tariff' },
    }),
  ).id
  value(
    temp.store.core.call('events.record', {
      measureId: id,
      event: { kind: 'effective', at: '2025-04-09T00:01:00-04:00[America/New_York]' },
    }),
  )
  value(
    temp.store.core.call('events.record', {
      measureId: id,
      event: { kind: 'suspended', at: '2025-11-10T00:01:00-05:00[America/New_York]', until: END },
    }),
  )
  value(temp.store.core.call('reminders.setLeadDays', { leadDays: [30] }))
})
afterAll(() => temp.cleanup())

const utc = (ms: number) => formatZoned(Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO('UTC'))

/** Whether each place counts the deadline within 30 days at `ms`. */
function answers(ms: number): Record<string, boolean> {
  now = ms
  const at = utc(ms)
  const upcoming = value(temp.store.core.call('reminders.upcoming', { days: 30, at }))
  const loadedEarlier = value(temp.store.core.call('reminders.upcoming', { days: 31, at }))
  const reportIn = (tz: string) =>
    loadReport(temp.store.core.context, reportOptionsSchema.parse({ at, tz, days: 30 })).deadlines.some((d) => d.measureId === id)
  return {
    'reminders.upcoming': upcoming.some((row) => row.measureId === id),
    'Upcoming page': upcomingWithin(loadedEarlier, ms, 30).some((row) => row.measureId === id),
    'report (UTC)': reportIn('UTC'),
    'report (New York)': reportIn('America/New_York'),
    'report (Shanghai)': reportIn('Asia/Shanghai'),
    'board urgency': urgencyOf(zonedDeadline({ at: END, atMs: epochMs(END) }), ms) === 'month',
    '30-day reminder due': value(temp.store.core.call('reminders.due', {})).reminders.some((r) => r.measureId === id && r.leadDays === 30),
  }
}

describe('within 30 days, everywhere', () => {
  it('from exactly 30 calendar days before the deadline on its legal clock', () => {
    for (const [place, within] of Object.entries(answers(THIRTY_DAYS_BEFORE))) expect(within, place).toBe(true)
  })

  it('not a second earlier, although that is less than 30 × 24 h + 1 h before', () => {
    for (const [place, within] of Object.entries(answers(THIRTY_DAYS_BEFORE - 1000))) expect(within, place).toBe(false)
  })
})
