// `export --format ics` of every measure reads the store a batch at a time (service/calendar.ts
// allCalendarChunks: the zones' spans first, then the measures), so memory does not grow with the
// calendar. It must write exactly the file calendar.export builds whole — with many batches,
// cancelled transitions, a measure deleted and one deleted then restored, in every language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateExchangeFile } from '../../../bench/generate.ts'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import { value } from '../../../test/helpers/results.ts'
import type { MethodName } from '../../shared/api.ts'
import { LOCALES } from '../../shared/domain.ts'
import { calendarExportChunks } from '../service/calendar.ts'

let now = Date.parse('2026-06-01T10:00:00Z')
let temp: TempStore
const call = <M extends MethodName>(method: M, input: unknown) => temp.store.core.call(method, input)

beforeAll(async () => {
  temp = await openTempStore({ nowMs: () => now })
  // More measures than one batch of the streamed export holds (500), beside the embedded dataset.
  value(call('exchange.import', { file: generateExchangeFile(1_200) }))
  const seeded = value(call('measures.list', { filter: { text: 'affiliates' } }))[0]!.id
  value(call('measures.delete', { id: seeded }))
  value(call('measures.delete', { id: 'm-700' }))
  value(call('measures.restore', { id: 'm-700' }))
  const event = value(call('measures.get', { id: 'm-3' })).events[0]!
  value(call('events.remove', { measureId: 'm-3', eventId: event.id }))
  now += 3_600_000
})
afterAll(() => temp.cleanup())

describe('the streamed calendar of every measure', () => {
  it.each(LOCALES)('is byte for byte the calendar built whole (%s), and counts its events', (locale) => {
    const whole = value(call('calendar.export', { locale })).content
    const written = { events: 0 }
    const streamed = [...calendarExportChunks(temp.store.core.context, { locale }, written)].join('')
    expect(whole).toContain('STATUS:CANCELLED')
    expect(streamed).toBe(whole)
    expect(written.events).toBe(whole.split('BEGIN:VEVENT').length - 1)
  })
})
