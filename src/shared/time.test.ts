// Date-only ends (issue 10): 「至X日」 and "through X" include day X.
import { describe, expect, it } from 'vitest'
import { InstantInputError, dateOnlyEnd, dateOnlyStart, epochMs } from './time.ts'

describe('dateOnlyEnd', () => {
  it('ends a Chinese 「至2026年11月10日」 at 00:00 of 11 Nov, Beijing time', () => {
    const end = dateOnlyEnd('2026-11-10', 'Asia/Shanghai')
    expect(end).toBe('2026-11-11T00:00:00+08:00[Asia/Shanghai]')
    expect(epochMs(end)).toBe(Date.parse('2026-11-10T16:00:00Z'))
    expect(dateOnlyEnd('2026-11-27', 'Asia/Shanghai')).toBe('2026-11-28T00:00:00+08:00[Asia/Shanghai]')
  })

  it('ends a US "through November 9, 2025" at the start of 10 Nov in the stated zone, with the offset of that date', () => {
    expect(dateOnlyEnd('2025-11-09', 'America/New_York')).toBe('2025-11-10T00:00:00-05:00[America/New_York]')
    expect(dateOnlyEnd('2026-07-23', 'America/New_York')).toBe('2026-07-24T00:00:00-04:00[America/New_York]')
    // Across a month and a year end.
    expect(dateOnlyEnd('2026-12-31', 'UTC')).toBe('2027-01-01T00:00:00+00:00[UTC]')
  })

  it('takes the first instant of the next day where a DST change swallows midnight', () => {
    // Santiago springs forward at 00:00 on 7 Sep 2025: the day begins at 01:00.
    expect(dateOnlyEnd('2025-09-06', 'America/Santiago')).toBe('2025-09-07T01:00:00-03:00[America/Santiago]')
  })

  it('gives the start of the day for "from X", and refuses what is not a date or a zone', () => {
    expect(dateOnlyStart('2025-11-10', 'Asia/Shanghai')).toBe('2025-11-10T00:00:00+08:00[Asia/Shanghai]')
    expect(() => dateOnlyEnd('2026-02-30', 'Asia/Shanghai')).toThrow(InstantInputError)
    expect(() => dateOnlyEnd('10 Nov 2026', 'Asia/Shanghai')).toThrow(InstantInputError)
    expect(() => dateOnlyEnd('2026-11-10', 'Mars/Olympus')).toThrow(InstantInputError)
  })
})
