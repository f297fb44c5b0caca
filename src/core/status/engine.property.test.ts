import fc from 'fast-check'
import { Temporal } from 'temporal-polyfill'
import { describe, expect, it } from 'vitest'
import { EVENT_KINDS } from '../../shared/domain.ts'
import type { EventKind, MeasureStatus, Status, Transition, TransitionKind } from '../../shared/domain.ts'
import { epochMs } from '../../shared/time.ts'
import { compareEvents, statusAt, toTimedEvent, transitionsOf, type TimedEvent } from './engine.ts'

const ZONES = ['America/New_York', 'Asia/Shanghai', 'Europe/Berlin', 'UTC'] as const
const START = Date.parse('2025-01-01T00:00:00Z')
const END = Date.parse('2028-12-31T00:00:00Z')
const DAY = 86_400_000
const BASE = { rate: 'base-rate', scope: 'base scope' }

function zoned(ms: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toString({ smallestUnit: 'second', calendarName: 'never' })
}

const msCache = new Map<string, number>()
function msOf(value: string): number {
  let ms = msCache.get(value)
  if (ms === undefined) {
    ms = epochMs(value)
    msCache.set(value, ms)
  }
  return ms
}

// Instants in whole seconds. Half of them fall on a few shared 00:01-UTC-style slots, so that
// events (and suspension ends) often share an instant and the tie-breaking rules are exercised.
const instantArb = fc.oneof(
  fc.integer({ min: 0, max: 11 }).map((slot) => START + slot * 120 * DAY + 60_000),
  fc.integer({ min: START / 1000, max: END / 1000 }).map((s) => s * 1000),
)
const zoneArb = fc.constantFrom(...ZONES)

interface Draft {
  kind: EventKind
  atMs: number
  zone: string
  until: { ms: number; zone: string } | null
  scheduled: boolean
  rate: string | null
  scope: string | null
}

const SLOTS = Array.from({ length: 12 }, (_, slot) => START + slot * 120 * DAY + 60_000)

const untilArb = (atMs: number) =>
  fc.record({
    ms: fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: 1, max: 800 }).map((days) => atMs + days * DAY) },
      // Often exactly on a slot after `at`, where other events may happen at the very same instant.
      {
        weight: 3,
        arbitrary: fc.integer({ min: 1, max: 4 }).map((k) => SLOTS.find((slot) => slot > atMs + (k - 1) * 120 * DAY) ?? atMs + k * DAY),
      },
      { weight: 1, arbitrary: instantArb }, // may fall before `at`: the engine must cope
    ),
    zone: zoneArb,
  })

const draftArb: fc.Arbitrary<Draft> = fc
  .record({
    kind: fc.constantFrom(...EVENT_KINDS),
    atMs: instantArb,
    zone: zoneArb,
    scheduled: fc.boolean(),
    rate: fc.option(fc.constantFrom('5%', '10%', '25%'), { nil: null }),
    scope: fc.option(fc.constantFrom('steel', 'chips'), { nil: null }),
  })
  .chain((d) => {
    const until =
      d.kind === 'extended' ? untilArb(d.atMs) : d.kind === 'suspended' ? fc.option(untilArb(d.atMs), { nil: null }) : fc.constant(null)
    return until.map((u) => ({ ...d, until: u }))
  })

function build(draft: Draft, id: string): TimedEvent {
  return toTimedEvent({
    id,
    kind: draft.kind,
    at: zoned(draft.atMs, draft.zone),
    until: draft.until === null ? null : zoned(draft.until.ms, draft.until.zone),
    scheduled: draft.scheduled,
    rate: draft.rate,
    scope: draft.scope,
  })
}

// Ids are unique and unrelated to time order.
const eventsArb = fc.array(draftArb, { minLength: 0, maxLength: 12 }).chain((drafts) =>
  fc
    .shuffledSubarray(
      drafts.map((_, i) => i),
      { minLength: drafts.length, maxLength: drafts.length },
    )
    .map((ids) => drafts.map((d, i) => build(d, `ev-${ids[i]}`))),
)

const timeArb = fc.oneof(
  fc.integer({ min: START - 30 * DAY, max: END + 900 * DAY }),
  instantArb,
  instantArb.map((ms) => ms - 1),
)

/** Status and since as the transitions alone say, applied in order up to T. */
function referenceFromTransitions(transitions: readonly Transition[], atMs: number): { status: Status; since: string | null } {
  let status = 'pending' as Status
  let since: string | null = null
  const become = (next: Status, at: string) => {
    if (status !== next) {
      status = next
      since = at
    }
  }
  for (const t of transitions) {
    if (msOf(t.at) > atMs) continue
    switch (t.kind) {
      case 'announced':
        if (status === 'pending' && since === null) since = t.at
        break
      case 'effective':
      case 'resumed':
      case 'suspension_end':
        become('in_force', t.at)
        break
      case 'suspended':
      case 'extended':
        if (status !== 'terminated') become('suspended', t.at)
        break
      case 'terminated':
        become('terminated', t.at)
        break
      case 'amended':
      case 'rate_step':
      case 'commitment_deadline':
        break
    }
  }
  return { status, since }
}

/** The other fields, each from its own plain definition. */
function referenceDetails(events: readonly TimedEvent[], atMs: number, status: Status) {
  const past = events.filter((e) => e.atMs <= atMs).sort(compareEvents)
  let rate: string | null = BASE.rate
  let scope = BASE.scope
  let suspendedUntil: string | null = null
  for (const e of past) {
    if (e.kind === 'effective' || e.kind === 'amended' || e.kind === 'rate_step') {
      rate = e.rate ?? rate
      scope = e.scope ?? scope
    }
    if (e.kind === 'suspended' || e.kind === 'extended') suspendedUntil = e.until
  }
  if (status !== 'suspended') suspendedUntil = null

  // Scheduled transitions: lapses and events entered as scheduled (reviews are never transitions).
  const transitions = transitionsOf(events)
  const byId = new Map(events.map((e) => [e.id, e]))
  let reason: Transition | null = null
  for (const t of transitions) {
    if (msOf(t.at) > atMs) continue
    if (t.kind === 'suspension_end' || byId.get(t.eventId)?.scheduled) reason = t
  }
  let needsReview = false
  if (reason !== null) {
    const from = msOf(reason.at)
    needsReview = !events.some((e) => e.atMs >= from && e.atMs <= atMs && (e.kind === 'review' || !e.scheduled))
  }
  return { rate, scope, suspendedUntil, needsReview, reviewReason: needsReview ? reason : null }
}

const RANK = new Map<EventKind, number>(EVENT_KINDS.map((kind, index) => [kind, index]))

/**
 * A second, deliberately plain implementation of the rules, read straight from the design: fold
 * the events up to T, checking before each one (and at T) whether the suspension has run out.
 */
function literalStatus(events: readonly TimedEvent[], T: number): MeasureStatus {
  const order = [...events].sort(
    (a, b) => a.atMs - b.atMs || (RANK.get(a.kind) ?? 0) - (RANK.get(b.kind) ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
  let status = 'pending' as Status
  let since: string | null = null
  let rate = BASE.rate as string | null
  let scope = BASE.scope
  let setter: TimedEvent | null = null // the suspended/extended event whose end is in effect
  const passedScheduled: Transition[] = []
  const end = (e: TimedEvent): Transition =>
    e.untilMs !== null && e.untilMs > e.atMs
      ? { kind: 'suspension_end', at: e.until as string, atMs: e.untilMs, eventId: e.id }
      : { kind: 'suspension_end', at: e.at, atMs: e.atMs, eventId: e.id }
  const lapseBy = (limit: number) => {
    if (status === 'suspended' && setter !== null && setter.untilMs !== null && end(setter).atMs <= limit) {
      const lapse = end(setter)
      status = 'in_force'
      since = lapse.at
      setter = null
      passedScheduled.push(lapse)
    }
  }
  for (const e of order) {
    if (e.atMs > T) break
    // An extension dated exactly at the running end moves it (the end is superseded, never passed).
    const supersedes =
      e.kind === 'extended' && status === 'suspended' && setter !== null && setter.untilMs !== null && end(setter).atMs === e.atMs
    if (!supersedes) lapseBy(e.atMs)
    const was = status
    if (e.kind === 'announced' && status === 'pending' && since === null) since = e.at
    if (e.kind === 'effective' || e.kind === 'resumed') {
      status = 'in_force'
      setter = null
    }
    if (e.kind === 'effective' || e.kind === 'amended' || e.kind === 'rate_step') {
      if (e.rate !== null) rate = e.rate
      if (e.scope !== null) scope = e.scope
    }
    if ((e.kind === 'suspended' || e.kind === 'extended') && status !== 'terminated') {
      status = 'suspended'
      setter = e
    }
    if (e.kind === 'terminated') {
      status = 'terminated'
      setter = null
    }
    if (status !== was) since = e.at
    if (e.scheduled && e.kind !== 'review') passedScheduled.push({ kind: e.kind, at: e.at, atMs: e.atMs, eventId: e.id })
  }
  lapseBy(T)

  const upcoming: Transition[] = order
    .filter((e) => e.atMs > T && e.kind !== 'review')
    .map((e) => ({ kind: e.kind as TransitionKind, at: e.at, atMs: e.atMs, eventId: e.id }))
  const pendingLapse = status === 'suspended' && setter !== null && setter.untilMs !== null ? end(setter) : null
  let next = upcoming[0] ?? null
  if (
    pendingLapse !== null &&
    (next === null || pendingLapse.atMs < next.atMs || (pendingLapse.atMs === next.atMs && next.kind !== 'extended'))
  )
    next = pendingLapse

  const last = passedScheduled.at(-1) ?? null
  const needsReview = last !== null && !order.some((e) => e.atMs >= last.atMs && e.atMs <= T && (e.kind === 'review' || !e.scheduled))
  return {
    status,
    since,
    next,
    needsReview,
    reviewReason: needsReview ? last : null,
    rate,
    scope,
    suspendedUntil: status === 'suspended' && setter !== null ? setter.until : null,
    // Generated events carry no rate numbers, parts or commitments (those have their own properties).
    rateValue: null,
    rateInEffect: null,
    suspendedPart: null,
    commitment: null,
  }
}

function withoutNext(status: MeasureStatus): Omit<MeasureStatus, 'next'> {
  const { next: _next, ...rest } = status
  return rest
}

describe('status engine properties', () => {
  it('transitions are in time order and next is the first transition after T, strictly after it', () => {
    fc.assert(
      fc.property(eventsArb, timeArb, (events, T) => {
        const transitions = transitionsOf(events)
        for (const t of transitions) expect(t.atMs).toBe(msOf(t.at))
        for (let i = 1; i < transitions.length; i++) {
          expect(msOf((transitions[i] as Transition).at)).toBeGreaterThanOrEqual(msOf((transitions[i - 1] as Transition).at))
        }
        const { next } = statusAt(events, T, BASE)
        if (next !== null) expect(next.atMs).toBeGreaterThan(T)
        expect(next).toEqual(transitions.find((t) => msOf(t.at) > T) ?? null)
      }),
      { numRuns: 500 },
    )
  })

  it('the status is constant between consecutive transition and event instants', () => {
    fc.assert(
      fc.property(eventsArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 }), (events, fractions) => {
        const points = [...new Set([...transitionsOf(events).map((t) => msOf(t.at)), ...events.map((e) => e.atMs)])].sort((a, b) => a - b)
        const first = points[0] ?? START
        // Before the first point the measure has not started.
        expect(statusAt(events, first - 1, BASE)).toEqual(statusAt(events, first - 10 * DAY, BASE))
        expect(statusAt(events, first - 1, BASE)).toMatchObject({ status: 'pending', since: null, needsReview: false })
        for (let i = 0; i < points.length; i++) {
          const from = points[i] as number
          const to = points[i + 1] ?? from + 3000 * DAY
          const expected = statusAt(events, from, BASE)
          expect(statusAt(events, to - 1, BASE)).toEqual(expected)
          for (const f of fractions) expect(statusAt(events, from + Math.floor(f * (to - from - 1)), BASE)).toEqual(expected)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('adding an event after T changes nothing at T but next', () => {
    fc.assert(
      fc.property(eventsArb, timeArb, draftArb, fc.integer({ min: 1, max: 400 * DAY }), (events, T, draft, after) => {
        const atMs = Math.ceil((T + after) / 1000) * 1000
        const extra = build(
          { ...draft, atMs, until: draft.until === null ? null : { ...draft.until, ms: Math.max(draft.until.ms, atMs) } },
          'ev-extra',
        )
        const before = statusAt(events, T, BASE)
        const after_ = statusAt([...events, extra], T, BASE)
        expect(withoutNext(after_)).toEqual(withoutNext(before))
        if (extra.kind !== 'review' && (before.next === null || extra.atMs < msOf(before.next.at))) {
          expect(after_.next).toEqual({ kind: extra.kind, at: extra.at, atMs: extra.atMs, eventId: 'ev-extra' })
        }
      }),
      { numRuns: 500 },
    )
  })

  it('does not depend on the order the events are given in', () => {
    const shuffled = eventsArb.chain((events) =>
      fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length })),
    )
    fc.assert(
      fc.property(shuffled, timeArb, ([events, permuted], T) => {
        const sorted = [...events].sort(compareEvents)
        expect(statusAt(permuted, T, BASE)).toEqual(statusAt(sorted, T, BASE))
        expect(transitionsOf(permuted)).toEqual(transitionsOf(sorted))
      }),
      { numRuns: 500 },
    )
  })

  it('statusAt agrees with a plain, literal implementation of the rules', () => {
    fc.assert(
      fc.property(eventsArb, timeArb, (events, T) => {
        expect(statusAt(events, T, BASE)).toEqual(literalStatus(events, T))
      }),
      { numRuns: 2000 },
    )
  })

  it('statusAt agrees with the transitions applied in order, and with plain definitions of the other fields', () => {
    fc.assert(
      fc.property(eventsArb, timeArb, (events, T) => {
        const actual = statusAt(events, T, BASE)
        const { status, since } = referenceFromTransitions(transitionsOf(events), T)
        expect({ status: actual.status, since: actual.since }).toEqual({ status, since })
        expect({
          rate: actual.rate,
          scope: actual.scope,
          suspendedUntil: actual.suspendedUntil,
          needsReview: actual.needsReview,
          reviewReason: actual.reviewReason,
        }).toEqual(referenceDetails(events, T, status))
      }),
      { numRuns: 1000 },
    )
  })

  it('a suspension with an end is suspended one millisecond before it and not at it (unless re-suspended then)', () => {
    fc.assert(
      fc.property(eventsArb, (events) => {
        for (const t of transitionsOf(events)) {
          if (t.kind !== 'suspension_end') continue
          const at = msOf(t.at)
          const setter = events.find((e) => e.id === t.eventId) as TimedEvent
          const resuspended = events.some((e) => e.atMs === at && e.id !== setter.id && (e.kind === 'suspended' || e.kind === 'extended'))
          if (!resuspended) expect(statusAt(events, at, BASE).status).not.toBe('suspended')
          if (setter.untilMs !== null && setter.untilMs > setter.atMs) {
            expect(statusAt(events, at - 1, BASE)).toMatchObject({ status: 'suspended', suspendedUntil: t.at })
          }
        }
      }),
      { numRuns: 300 },
    )
  })
})
