// Issue 10: partial suspensions and the rate in effect, scheduled rate steps (and what they do
// inside a suspension), and commitments with recorded progress.
import { describe, expect, it } from 'vitest'
import type { EventKind, MeasureEvent, RateValue } from '../../shared/domain.ts'
import { epochMs } from '../../shared/time.ts'
import { statusAt, toTimedCommitment, toTimedEvent, toTimedProgress, transitionsOf, type EngineBase, type TimedEvent } from './engine.ts'

type Extra = Partial<Pick<MeasureEvent, 'until' | 'scheduled' | 'rate' | 'scope' | 'rateValue' | 'part' | 'whenSuspended'>>

function ev(id: string, kind: EventKind, at: string, extra: Extra = {}): TimedEvent {
  return toTimedEvent({
    id,
    kind,
    at,
    until: extra.until ?? null,
    scheduled: extra.scheduled ?? false,
    rate: extra.rate ?? null,
    scope: extra.scope ?? null,
    rateValue: extra.rateValue ?? null,
    part: extra.part ?? null,
    whenSuspended: extra.whenSuspended ?? null,
  })
}

const NY = (wall: string, offset = '-05:00') => `${wall}${offset}[America/New_York]`
const SH = (wall: string) => `${wall}+08:00[Asia/Shanghai]`
const ms = (value: string) => epochMs(value)
const pct = (value: number): RateValue => ({ value, unit: 'percent' })
const usd = (value: number): RateValue => ({ value, unit: 'amount', currency: 'USD', per: 'net ton' })

// The reciprocal-tariff shape: 34% in force, then 24 points suspended (10% still collected),
// extended twice, the extensions saying nothing about the part.
const EFFECTIVE = NY('2025-04-09T00:01:00', '-04:00')
const SUSPENDED = NY('2025-05-14T00:01:00', '-04:00')
const FIRST_END = NY('2025-08-12T00:01:00', '-04:00')
const SECOND_END = NY('2025-11-10T00:01:00')
const THIRD_END = NY('2026-11-10T00:01:00')
const reciprocal = [
  ev('effective', 'effective', EFFECTIVE, { rate: '34%', rateValue: pct(34) }),
  ev('suspended', 'suspended', SUSPENDED, { until: FIRST_END, part: { rate: 24, scope: null } }),
  ev('extended-1', 'extended', NY('2025-08-11T12:00:00', '-04:00'), { until: SECOND_END }),
  ev('extended-2', 'extended', NY('2025-11-04T12:00:00'), { until: THIRD_END }),
]
const BASE: EngineBase = { rate: '34%', scope: 'all goods', rateValue: pct(34) }

describe('partial suspension', () => {
  it('reads partly suspended with 10% in effect of 34%, 24 points suspended, through every extension', () => {
    for (const at of [SUSPENDED, NY('2025-08-11T23:59:00', '-04:00'), NY('2026-06-01T12:00:00', '-04:00')]) {
      const state = statusAt(reciprocal, ms(at), BASE)
      expect(state).toMatchObject({
        status: 'partly_suspended',
        since: SUSPENDED,
        rate: '34%',
        rateValue: pct(34),
        rateInEffect: pct(10),
        suspendedPart: { rate: 24, scope: null },
        suspendedUntil: at === SUSPENDED ? FIRST_END : at.startsWith('2025-08') ? SECOND_END : THIRD_END,
      })
    }
  })

  it('is in force at the full rate before the suspension and from the instant it lapses', () => {
    expect(statusAt(reciprocal, ms(SUSPENDED) - 1, BASE)).toMatchObject({ status: 'in_force', rateInEffect: pct(34), suspendedPart: null })
    const lapsed = statusAt(reciprocal, ms(THIRD_END), BASE)
    expect(lapsed).toMatchObject({ status: 'in_force', since: THIRD_END, rateInEffect: pct(34), suspendedPart: null, needsReview: true })
    expect(statusAt(reciprocal, ms(THIRD_END) - 1, BASE).next).toEqual({
      kind: 'suspension_end',
      at: THIRD_END,
      atMs: ms(THIRD_END),
      eventId: 'extended-2',
    })
  })

  it('collects nothing while pending, wholly suspended or terminated; a whole suspension reads suspended', () => {
    const events = [
      ev('e', 'effective', EFFECTIVE, { rateValue: pct(20), rate: '20%' }),
      ev('s', 'suspended', SUSPENDED, { until: FIRST_END }),
      ev('t', 'terminated', THIRD_END),
    ]
    expect(statusAt(events, ms(EFFECTIVE) - 1, BASE)).toMatchObject({ status: 'pending', rateInEffect: pct(0), rateValue: pct(34) })
    expect(statusAt(events, ms(SUSPENDED), BASE)).toMatchObject({
      status: 'suspended',
      rateInEffect: pct(0),
      rateValue: pct(20),
      suspendedPart: null,
    })
    expect(statusAt(events, ms(FIRST_END), BASE)).toMatchObject({ status: 'in_force', rateInEffect: pct(20) })
    expect(statusAt(events, ms(THIRD_END), BASE)).toMatchObject({ status: 'terminated', rateInEffect: pct(0) })
  })

  it('never goes below zero when more points are suspended than the rate has', () => {
    const events = [
      ev('e', 'effective', EFFECTIVE, { rateValue: pct(10) }),
      ev('s', 'suspended', SUSPENDED, { part: { rate: 24, scope: null } }),
    ]
    expect(statusAt(events, ms(SUSPENDED), { rate: null, scope: '' })).toMatchObject({ status: 'partly_suspended', rateInEffect: pct(0) })
  })

  it('a scope part leaves the rate whole; a later whole suspension or a new part replaces the part', () => {
    const scopePart = { rate: null, scope: 'graphite end-use review' }
    const events = [
      ev('e', 'effective', EFFECTIVE),
      ev('s', 'suspended', SUSPENDED, { part: scopePart }),
      ev('x', 'suspended', NY('2025-06-01T00:00:00', '-04:00')),
      ev('y', 'extended', NY('2025-07-01T00:00:00', '-04:00'), { until: FIRST_END, part: { rate: 5, scope: null } }),
    ]
    expect(statusAt(events, ms(SUSPENDED), BASE)).toMatchObject({
      status: 'partly_suspended',
      suspendedPart: scopePart,
      rateInEffect: pct(34),
    })
    expect(statusAt(events, ms(NY('2025-06-01T00:00:00', '-04:00')), BASE)).toMatchObject({
      status: 'suspended',
      since: NY('2025-06-01T00:00:00', '-04:00'),
      suspendedPart: null,
      rateInEffect: pct(0),
    })
    expect(statusAt(events, ms(NY('2025-07-01T00:00:00', '-04:00')), BASE)).toMatchObject({
      status: 'partly_suspended',
      rateInEffect: pct(29),
    })
  })

  it('an extension after the suspension lapsed starts a whole suspension unless it names a part', () => {
    const events = [
      ev('e', 'effective', EFFECTIVE),
      ev('s', 'suspended', SUSPENDED, { until: FIRST_END, part: { rate: 24, scope: null } }),
      ev('x', 'extended', SECOND_END, { until: THIRD_END }),
    ]
    expect(statusAt(events, ms(SECOND_END), BASE)).toMatchObject({ status: 'suspended', suspendedPart: null })
  })

  it('has no rate in effect without a number, and a new rate text without a number makes the number unknown', () => {
    const events = [ev('e', 'effective', EFFECTIVE, { rate: '34%' }), ev('m', 'amended', FIRST_END, { rate: 'by product' })]
    expect(statusAt(events, ms(EFFECTIVE), BASE)).toMatchObject({ rate: '34%', rateValue: pct(34), rateInEffect: pct(34) })
    expect(statusAt(events, ms(FIRST_END), BASE)).toMatchObject({ rate: 'by product', rateValue: null, rateInEffect: null })
    expect(statusAt(events, ms(FIRST_END), { rate: '34%', scope: '' })).toMatchObject({ rateValue: null, rateInEffect: null })
  })
})

describe('rate steps', () => {
  // A fee of USD 50 from 14 Oct 2025, USD 80 from 17 Apr 2026, USD 110 from 17 Apr 2027, with
  // a one-year suspension from 10 Nov 2025.
  const START = NY('2025-10-14T00:01:00', '-04:00')
  const STEP_1 = NY('2026-04-17T00:01:00', '-04:00')
  const STEP_2 = NY('2027-04-17T00:01:00', '-04:00')
  const SUSPEND = NY('2025-11-10T00:01:00')
  const RESUME = NY('2026-11-10T00:01:00')
  const fees = (policy: MeasureEvent['whenSuspended'], part: MeasureEvent['part'] = null) => [
    ev('effective', 'effective', START, { rate: 'USD 50 per net ton', rateValue: usd(50) }),
    ev('step-1', 'rate_step', STEP_1, { rate: 'USD 80 per net ton', rateValue: usd(80), whenSuspended: policy }),
    ev('step-2', 'rate_step', STEP_2, { rate: 'USD 110 per net ton', rateValue: usd(110), whenSuspended: policy }),
    ev('suspended', 'suspended', SUSPEND, { until: RESUME, part }),
  ]
  const base: EngineBase = { rate: null, scope: '' }

  it('applies a step only once in force, and counts a future step as the next deadline', () => {
    const events = fees(null).filter((e) => e.kind !== 'suspended')
    expect(statusAt(events, ms(STEP_1) - 1, base)).toMatchObject({
      rateValue: usd(50),
      rateInEffect: usd(50),
      next: { kind: 'rate_step', at: STEP_1, eventId: 'step-1' },
    })
    expect(statusAt(events, ms(STEP_1), base)).toMatchObject({
      rate: 'USD 80 per net ton',
      rateInEffect: usd(80),
      status: 'in_force',
      since: START,
      next: { kind: 'rate_step', at: STEP_2 },
    })
    expect(transitionsOf(events).map((t) => t.kind)).toEqual(['effective', 'rate_step', 'rate_step'])
  })

  it('apply: a step inside a suspension changes the full rate at its instant and is collected when the suspension ends', () => {
    const events = fees('apply')
    expect(statusAt(events, ms(STEP_1), base)).toMatchObject({ status: 'suspended', rateValue: usd(80), rateInEffect: usd(0) })
    expect(statusAt(events, ms(RESUME), base)).toMatchObject({ status: 'in_force', rateValue: usd(80), rateInEffect: usd(80) })
    expect(statusAt(events, ms(STEP_2), base)).toMatchObject({ rateInEffect: usd(110) })
  })

  it('defer: a step inside a suspension is held and applies at the instant the suspension ends', () => {
    const events = fees('defer')
    expect(statusAt(events, ms(STEP_1), base)).toMatchObject({ status: 'suspended', rateValue: usd(50) })
    expect(statusAt(events, ms(RESUME) - 1, base)).toMatchObject({ rateValue: usd(50) })
    expect(statusAt(events, ms(RESUME), base)).toMatchObject({ status: 'in_force', rateValue: usd(80), rateInEffect: usd(80) })
    // Held also under a partial suspension: the unsuspended part is still collected at the old rate.
    const partly = fees('defer', { rate: 20, scope: null })
    expect(statusAt(partly, ms(STEP_1), base)).toMatchObject({ status: 'partly_suspended', rateValue: usd(50), rateInEffect: usd(30) })
    expect(statusAt(partly, ms(RESUME), base)).toMatchObject({ rateInEffect: usd(80) })
  })

  it('defer: a step held when the suspension is ended early by a resumption applies then; termination drops it', () => {
    const resumed = [...fees('defer'), ev('resumed', 'resumed', NY('2026-06-01T00:00:00', '-04:00'))]
    expect(statusAt(resumed, ms(NY('2026-06-01T00:00:00', '-04:00')), base)).toMatchObject({ status: 'in_force', rateValue: usd(80) })
    const terminated = [...fees('defer'), ev('terminated', 'terminated', NY('2026-06-01T00:00:00', '-04:00'))]
    expect(statusAt(terminated, ms(NY('2026-06-01T00:00:00', '-04:00')), base)).toMatchObject({ status: 'terminated', rateValue: usd(50) })
  })

  it('skip: a step inside a suspension never applies; the next step outside it does', () => {
    const events = fees('skip')
    expect(statusAt(events, ms(STEP_1), base)).toMatchObject({ rateValue: usd(50) })
    expect(statusAt(events, ms(RESUME), base)).toMatchObject({ status: 'in_force', rateValue: usd(50), rateInEffect: usd(50) })
    expect(statusAt(events, ms(STEP_2), base)).toMatchObject({ rateValue: usd(110), rateInEffect: usd(110) })
  })

  it('a step with only a text (rate to be announced) is still a deadline and leaves the number unknown', () => {
    const RISE = NY('2027-06-23T00:01:00', '-04:00')
    const events = [
      ev('e', 'effective', NY('2025-12-23T00:01:00'), { rate: '0%', rateValue: pct(0) }),
      ev('r', 'rate_step', RISE, { rate: 'to be announced', scheduled: true }),
    ]
    const before = statusAt(events, ms(NY('2026-06-01T00:00:00', '-04:00')), { rate: null, scope: '' })
    expect(before).toMatchObject({ rate: '0%', rateInEffect: pct(0), next: { kind: 'rate_step', at: RISE, eventId: 'r' } })
    const after = statusAt(events, ms(RISE), { rate: null, scope: '' })
    expect(after).toMatchObject({
      rate: 'to be announced',
      rateValue: null,
      rateInEffect: null,
      needsReview: true,
      reviewReason: { kind: 'rate_step', at: RISE },
    })
  })
})

describe('commitments', () => {
  const DEADLINE = SH('2027-01-01T00:00:00')
  const commitment = toTimedCommitment({ target: 25, unit: { en: 'million tonnes' }, deadline: DEADLINE })
  const effective = [ev('e', 'effective', SH('2025-11-10T00:00:00'))]
  const base = (progress: { value: number; asOf: string }[]): EngineBase => ({
    rate: null,
    scope: '',
    commitment,
    progress: progress.map(toTimedProgress),
  })
  const mid = ms(SH('2026-07-01T00:00:00'))

  it('is pending before the deadline, with the latest figure as of the instant and the deadline as next', () => {
    const state = statusAt(
      effective,
      mid,
      base([
        { value: 5, asOf: SH('2026-03-31T00:00:00') },
        { value: 12.1, asOf: SH('2026-06-30T00:00:00') },
        { value: 20, asOf: SH('2026-09-30T00:00:00') },
      ]),
    )
    expect(state.commitment).toEqual({
      target: 25,
      unit: { en: 'million tonnes' },
      deadline: DEADLINE,
      deadlineMs: ms(DEADLINE),
      progress: 12.1,
      progressAsOf: SH('2026-06-30T00:00:00'),
      outcome: 'pending',
    })
    expect(state.next).toEqual({ kind: 'commitment_deadline', at: DEADLINE, atMs: ms(DEADLINE), eventId: 'commitment' })
    expect(state.needsReview).toBe(false)
  })

  it('is met once a figure as of no later than the deadline reaches the target, even before it', () => {
    const progress = base([{ value: 25.3, asOf: SH('2026-11-30T00:00:00') }])
    expect(statusAt(effective, ms(SH('2026-11-30T00:00:00')) - 1, progress).commitment?.outcome).toBe('pending')
    expect(statusAt(effective, ms(SH('2026-11-30T00:00:00')), progress).commitment?.outcome).toBe('met')
    expect(statusAt(effective, ms(DEADLINE) + 400 * 86_400_000, progress)).toMatchObject({
      needsReview: false,
      commitment: { outcome: 'met' },
    })
  })

  it('is missed when a figure as of the deadline or later falls short; a late figure that reaches it does not make it met', () => {
    const short = base([
      { value: 12, asOf: SH('2026-06-30T00:00:00') },
      { value: 22, asOf: DEADLINE },
    ])
    expect(statusAt(effective, ms(DEADLINE), short)).toMatchObject({ needsReview: false, commitment: { outcome: 'missed', progress: 22 } })
    const late = base([{ value: 30, asOf: SH('2027-03-01T00:00:00') }])
    expect(statusAt(effective, ms(SH('2027-03-01T00:00:00')), late)).toMatchObject({
      needsReview: true,
      commitment: { outcome: 'needs_review' },
    })
  })

  it('needs review after the deadline with no figure that settles it, with the deadline as the reason', () => {
    const state = statusAt(effective, ms(DEADLINE), base([{ value: 12, asOf: SH('2026-06-30T00:00:00') }]))
    expect(state).toMatchObject({
      needsReview: true,
      reviewReason: { kind: 'commitment_deadline', at: DEADLINE, eventId: 'commitment' },
      next: null,
    })
    expect(state.commitment?.outcome).toBe('needs_review')
    expect(statusAt(effective, ms(DEADLINE) - 1, base([])).commitment?.outcome).toBe('pending')
  })

  it('lists the deadline among the transitions, after events at the same instant', () => {
    const events = [...effective, ev('t', 'terminated', DEADLINE), ev('late', 'amended', SH('2027-02-01T00:00:00'), { rate: 'x' })]
    expect(transitionsOf(events, { commitment }).map((t) => [t.kind, t.at])).toEqual([
      ['effective', SH('2025-11-10T00:00:00')],
      ['terminated', DEADLINE],
      ['commitment_deadline', DEADLINE],
      ['amended', SH('2027-02-01T00:00:00')],
    ])
  })
})
