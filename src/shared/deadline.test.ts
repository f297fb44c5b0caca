import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { Transition } from './domain.ts'
import { compareDeadlines, deadlineState } from './deadline.ts'
import { epochMs } from './time.ts'

function transition(kind: Transition['kind'], at: string): Transition {
  return { kind, at, atMs: epochMs(at), eventId: `e-${at}` }
}
const NOW = epochMs('2026-12-04T10:00:00+00:00[UTC]')
const ended = transition('suspension_end', '2026-11-10T00:00:00+08:00[Asia/Shanghai]')
const upcoming = transition('suspension_end', '2027-11-10T00:01:00-05:00[America/New_York]')

describe('deadline state', () => {
  it('a passed deadline with no outcome recorded is lapsed, in its legal zone, even with a later one scheduled', () => {
    expect(deadlineState({ next: upcoming, needsReview: true, reviewReason: ended }, NOW)).toEqual({
      kind: 'lapsed',
      transition: ended,
      zone: 'Asia/Shanghai',
    })
  })
  it('the next transition is upcoming, in its legal zone', () => {
    expect(deadlineState({ next: upcoming, needsReview: false, reviewReason: null }, NOW)).toEqual({
      kind: 'upcoming',
      transition: upcoming,
      zone: 'America/New_York',
    })
  })
  it('a next transition the clock has passed before the list reloaded is lapsed', () => {
    expect(deadlineState({ next: upcoming, needsReview: false, reviewReason: null }, upcoming.atMs + 1).kind).toBe('lapsed')
  })
  it('nothing scheduled', () => {
    expect(deadlineState({ next: null, needsReview: false, reviewReason: null }, NOW)).toEqual({ kind: 'none' })
  })
})

describe('sorting by deadline', () => {
  const row = (next: Transition | null, reason: Transition | null) => ({ next, needsReview: reason !== null, reviewReason: reason })
  const instant = fc.integer({ min: NOW - 400 * 86_400_000, max: NOW + 400 * 86_400_000 })
  const anyRow = fc
    .tuple(fc.option(instant), fc.option(instant))
    .map(([next, lapse]) => row(next === null ? null : { ...upcoming, atMs: next }, lapse === null ? null : { ...ended, atMs: lapse }))

  it('puts lapsed first (oldest lapse first), then the nearest upcoming, then nothing scheduled', () => {
    fc.assert(
      fc.property(fc.array(anyRow, { maxLength: 30 }), (rows) => {
        const sorted = rows.slice().sort(compareDeadlines)
        const kinds = sorted.map((r) => deadlineState(r, -Infinity).kind)
        const firstUpcoming = kinds.indexOf('upcoming')
        const firstNone = kinds.indexOf('none')
        if (firstUpcoming >= 0) expect(kinds.slice(firstUpcoming).includes('lapsed')).toBe(false)
        if (firstNone >= 0) expect(kinds.slice(firstNone).every((k) => k === 'none')).toBe(true)
        for (let i = 1; i < sorted.length; i++) {
          const [a, b] = [deadlineState(sorted[i - 1]!, -Infinity), deadlineState(sorted[i]!, -Infinity)]
          if (a.kind === b.kind && a.kind !== 'none' && b.kind !== 'none') expect(a.transition.atMs).toBeLessThanOrEqual(b.transition.atMs)
        }
      }),
    )
  })
})
