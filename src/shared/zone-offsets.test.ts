// The fast path for canonical zoned strings must answer exactly as Temporal does: the same instant
// for a right offset, and a refusal (null: Temporal then throws) for a wrong one — around offset
// changes too, where a wall time occurs twice or not at all.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { Temporal } from 'temporal-polyfill'
import { canonicalEpochMs } from './zone-offsets.ts'

const ZONES = ['America/New_York', 'Europe/Brussels', 'Asia/Shanghai', 'Asia/Tokyo', 'Australia/Lord_Howe', 'America/Santiago', 'UTC']

function temporalMs(value: string): number | null {
  try {
    return Temporal.ZonedDateTime.from(value, { offset: 'reject' }).epochMilliseconds
  } catch {
    return null
  }
}

const offsetText = (minutes: number) => {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

describe('canonicalEpochMs', () => {
  it('gives Temporal’s instant for every canonical string, and refuses every offset Temporal refuses', () => {
    const instant = fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2060, 0, 1) })
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), fc.integer({ min: -180, max: 180 }), (ms, zone, shiftMinutes) => {
        // Near an offset change half the time: the interesting instants.
        const zdt = Temporal.Instant.fromEpochMilliseconds(Math.floor(ms / 1000) * 1000).toZonedDateTimeISO(zone)
        const change = zdt.getTimeZoneTransition('next')
        const at = change && ms % 2 === 0 ? change.add({ seconds: (Math.floor(ms / 1000) % 7200) - 3600 }) : zdt
        const text = at.toString({ smallestUnit: 'second', calendarName: 'never' })
        expect(canonicalEpochMs(text)).toBe(temporalMs(text))
        // The same wall time with another offset: valid only where Temporal says so.
        const wrong = text.replace(/[+-]\d{2}:\d{2}\[/, `${offsetText(at.offsetNanoseconds / 60e9 + shiftMinutes)}[`)
        const expected = temporalMs(wrong)
        const fast = canonicalEpochMs(wrong)
        if (fast !== null) expect(fast).toBe(expected)
      }),
      { numRuns: 3000 },
    )
  })

  it('leaves impossible dates, unknown zones and other forms to Temporal', () => {
    expect(canonicalEpochMs('2025-04-31T00:00:00-04:00[America/New_York]')).toBeNull()
    expect(canonicalEpochMs('2025-04-01T24:00:00-04:00[America/New_York]')).toBeNull()
    expect(canonicalEpochMs('2025-04-01T00:00:00-04:00[Mars/Olympus]')).toBeNull()
    expect(canonicalEpochMs('2025-04-01T00:00:00.5-04:00[America/New_York]')).toBeNull()
    expect(canonicalEpochMs('0099-04-01T00:00:00+00:00[UTC]')).toBeNull()
    expect(canonicalEpochMs('2025-04-01T00:00:00-04:00[America/New_York]')).toBe(Date.parse('2025-04-01T04:00:00Z'))
  })

  it('reads the canonical form only, to its last character, and the days each month has', () => {
    for (const other of [
      '2025-04-01T00:00:00-04:00[America/New_York]x',
      '2025-04-01T00:00:00-04:00[America/New_York',
      '2025-04-01T00:00:00-04:00[]',
      '2025-04-01T00:00:00-04:00[UTC]]',
      '2025-4-01T00:00:00-04:00[America/New_York]',
      '2025-0a-01T00:00:00-04:00[America/New_York]',
      '2025-04-01 00:00:00-04:00[America/New_York]',
      '2025-04-01T00:00:00*04:00[America/New_York]',
      '2025-04-01T00:00:00-04:60[America/New_York]',
      '2025-04-01T00:00:60-04:00[America/New_York]',
      '2025-04-00T00:00:00-04:00[America/New_York]',
      '2023-02-29T00:00:00+00:00[UTC]',
      '1900-02-29T00:00:00+00:00[UTC]',
      '2025-13-01T00:00:00+00:00[UTC]',
    ])
      expect(canonicalEpochMs(other), other).toBeNull()
    expect(canonicalEpochMs('2024-02-29T00:00:00+00:00[UTC]')).toBe(Date.parse('2024-02-29T00:00:00Z'))
    expect(canonicalEpochMs('2000-02-29T12:30:15+05:30[Asia/Kolkata]')).toBe(Date.parse('2000-02-29T07:00:15Z'))
    expect(canonicalEpochMs('2025-12-31T23:59:59-05:00[America/New_York]')).toBe(Date.parse('2026-01-01T04:59:59Z'))
  })
})
