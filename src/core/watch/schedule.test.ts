import { describe, expect, it } from 'vitest'
import { DAY_MS, HOUR_MS } from '../../shared/time-units.ts'
import { federalRegisterSince, isDue, nextCheckMs } from './schedule.ts'

const T = Date.UTC(2026, 11, 4, 12)

describe('check schedule', () => {
  it('a target never checked is due at once; after a success, a day later', () => {
    expect(isDue({ lastSuccessMs: null, lastAttemptMs: null, failures: 0 }, T)).toBe(true)
    expect(nextCheckMs({ lastSuccessMs: T, lastAttemptMs: T, failures: 0 })).toBe(T + DAY_MS)
    expect(isDue({ lastSuccessMs: T, lastAttemptMs: T, failures: 0 }, T + DAY_MS - 1)).toBe(false)
  })

  it('backs off after failures: 1 h, 2 h, 4 h … never more than a day', () => {
    const after = (failures: number) => nextCheckMs({ lastSuccessMs: T - DAY_MS, lastAttemptMs: T, failures }) - T
    expect([1, 2, 3, 4, 5, 6].map(after)).toEqual([1, 2, 4, 8, 16, 24].map((h) => h * HOUR_MS))
    expect(after(40)).toBe(DAY_MS)
  })

  it('asks the Federal Register from the day before the last success, or 30 days back the first time', () => {
    expect(federalRegisterSince(Date.UTC(2026, 10, 20, 8), T)).toBe('2026-11-19')
    expect(federalRegisterSince(null, T)).toBe('2026-11-04')
  })
})
