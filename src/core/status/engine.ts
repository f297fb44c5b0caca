// The status engine: a measure's status at an instant, derived by folding its events. Pure and
// allocation-light — it runs for every measure on every board refresh, so it works on the epoch
// numbers the store keeps beside each RFC 9557 string and never parses a date itself. The strings
// it returns (since, next.at, suspendedUntil, …) are the events' own `at`/`until` strings, so the
// legal zone of each instant is kept.
//
// Rules (see also engine.test.ts, which pins each of them):
// - Events apply in the order (atMs, kind rank in EVENT_KINDS, id); the input order never matters.
// - announced: 'pending' (sets `since` only while nothing has started yet).
// - effective: 'in_force'; non-null rate/scope override the measure's base values; ends any suspension.
// - amended: non-null rate/scope replace the current ones; no status change.
// - suspended / extended: 'suspended' with the event's `until` (null = indefinite). If already
//   suspended, only the end changes (`since` stays). Ignored once terminated.
// - resumed: 'in_force', suspension cleared.  terminated: 'terminated'.  review: no status change.
// - `since` changes only when the status changes (a second `effective` does not restart it).
// - A suspension lapses at its `until` instant (a 'suspension_end' transition): from that instant
//   on the measure is in force again. The lapse comes before any event at the same instant, so an
//   extension recorded exactly at the end re-suspends the measure. An `until` that is not after
//   its own event's instant lapses at that event's instant (the suspension never shows).
// - needsReview: the latest passed scheduled transition (a lapse, or an event entered with
//   scheduled = true) has no unscheduled event (or review) at or after its instant, up to T.
import { EVENT_KINDS } from '../../shared/domain.ts'
import type { EventKind, MeasureEvent, MeasureStatus, Status, Transition, TransitionKind } from '../../shared/domain.ts'
import { epochMs } from '../../shared/time.ts'

/** An event as the engine reads it: the store's strings plus their epoch milliseconds. */
export interface TimedEvent {
  id: string
  kind: EventKind
  at: string
  atMs: number
  until: string | null
  untilMs: number | null
  scheduled: boolean
  rate: string | null
  scope: string | null
}

export function toTimedEvent(event: Pick<MeasureEvent, 'id' | 'kind' | 'at' | 'until' | 'scheduled' | 'rate' | 'scope'>): TimedEvent {
  return {
    id: event.id,
    kind: event.kind,
    at: event.at,
    atMs: epochMs(event.at),
    until: event.until,
    untilMs: event.until === null ? null : epochMs(event.until),
    scheduled: event.scheduled,
    rate: event.rate,
    scope: event.scope,
  }
}

const KIND_RANK = Object.fromEntries(EVENT_KINDS.map((kind, index) => [kind, index])) as Record<EventKind, number>

function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return -1
  if (b === null) return 1
  return a < b ? -1 : 1
}

/**
 * The order events apply in: instant, then kind (EVENT_KINDS order), then id. Ids are unique
 * within a measure; the remaining fields only break ties between duplicates so that the order is
 * total and the result can never depend on the order events were given in.
 */
export function compareEvents(a: TimedEvent, b: TimedEvent): number {
  if (a.atMs !== b.atMs) return a.atMs < b.atMs ? -1 : 1
  const rank = KIND_RANK[a.kind] - KIND_RANK[b.kind]
  if (rank !== 0) return rank
  if (a.id !== b.id) return a.id < b.id ? -1 : 1
  if (a.untilMs !== b.untilMs) {
    if (a.untilMs === null) return -1
    if (b.untilMs === null) return 1
    return a.untilMs < b.untilMs ? -1 : 1
  }
  if (a.scheduled !== b.scheduled) return a.scheduled ? 1 : -1
  return compareText(a.at, b.at) || compareText(a.until, b.until) || compareText(a.rate, b.rate) || compareText(a.scope, b.scope)
}

/** The events in application order: the input itself when already sorted, else a sorted copy. */
function inOrder(events: readonly TimedEvent[]): readonly TimedEvent[] {
  for (let i = 1; i < events.length; i++) {
    if (compareEvents(events[i - 1] as TimedEvent, events[i] as TimedEvent) > 0) return events.slice().sort(compareEvents)
  }
  return events
}

/** The running state of the fold. `lapseMs` is finite only while suspended with an end. */
interface Fold {
  status: Status
  since: string | null
  rate: string | null
  scope: string
  suspendedUntil: string | null
  lapseMs: number
  lapseAt: string
  lapseEventId: string
  /** Latest passed scheduled transition (-Infinity: none). */
  reviewMs: number
  reviewKind: TransitionKind
  reviewAt: string
  reviewEventId: string
  /** Instant of the latest event that records what happened (review or unscheduled event). */
  resolvedMs: number
}

function newFold(rate: string | null, scope: string): Fold {
  return {
    status: 'pending',
    since: null,
    rate,
    scope,
    suspendedUntil: null,
    lapseMs: Infinity,
    lapseAt: '',
    lapseEventId: '',
    reviewMs: -Infinity,
    reviewKind: 'suspension_end',
    reviewAt: '',
    reviewEventId: '',
    resolvedMs: -Infinity,
  }
}

function lapse(fold: Fold, out: Transition[] | null): void {
  fold.status = 'in_force'
  fold.since = fold.lapseAt
  fold.suspendedUntil = null
  fold.reviewMs = fold.lapseMs
  fold.reviewKind = 'suspension_end'
  fold.reviewAt = fold.lapseAt
  fold.reviewEventId = fold.lapseEventId
  if (out !== null) out.push({ kind: 'suspension_end', at: fold.lapseAt, atMs: fold.lapseMs, eventId: fold.lapseEventId })
  fold.lapseMs = Infinity
}

function endSuspension(fold: Fold): void {
  fold.suspendedUntil = null
  fold.lapseMs = Infinity
}

function becomes(fold: Fold, status: Status, at: string): void {
  if (fold.status !== status) {
    fold.status = status
    fold.since = at
  }
}

function apply(fold: Fold, event: TimedEvent, out: Transition[] | null): void {
  if (fold.lapseMs <= event.atMs) lapse(fold, out)
  switch (event.kind) {
    case 'announced':
      if (fold.status === 'pending' && fold.since === null) fold.since = event.at
      break
    case 'effective':
      if (event.rate !== null) fold.rate = event.rate
      if (event.scope !== null) fold.scope = event.scope
      becomes(fold, 'in_force', event.at)
      endSuspension(fold)
      break
    case 'amended':
      if (event.rate !== null) fold.rate = event.rate
      if (event.scope !== null) fold.scope = event.scope
      break
    case 'suspended':
    case 'extended':
      if (fold.status === 'terminated') break
      becomes(fold, 'suspended', event.at)
      fold.suspendedUntil = event.until
      fold.lapseEventId = event.id
      if (event.untilMs === null) {
        fold.lapseMs = Infinity
      } else if (event.untilMs > event.atMs) {
        fold.lapseMs = event.untilMs
        fold.lapseAt = event.until as string
      } else {
        fold.lapseMs = event.atMs
        fold.lapseAt = event.at
      }
      break
    case 'resumed':
      becomes(fold, 'in_force', event.at)
      endSuspension(fold)
      break
    case 'terminated':
      becomes(fold, 'terminated', event.at)
      endSuspension(fold)
      break
    case 'review':
      break
  }
  if (event.kind === 'review' || !event.scheduled) {
    fold.resolvedMs = event.atMs
  } else {
    fold.reviewMs = event.atMs
    fold.reviewKind = event.kind
    fold.reviewAt = event.at
    fold.reviewEventId = event.id
  }
  if (out !== null && event.kind !== 'review') out.push({ kind: event.kind, at: event.at, atMs: event.atMs, eventId: event.id })
}

/** The status of a measure at `atMs`, from its events (any order) and its base rate/scope. */
export function statusAt(events: readonly TimedEvent[], atMs: number, base: { rate: string | null; scope: string }): MeasureStatus {
  const ordered = inOrder(events)
  const fold = newFold(base.rate, base.scope)
  const count = ordered.length
  let i = 0
  for (; i < count; i++) {
    const event = ordered[i] as TimedEvent
    if (event.atMs > atMs) break
    apply(fold, event, null)
  }
  if (fold.lapseMs <= atMs) lapse(fold, null)

  let next: Transition | null = null
  for (; i < count; i++) {
    const event = ordered[i] as TimedEvent
    if (event.kind === 'review') continue
    if (fold.lapseMs > event.atMs) next = { kind: event.kind, at: event.at, atMs: event.atMs, eventId: event.id }
    break
  }
  if (next === null && fold.lapseMs !== Infinity) next = { kind: 'suspension_end', at: fold.lapseAt, atMs: fold.lapseMs, eventId: fold.lapseEventId }

  const needsReview = fold.reviewMs !== -Infinity && fold.resolvedMs < fold.reviewMs
  return {
    status: fold.status,
    since: fold.since,
    next,
    needsReview,
    reviewReason: needsReview ? { kind: fold.reviewKind, at: fold.reviewAt, atMs: fold.reviewMs, eventId: fold.reviewEventId } : null,
    rate: fold.rate,
    scope: fold.scope,
    suspendedUntil: fold.suspendedUntil,
  }
}

/**
 * Every transition of the measure's whole life, in the order they happen: each event but
 * reviews (including ones the fold ignores, such as a suspension after termination — the same
 * points `next` counts down to) and each suspension lapse, including a final one still ahead.
 */
export function transitionsOf(events: readonly TimedEvent[]): Transition[] {
  const ordered = inOrder(events)
  const fold = newFold(null, '')
  const out: Transition[] = []
  for (const event of ordered) apply(fold, event, out)
  if (fold.lapseMs !== Infinity) lapse(fold, out)
  return out
}
