// Issue 11: an extension recorded at the lapsed deadline supersedes the end it moves — the
// suspension goes on (same start, same part), it does not lapse and restart.
import { describe, expect, it } from 'vitest'
import type { EventKind, MeasureEvent, RateValue } from '../../shared/domain.ts'
import { epochMs } from '../../shared/time.ts'
import { extendsAtLapse, statusAt, toTimedEvent, transitionsOf, type TimedEvent } from './engine.ts'

type Extra = Partial<Pick<MeasureEvent, 'until' | 'rate' | 'rateValue' | 'part'>>
const ev = (id: string, kind: EventKind, at: string, extra: Extra = {}): TimedEvent =>
  toTimedEvent({
    id,
    kind,
    at,
    until: extra.until ?? null,
    scheduled: false,
    rate: extra.rate ?? null,
    scope: null,
    rateValue: extra.rateValue ?? null,
    part: extra.part ?? null,
  })
const NY = (wall: string, offset = '-05:00') => `${wall}${offset}[America/New_York]`
const pct = (value: number): RateValue => ({ value, unit: 'percent' })
const BASE = { rate: '34%', scope: '', rateValue: pct(34) }

const EFFECTIVE = NY('2025-04-09T00:01:00', '-04:00')
const START = NY('2025-11-10T00:01:00')
const END = NY('2026-11-10T00:01:00')
const NEW_END = NY('2027-11-10T00:01:00')
const TODAY = Date.parse('2026-12-04T10:00:00Z')

describe('extendsAtLapse', () => {
  it('is true only for an extension dated exactly at the running end', () => {
    const end = epochMs(END)
    expect(extendsAtLapse(end, { kind: 'extended', atMs: end })).toBe(true)
    expect(extendsAtLapse(end, { kind: 'extended', atMs: end + 1 })).toBe(false)
    expect(extendsAtLapse(end, { kind: 'resumed', atMs: end })).toBe(false)
    expect(extendsAtLapse(Infinity, { kind: 'extended', atMs: end })).toBe(false)
  })
})

describe('an extension recorded at the lapsed end', () => {
  it('keeps a partial suspension partial, with its start and its rate in effect', () => {
    const events = [
      ev('e', 'effective', EFFECTIVE, { rate: '34%', rateValue: pct(34) }),
      ev('s', 'suspended', START, { until: END, part: { rate: 24, scope: null } }),
      ev('x', 'extended', END, { until: NEW_END }),
    ]
    expect(statusAt(events, TODAY, BASE)).toMatchObject({
      status: 'partly_suspended',
      since: START,
      suspendedUntil: NEW_END,
      rateInEffect: pct(10),
      needsReview: false,
      next: { kind: 'suspension_end', at: NEW_END, eventId: 'x' },
    })
    // The superseded end is no transition of the measure's life.
    expect(transitionsOf(events).map((t) => [t.kind, t.at])).toEqual([
      ['effective', EFFECTIVE],
      ['suspended', START],
      ['extended', END],
      ['suspension_end', NEW_END],
    ])
  })

  it('one recorded after the end still restarts: the measure was in force in between', () => {
    const late = NY('2026-12-01T00:00:00')
    const events = [
      ev('e', 'effective', EFFECTIVE),
      ev('s', 'suspended', START, { until: END }),
      ev('x', 'extended', late, { until: NEW_END }),
    ]
    expect(statusAt(events, TODAY, BASE)).toMatchObject({ status: 'suspended', since: late })
    expect(transitionsOf(events).map((t) => t.kind)).toContain('suspension_end')
  })
})
