import { describe, expect, it } from 'vitest'
import { buildEventInput, durationString, newEventForm } from './event-form.ts'
import { defaultZoneFor } from './legal-zone.ts'

const start = { date: '2025-11-10', time: '00:01', zone: 'America/New_York' }

describe('record-event form', () => {
  it('writes durations as ISO 8601', () => {
    expect([
      durationString(1, 'years'),
      durationString(6, 'months'),
      durationString(90, 'days'),
      durationString(2, 'weeks'),
      durationString(12, 'hours'),
    ]).toEqual(['P1Y', 'P6M', 'P90D', 'P2W', 'PT12H'])
  })

  it('suspends for a duration from a legal-zone instant', () => {
    const form = { ...newEventForm('suspended', start), durationValue: '1', durationUnit: 'years' as const, note: ' BIS rule ' }
    expect(buildEventInput(form)).toEqual({
      input: {
        kind: 'suspended',
        at: '2025-11-10T00:01:00-05:00[America/New_York]',
        duration: 'P1Y',
        scheduled: false,
        sourceIds: [],
        note: 'BIS rule',
      },
      issues: [],
    })
  })

  it('suspends until a date and time, or indefinitely', () => {
    const until = { ...newEventForm('suspended', start), endMode: 'until' as const, untilDate: '2026-11-10', untilTime: '00:01' }
    expect(buildEventInput(until).input).toMatchObject({ until: '2026-11-10T00:01:00-05:00[America/New_York]' })
    expect(buildEventInput({ ...until, endMode: 'none' }).input).toMatchObject({ until: null })
  })

  it('rejects an end before the start, a bad duration, and an extension without end', () => {
    const before = { ...newEventForm('extended', start), endMode: 'until' as const, untilDate: '2025-01-01', untilTime: '00:00' }
    expect(buildEventInput(before).issues).toMatchObject([{ field: 'until', key: 'endBeforeStart' }])
    const zero = { ...newEventForm('suspended', start), durationValue: '0' }
    expect(buildEventInput(zero).issues).toMatchObject([{ field: 'duration', key: 'positiveWhole' }])
    const missing = { ...newEventForm('extended', start), endMode: 'until' as const, untilDate: '' }
    expect(buildEventInput(missing).issues).toMatchObject([{ field: 'until', key: 'required' }])
    expect(buildEventInput({ ...newEventForm('review', start), date: '' }).issues).toMatchObject([{ field: 'at', key: 'required' }])
  })

  it('requires an amendment to change something, via the shared schema', () => {
    expect(buildEventInput(newEventForm('amended', start)).issues).toMatchObject([{ field: 'rate', key: 'amendmentNeedsChange' }])
    expect(buildEventInput({ ...newEventForm('amended', start), rate: '10%' }).input).toMatchObject({ kind: 'amended', rate: '10%' })
  })

  it("defaults to the imposing party's legal zone", () => {
    expect(defaultZoneFor('US')).toBe('America/New_York')
    expect(defaultZoneFor('CN')).toBe('Asia/Shanghai')
    expect(defaultZoneFor('ZZ', () => 'Europe/Paris')).toBe('Europe/Paris')
  })
})
