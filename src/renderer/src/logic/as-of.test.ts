import { describe, expect, it } from 'vitest'
import { nowParts, partsFromZoned, partsInZone, zonedFromParts } from './as-of.ts'

describe('as-of conversion', () => {
  it('reads a wall-clock date and time in a zone as an RFC 9557 instant', () => {
    expect(zonedFromParts({ date: '2026-11-09', time: '17:00', zone: 'UTC' })).toBe('2026-11-09T17:00:00+00:00[UTC]')
    expect(zonedFromParts({ date: '2026-11-10', time: '00:01', zone: 'America/New_York' })).toBe(
      '2026-11-10T00:01:00-05:00[America/New_York]',
    )
    expect(zonedFromParts({ date: '2026-11-10', time: '13:01', zone: 'Asia/Shanghai' })).toBe('2026-11-10T13:01:00+08:00[Asia/Shanghai]')
  })

  it('takes the later reading of a time skipped by a clock change', () => {
    expect(zonedFromParts({ date: '2026-03-08', time: '02:30', zone: 'America/New_York' })).toBe(
      '2026-03-08T03:30:00-04:00[America/New_York]',
    )
  })

  it('refuses missing or impossible parts instead of guessing', () => {
    expect(zonedFromParts({ date: '', time: '10:00', zone: 'UTC' })).toBeNull()
    expect(zonedFromParts({ date: '2026-02-30', time: '10:00', zone: 'UTC' })).toBeNull()
    expect(zonedFromParts({ date: '2026-02-03', time: '25:00', zone: 'UTC' })).toBeNull()
    expect(zonedFromParts({ date: '2026-02-03', time: '10:00', zone: 'Mars/Olympus' })).toBeNull()
  })

  it('splits an instant back into its parts, and gives now in a zone', () => {
    expect(partsFromZoned('2026-11-10T00:01:00-05:00[America/New_York]')).toEqual({
      date: '2026-11-10',
      time: '00:01',
      zone: 'America/New_York',
    })
    expect(nowParts('Asia/Shanghai', Date.UTC(2026, 10, 9, 17, 0))).toEqual({ date: '2026-11-10', time: '01:00', zone: 'Asia/Shanghai' })
  })
})

describe('changing only the zone (issue 11)', () => {
  it('keeps the instant, read in the new zone; refuses an incomplete reading or an unknown zone', () => {
    expect(partsInZone({ date: '2026-11-09', time: '17:00', zone: 'UTC' }, 'Asia/Shanghai')).toEqual({
      date: '2026-11-10',
      time: '01:00',
      zone: 'Asia/Shanghai',
    })
    expect(partsInZone({ date: '2026-11-09', time: '17:00', zone: 'UTC' }, 'America/New_York')).toEqual({
      date: '2026-11-09',
      time: '12:00',
      zone: 'America/New_York',
    })
    expect(partsInZone({ date: '', time: '17:00', zone: 'UTC' }, 'Asia/Tokyo')).toBeNull()
    expect(partsInZone({ date: '2026-11-09', time: '17:00', zone: 'UTC' }, 'Mars/Olympus')).toBeNull()
  })
})
