import { describe, expect, it } from 'vitest'
import type { EventKind, MeasureEvent, Transition, TransitionKind } from '../../shared/domain.ts'
import { addDuration, epochMs } from '../../shared/time.ts'
import { compareEvents, statusAt, toTimedEvent, transitionsOf, type TimedEvent } from './engine.ts'

type Extra = Partial<Pick<MeasureEvent, 'until' | 'scheduled' | 'rate' | 'scope'>>

function ev(id: string, kind: EventKind, at: string, extra: Extra = {}): TimedEvent {
  return toTimedEvent({
    id,
    kind,
    at,
    until: extra.until ?? null,
    scheduled: extra.scheduled ?? false,
    rate: extra.rate ?? null,
    scope: extra.scope ?? null,
  })
}

const BASE = { rate: '10%', scope: 'all goods' }
const NY = (wall: string, offset = '-05:00') => `${wall}${offset}[America/New_York]`
const ms = (value: string) => epochMs(value)
const tr = (kind: TransitionKind, at: string, eventId: string): Transition => ({ kind, at, atMs: ms(at), eventId })

describe('toTimedEvent and compareEvents', () => {
  it('keeps the strings and adds their epoch milliseconds', () => {
    const event = ev('s', 'suspended', NY('2025-11-10T00:01:00'), { until: NY('2026-11-10T00:01:00') })
    expect(event.atMs).toBe(Date.parse('2025-11-10T05:01:00Z'))
    expect(event.untilMs).toBe(Date.parse('2026-11-10T05:01:00Z'))
    expect(event.at).toBe('2025-11-10T00:01:00-05:00[America/New_York]')
    expect(ev('a', 'announced', NY('2025-01-01T00:00:00')).untilMs).toBeNull()
  })

  it('orders by instant, then kind, then id', () => {
    const at = NY('2025-11-10T00:01:00')
    const sorted = [
      ev('b', 'terminated', at),
      ev('z', 'effective', at),
      ev('a', 'terminated', at),
      ev('x', 'review', NY('2025-11-09T00:00:00')),
    ].sort(compareEvents)
    expect(sorted.map((e) => e.id)).toEqual(['x', 'z', 'a', 'b'])
    expect(compareEvents(sorted[0] as TimedEvent, sorted[0] as TimedEvent)).toBe(0)
  })
})

describe('statusAt basics', () => {
  it('is pending with no since before any event, and with no events at all', () => {
    expect(statusAt([], 0, BASE)).toEqual({
      status: 'pending',
      since: null,
      next: null,
      needsReview: false,
      reviewReason: null,
      rate: '10%',
      scope: 'all goods',
      suspendedUntil: null,
      rateValue: null,
      rateInEffect: null,
      suspendedPart: null,
      commitment: null,
    })
    const events = [ev('a', 'announced', NY('2025-04-02T16:00:00', '-04:00')), ev('e', 'effective', NY('2025-04-05T00:01:00', '-04:00'))]
    const before = statusAt(events, ms(NY('2025-04-01T00:00:00', '-04:00')), BASE)
    expect(before.status).toBe('pending')
    expect(before.since).toBeNull()
    expect(before.next).toEqual(tr('announced', (events[0] as TimedEvent).at, 'a'))
  })

  it('announced → pending since its instant, next is the effective date; effective → in force', () => {
    const announced = NY('2025-04-02T16:00:00', '-04:00')
    const effective = NY('2025-04-05T00:01:00', '-04:00')
    const events = [ev('e', 'effective', effective), ev('a', 'announced', announced)]
    const pending = statusAt(events, ms(announced) + 1000, BASE)
    expect(pending.status).toBe('pending')
    expect(pending.since).toBe(announced)
    expect(pending.next).toEqual(tr('effective', effective, 'e'))
    expect(statusAt(events, ms(effective) - 1, BASE).status).toBe('pending')
    const inForce = statusAt(events, ms(effective), BASE)
    expect(inForce).toMatchObject({ status: 'in_force', since: effective, next: null, needsReview: false })
  })

  it('a second announcement or effective date does not restart since', () => {
    const events = [
      ev('a1', 'announced', NY('2025-01-01T00:00:00')),
      ev('a2', 'announced', NY('2025-01-05T00:00:00')),
      ev('e1', 'effective', NY('2025-02-01T00:00:00')),
      ev('e2', 'effective', NY('2025-02-05T00:00:00')),
      ev('a3', 'announced', NY('2025-02-10T00:00:00')),
    ]
    expect(statusAt(events, ms(NY('2025-01-20T00:00:00')), BASE).since).toBe(NY('2025-01-01T00:00:00'))
    expect(statusAt(events, ms(NY('2025-03-01T00:00:00')), BASE)).toMatchObject({ status: 'in_force', since: NY('2025-02-01T00:00:00') })
  })

  it('effective and amended override rate and scope only when non-null', () => {
    const events = [
      ev('e', 'effective', NY('2025-02-04T00:01:00'), { rate: '10%' }),
      ev('m1', 'amended', NY('2025-03-04T00:01:00'), { rate: '20%' }),
      ev('m2', 'amended', NY('2025-04-04T00:01:00', '-04:00'), { scope: 'electronics excluded' }),
      ev('s', 'suspended', NY('2025-05-04T00:01:00', '-04:00'), {
        rate: '99%',
        scope: 'ignored',
        until: NY('2025-06-04T00:01:00', '-04:00'),
      }),
    ]
    const base = { rate: null, scope: 'everything' }
    expect(statusAt(events, ms(NY('2025-01-01T00:00:00')), base)).toMatchObject({ rate: null, scope: 'everything' })
    expect(statusAt(events, ms(NY('2025-02-10T00:00:00')), base)).toMatchObject({ rate: '10%', scope: 'everything' })
    const amended = statusAt(events, ms(NY('2025-03-10T00:00:00', '-04:00')), base)
    expect(amended).toMatchObject({ status: 'in_force', since: NY('2025-02-04T00:01:00'), rate: '20%', scope: 'everything' })
    expect(amended.next).toEqual(tr('amended', NY('2025-04-04T00:01:00', '-04:00'), 'm2'))
    expect(statusAt(events, ms(NY('2025-05-10T00:00:00', '-04:00')), base)).toMatchObject({
      status: 'suspended',
      rate: '20%',
      scope: 'electronics excluded',
    })
  })

  it('terminated ignores a later suspension and extension, and `since` keeps the termination', () => {
    const terminated = NY('2025-06-01T00:00:00', '-04:00')
    const events = [
      ev('e', 'effective', NY('2025-01-01T00:00:00')),
      ev('t', 'terminated', terminated),
      ev('s', 'suspended', NY('2025-07-01T00:00:00', '-04:00'), { until: NY('2025-08-01T00:00:00', '-04:00') }),
      ev('x', 'extended', NY('2025-07-15T00:00:00', '-04:00'), { until: NY('2025-09-01T00:00:00', '-04:00') }),
      ev('t2', 'terminated', NY('2025-10-01T00:00:00', '-04:00')),
    ]
    const later = statusAt(events, ms(NY('2025-12-01T00:00:00')), BASE)
    expect(later).toMatchObject({ status: 'terminated', since: terminated, suspendedUntil: null, needsReview: false, next: null })
    // No suspension ever applied, so no suspension_end appears.
    expect(transitionsOf(events).map((t) => t.kind)).toEqual(['effective', 'terminated', 'suspended', 'extended', 'terminated'])
  })

  it('resumed ends a suspension early, and a later resumed is no new status', () => {
    const events = [
      ev('e', 'effective', NY('2025-01-01T00:00:00')),
      ev('s', 'suspended', NY('2025-02-01T00:00:00'), { until: NY('2025-12-01T00:00:00') }),
      ev('r', 'resumed', NY('2025-03-01T00:00:00')),
      ev('r2', 'resumed', NY('2025-04-01T00:00:00', '-04:00')),
    ]
    const suspended = statusAt(events, ms(NY('2025-02-10T00:00:00')), BASE)
    expect(suspended).toMatchObject({ status: 'suspended', since: NY('2025-02-01T00:00:00'), suspendedUntil: NY('2025-12-01T00:00:00') })
    expect(suspended.next).toEqual(tr('resumed', NY('2025-03-01T00:00:00'), 'r'))
    const resumed = statusAt(events, ms(NY('2025-12-10T00:00:00')), BASE)
    expect(resumed).toMatchObject({
      status: 'in_force',
      since: NY('2025-03-01T00:00:00'),
      suspendedUntil: null,
      needsReview: false,
      next: null,
    })
    // The cleared suspension never lapses.
    expect(transitionsOf(events).some((t) => t.kind === 'suspension_end')).toBe(false)
  })

  it('an indefinite suspension stays until resumed, with no lapse and nothing to count down to', () => {
    const events = [ev('e', 'effective', NY('2025-01-01T00:00:00')), ev('s', 'suspended', NY('2025-02-01T00:00:00'))]
    const far = statusAt(events, ms(NY('2035-01-01T00:00:00')), BASE)
    expect(far).toMatchObject({ status: 'suspended', suspendedUntil: null, next: null, needsReview: false })
  })

  it('does not depend on the order events are given in, nor mutate the input', () => {
    const events = [
      ev('e', 'effective', NY('2025-01-01T00:00:00')),
      ev('s', 'suspended', NY('2025-02-01T00:00:00'), { until: NY('2025-03-01T00:00:00') }),
      ev('t', 'terminated', NY('2025-02-01T00:00:00')),
    ]
    const reversed = [...events].reverse()
    const copy = [...reversed]
    const T = ms(NY('2025-02-15T00:00:00'))
    expect(statusAt(reversed, T, BASE)).toEqual(statusAt(events, T, BASE))
    expect(statusAt(events, T, BASE).status).toBe('terminated')
    expect(transitionsOf(reversed)).toEqual(transitionsOf(events))
    expect(reversed).toEqual(copy)
  })
})

describe('time zones and DST', () => {
  // US notice: 12:01 a.m. eastern time on 10 November 2025; the Chinese one: 13:01 Beijing time.
  const usAt = '2025-11-10T00:01:00-05:00[America/New_York]'
  const cnAt = '2025-11-10T13:01:00+08:00[Asia/Shanghai]'
  const us = [
    ev('us-e', 'effective', '2025-04-09T00:01:00-04:00[America/New_York]'),
    ev('us-s', 'suspended', usAt, { until: '2026-11-10T00:01:00-05:00[America/New_York]' }),
  ]
  const cn = [
    ev('cn-e', 'effective', '2025-04-10T12:01:00+08:00[Asia/Shanghai]'),
    ev('cn-s', 'suspended', cnAt, { until: '2026-11-10T13:01:00+08:00[Asia/Shanghai]' }),
  ]

  it('a US and a Chinese instant written in their own zones are the same instant', () => {
    expect(ms(usAt)).toBe(ms(cnAt))
    expect(ms(usAt)).toBe(Date.parse('2025-11-10T05:01:00Z'))
  })

  it('one minute before, both measures are in force; at the instant both are suspended', () => {
    const minuteBefore = Date.parse('2025-11-10T05:00:00Z')
    expect(statusAt(us, minuteBefore, BASE).status).toBe('in_force')
    expect(statusAt(cn, minuteBefore, BASE).status).toBe('in_force')
    expect(statusAt(us, ms(usAt) - 1, BASE).status).toBe('in_force')
    const usNow = statusAt(us, ms(usAt), BASE)
    const cnNow = statusAt(cn, ms(cnAt), BASE)
    expect(usNow).toMatchObject({ status: 'suspended', since: usAt, suspendedUntil: '2026-11-10T00:01:00-05:00[America/New_York]' })
    expect(cnNow).toMatchObject({ status: 'suspended', since: cnAt, suspendedUntil: '2026-11-10T13:01:00+08:00[Asia/Shanghai]' })
    // The legal zone travels with the countdown target.
    expect(statusAt(us, minuteBefore, BASE).next?.at).toBe(usAt)
    expect(statusAt(cn, minuteBefore, BASE).next?.at).toBe(cnAt)
  })

  it('a one-year suspension from 00:01 eastern ends at 00:01 eastern a year later, exactly', () => {
    const start = '2026-03-01T00:01:00-05:00[America/New_York]'
    const until = addDuration(start, 'P1Y')
    expect(until).toBe('2027-03-01T00:01:00-05:00[America/New_York]')
    const events = [ev('e', 'effective', '2025-01-01T00:00:00-05:00[America/New_York]'), ev('s', 'suspended', start, { until })]
    expect(statusAt(events, ms(until) - 1, BASE)).toMatchObject({
      status: 'suspended',
      suspendedUntil: until,
      next: tr('suspension_end', until, 's'),
    })
    expect(statusAt(events, ms(until), BASE)).toMatchObject({ status: 'in_force', since: until, suspendedUntil: null })
  })

  it('a suspension across the March DST change keeps the 00:01 wall clock with the summer offset', () => {
    const start = '2026-03-05T00:01:00-05:00[America/New_York]'
    const until = addDuration(start, 'P1M')
    expect(until).toBe('2026-04-05T00:01:00-04:00[America/New_York]')
    expect(ms(until) - ms(start)).toBe(31 * 86_400_000 - 3_600_000)
    const events = [ev('e', 'effective', '2025-01-01T00:00:00-05:00[America/New_York]'), ev('s', 'suspended', start, { until })]
    expect(statusAt(events, Date.parse('2026-04-05T04:00:59.999Z'), BASE).status).toBe('suspended')
    expect(statusAt(events, Date.parse('2026-04-05T04:01:00Z'), BASE)).toMatchObject({ status: 'in_force', since: until })
  })

  it('a suspension across the November DST change keeps the 00:01 wall clock with the winter offset', () => {
    const start = '2026-10-10T00:01:00-04:00[America/New_York]'
    const until = addDuration(start, 'P1M')
    expect(until).toBe('2026-11-10T00:01:00-05:00[America/New_York]')
    expect(ms(until) - ms(start)).toBe(31 * 86_400_000 + 3_600_000)
    const events = [ev('e', 'effective', '2025-01-01T00:00:00-05:00[America/New_York]'), ev('s', 'suspended', start, { until })]
    expect(statusAt(events, Date.parse('2026-11-10T05:00:59.999Z'), BASE).status).toBe('suspended')
    expect(statusAt(events, Date.parse('2026-11-10T05:01:00Z'), BASE).status).toBe('in_force')
  })
})

describe('suspension lapse and review', () => {
  const effective = NY('2025-04-09T00:01:00', '-04:00')
  const start = NY('2025-11-10T00:01:00')
  const until = NY('2026-11-10T00:01:00')
  const lapseMs = ms(until)
  const life = [ev('e', 'effective', effective), ev('s', 'suspended', start, { until })]
  const lapseTransition = tr('suspension_end', until, 's')

  it('lapses at exactly the until instant, back in force, and needs review', () => {
    const justBefore = statusAt(life, lapseMs - 1, BASE)
    expect(justBefore).toMatchObject({ status: 'suspended', since: start, suspendedUntil: until, needsReview: false, reviewReason: null })
    expect(justBefore.next).toEqual(lapseTransition)
    const at = statusAt(life, lapseMs, BASE)
    expect(at).toEqual({
      status: 'in_force',
      since: until,
      next: null,
      needsReview: true,
      reviewReason: lapseTransition,
      rate: '10%',
      scope: 'all goods',
      suspendedUntil: null,
      rateValue: null,
      rateInEffect: null,
      suspendedPart: null,
      commitment: null,
    })
    expect(statusAt(life, lapseMs + 86_400_000 * 400, BASE).needsReview).toBe(true)
  })

  it('a review at or after the lapse resolves it; one before does not', () => {
    const reviewedAfter = [...life, ev('r', 'review', NY('2026-11-12T09:00:00'))]
    expect(statusAt(reviewedAfter, ms(NY('2026-11-11T00:00:00')), BASE).needsReview).toBe(true)
    const resolved = statusAt(reviewedAfter, ms(NY('2026-11-12T09:00:00')), BASE)
    expect(resolved).toMatchObject({ status: 'in_force', since: until, needsReview: false, reviewReason: null })
    expect(statusAt([...life, ev('r', 'review', until)], lapseMs, BASE).needsReview).toBe(false)
    expect(statusAt([...life, ev('r', 'review', NY('2026-11-09T00:00:00'))], lapseMs, BASE).needsReview).toBe(true)
    // A review is no transition: nothing to count down to.
    expect(statusAt(reviewedAfter, lapseMs, BASE).next).toBeNull()
    expect(transitionsOf(reviewedAfter).some((t) => (t.kind as string) === 'review')).toBe(false)
  })

  it('an extension recorded after the lapse re-suspends and resolves the review', () => {
    const late = NY('2026-11-12T10:00:00')
    const newUntil = NY('2027-11-10T00:01:00')
    const events = [...life, ev('x', 'extended', late, { until: newUntil })]
    expect(statusAt(events, ms(late) - 1, BASE)).toMatchObject({ status: 'in_force', needsReview: true, next: tr('extended', late, 'x') })
    const now = statusAt(events, ms(late), BASE)
    expect(now).toMatchObject({ status: 'suspended', since: late, suspendedUntil: newUntil, needsReview: false })
    expect(now.next).toEqual(tr('suspension_end', newUntil, 'x'))
  })

  it('an extension recorded while suspended only moves the end; the lapse belongs to it', () => {
    const newUntil = NY('2027-11-10T00:01:00')
    const events = [...life, ev('x', 'extended', NY('2026-11-01T00:00:00', '-04:00'), { until: newUntil })]
    const during = statusAt(events, lapseMs, BASE)
    expect(during).toMatchObject({ status: 'suspended', since: start, suspendedUntil: newUntil, needsReview: false })
    expect(during.next).toEqual(tr('suspension_end', newUntil, 'x'))
    expect(statusAt(events, ms(newUntil), BASE)).toMatchObject({
      status: 'in_force',
      since: newUntil,
      needsReview: true,
      reviewReason: tr('suspension_end', newUntil, 'x'),
    })
  })

  it('an extension at exactly the until instant supersedes the end: no lapse, the suspension keeps its start', () => {
    const newUntil = NY('2027-11-10T00:01:00')
    const events = [...life, ev('x', 'extended', until, { until: newUntil })]
    expect(transitionsOf(events)).toEqual([
      tr('effective', effective, 'e'),
      tr('suspended', start, 's'),
      tr('extended', until, 'x'),
      tr('suspension_end', newUntil, 'x'),
    ])
    const at = statusAt(events, lapseMs, BASE)
    expect(at).toMatchObject({ status: 'suspended', since: start, suspendedUntil: newUntil, needsReview: false, reviewReason: null })
    expect(at.next).toEqual(tr('suspension_end', newUntil, 'x'))
    // Recorded after the fact ("today"), it reads the same: suspended since the original start.
    expect(statusAt(events, ms(NY('2026-12-04T09:00:00')), BASE)).toMatchObject({ status: 'suspended', since: start, needsReview: false })
    // Just before, the countdown shows the extension (the end it supersedes never comes).
    expect(statusAt(events, lapseMs - 1, BASE).next).toEqual(tr('extended', until, 'x'))
    // The new end lapses as usual.
    expect(statusAt(events, ms(newUntil), BASE)).toMatchObject({ status: 'in_force', since: newUntil, needsReview: true })
  })

  it('any other event at the until instant still comes after the lapse', () => {
    const events = [...life, ev('m', 'amended', until, { rate: '20%' }), ev('x', 'extended', until, { until: NY('2027-11-10T00:01:00') })]
    expect(transitionsOf(events).map((t) => t.kind)).toEqual([
      'effective',
      'suspended',
      'suspension_end',
      'amended',
      'extended',
      'suspension_end',
    ])
    expect(statusAt(events, lapseMs, BASE)).toMatchObject({ status: 'suspended', since: until })
  })

  it('a resumed recorded after the lapse resolves it; terminated too', () => {
    const later = NY('2026-12-01T00:00:00')
    expect(statusAt([...life, ev('r', 'resumed', later)], ms(later), BASE)).toMatchObject({
      status: 'in_force',
      since: until,
      needsReview: false,
    })
    expect(statusAt([...life, ev('t', 'terminated', later)], ms(later), BASE)).toMatchObject({
      status: 'terminated',
      since: later,
      needsReview: false,
    })
  })

  it('an extension without a prior suspension suspends the measure', () => {
    const at = NY('2025-06-01T00:00:00', '-04:00')
    const events = [ev('e', 'effective', effective), ev('x', 'extended', at, { until })]
    expect(statusAt(events, ms(at), BASE)).toMatchObject({ status: 'suspended', since: at, suspendedUntil: until })
  })

  it('an until that is not after its own instant lapses at once, at that instant', () => {
    const at = NY('2025-06-01T00:00:00', '-04:00')
    const events = [ev('e', 'effective', effective), ev('s', 'suspended', at, { until: NY('2025-05-01T00:00:00', '-04:00') })]
    expect(statusAt(events, ms(at) - 1, BASE).next).toEqual(tr('suspended', at, 's'))
    expect(statusAt(events, ms(at), BASE)).toMatchObject({ status: 'in_force', since: at, suspendedUntil: null, needsReview: false })
    expect(transitionsOf(events).map((t) => [t.kind, t.at])).toEqual([
      ['effective', effective],
      ['suspended', at],
      ['suspension_end', at],
    ])
  })

  it('transitionsOf lists every event but reviews, plus each lapse, in time order', () => {
    const newUntil = NY('2027-11-10T00:01:00')
    const events = [
      ev('r1', 'review', NY('2026-11-11T00:00:00')),
      ev('x', 'extended', NY('2026-11-11T12:00:00'), { until: newUntil }),
      ...life,
      ev('a', 'announced', NY('2025-04-02T16:00:00', '-04:00')),
    ]
    expect(transitionsOf(events)).toEqual([
      tr('announced', NY('2025-04-02T16:00:00', '-04:00'), 'a'),
      tr('effective', effective, 'e'),
      tr('suspended', start, 's'),
      lapseTransition,
      tr('extended', NY('2026-11-11T12:00:00'), 'x'),
      tr('suspension_end', newUntil, 'x'),
    ])
    expect(transitionsOf([])).toEqual([])
  })
})

describe('scheduled events', () => {
  const effective = NY('2025-01-01T00:00:00')
  const sunset = NY('2027-01-01T00:00:00')

  it('a passed scheduled termination (sunset) needs review until something is recorded', () => {
    const events = [ev('e', 'effective', effective), ev('sun', 'terminated', sunset, { scheduled: true })]
    const before = statusAt(events, ms(sunset) - 1, BASE)
    expect(before).toMatchObject({ status: 'in_force', needsReview: false, next: tr('terminated', sunset, 'sun') })
    const passed = statusAt(events, ms(sunset), BASE)
    expect(passed).toMatchObject({
      status: 'terminated',
      since: sunset,
      needsReview: true,
      reviewReason: tr('terminated', sunset, 'sun'),
      next: null,
    })
    const reviewed = [...events, ev('rv', 'review', NY('2027-01-02T00:00:00'))]
    expect(statusAt(reviewed, ms(NY('2027-01-03T00:00:00')), BASE).needsReview).toBe(false)
  })

  it('an unscheduled termination needs no review', () => {
    const events = [ev('e', 'effective', effective), ev('t', 'terminated', sunset)]
    expect(statusAt(events, ms(sunset), BASE).needsReview).toBe(false)
  })

  it('a scheduled rate rise passed needs review; an unscheduled event at the same instant resolves it', () => {
    const rise = NY('2026-06-01T00:01:00', '-04:00')
    const events = [ev('e', 'effective', effective), ev('m', 'amended', rise, { scheduled: true, rate: '25%' })]
    expect(statusAt(events, ms(rise), BASE)).toMatchObject({ rate: '25%', needsReview: true, reviewReason: tr('amended', rise, 'm') })
    expect(statusAt([...events, ev('c', 'announced', rise)], ms(rise), BASE).needsReview).toBe(false)
  })

  it('two scheduled events at the same instant do not confirm each other; the reason is the later one', () => {
    const at = NY('2026-06-01T00:01:00', '-04:00')
    const events = [
      ev('e', 'effective', effective),
      ev('m', 'amended', at, { scheduled: true, rate: '25%' }),
      ev('t', 'terminated', at, { scheduled: true }),
    ]
    expect(statusAt(events, ms(at), BASE)).toMatchObject({ needsReview: true, reviewReason: tr('terminated', at, 't') })
  })

  it('a scheduled effective date that passes needs review; the latest passed scheduled transition is the reason', () => {
    const start = NY('2026-02-01T00:00:00')
    const until = NY('2026-03-01T00:00:00')
    const events = [
      ev('a', 'announced', NY('2025-12-01T00:00:00')),
      ev('e', 'effective', NY('2026-01-01T00:00:00'), { scheduled: true }),
      ev('rv', 'review', NY('2026-01-02T00:00:00')),
      ev('s', 'suspended', start, { until }),
    ]
    expect(statusAt(events, ms(NY('2026-01-01T12:00:00')), BASE)).toMatchObject({
      status: 'in_force',
      needsReview: true,
      reviewReason: { kind: 'effective', eventId: 'e' },
    })
    expect(statusAt(events, ms(NY('2026-01-02T00:00:00')), BASE).needsReview).toBe(false)
    expect(statusAt(events, ms(until), BASE)).toMatchObject({ needsReview: true, reviewReason: tr('suspension_end', until, 's') })
  })

  it('a scheduled review event still counts as a record, never as a transition', () => {
    const events = [
      ev('e', 'effective', effective),
      ev('sun', 'terminated', sunset, { scheduled: true }),
      ev('rv', 'review', NY('2027-01-05T00:00:00'), { scheduled: true }),
    ]
    expect(statusAt(events, ms(NY('2027-01-06T00:00:00')), BASE).needsReview).toBe(false)
  })

  it('adding an event after T changes only next', () => {
    const events = [ev('e', 'effective', effective), ev('sun', 'terminated', sunset, { scheduled: true })]
    const T = ms(sunset) + 1000
    const later = NY('2027-02-01T00:00:00')
    const withLater = statusAt([...events, ev('r', 'resumed', later)], T, BASE)
    expect({ ...withLater, next: null }).toEqual(statusAt(events, T, BASE))
    expect(withLater.next).toEqual(tr('resumed', later, 'r'))
  })
})
