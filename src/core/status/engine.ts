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
// - rate_step: sets the full rate like `amended`; while a suspension runs it follows its
//   `whenSuspended`: 'apply' (default) sets it now, 'defer' holds it until the suspension ends
//   (lapse, resumed, effective; dropped by terminated), 'skip' ignores it.
// - A new rate text without a number makes the number unknown, unless the text is unchanged.
// - suspended / extended: 'suspended' with the event's `until` (null = indefinite), or
//   'partly_suspended' when the suspension covers a part (`part`; an extension without a part
//   keeps the running suspension's part). If already suspended, the end and part change; `since`
//   stays unless the status changes. Ignored once terminated.
// - resumed: 'in_force', suspension cleared.  terminated: 'terminated'.  review: no status change.
// - rateInEffect: the full number in force; full minus the suspended points (never below 0)
//   while partly suspended; 0 while pending, wholly suspended or terminated; null without a number.
// - A commitment's deadline is a transition ('commitment_deadline'); its outcome is met (a figure
//   as of no later than the deadline reached the target), missed (a figure as of the deadline or
//   later falls short), pending (before the deadline) or needs_review (after it, neither) — the
//   last also sets needsReview.
// - `since` changes only when the status changes (a second `effective` does not restart it).
// - A suspension lapses at its `until` instant (a 'suspension_end' transition): from that instant
//   on the measure is in force again. The lapse comes before any event at the same instant, except
//   an extension at exactly the end (`extendsAtLapse`): that moves the end (supersedes it) as an
//   earlier extension would — no lapse, `since` and the part kept — because "extended at the
//   deadline" is how an outcome recorded after the fact reads. An `until` that is not after
//   its own event's instant lapses at that event's instant (the suspension never shows).
// - needsReview: the latest passed scheduled transition (a lapse, or an event entered with
//   scheduled = true) has no unscheduled event (or review) at or after its instant, up to T.
import { EVENT_KINDS } from '../../shared/domain.ts'
import type {
  Commitment,
  CommitmentState,
  EventKind,
  MeasureEvent,
  MeasureStatus,
  RateValue,
  Status,
  StepPolicy,
  SuspendedPart,
  Transition,
  TransitionKind,
} from '../../shared/domain.ts'
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
  /** Optional so that callers without issue-10 fields (old caches, tests) stay valid: absent = null. */
  rateValue?: RateValue | null
  part?: SuspendedPart | null
  whenSuspended?: StepPolicy | null
}

/** The measure-level facts the fold starts from. */
export interface EngineBase {
  rate: string | null
  scope: string
  rateValue?: RateValue | null
  commitment?: TimedCommitment | null
  progress?: readonly TimedProgress[]
}

export interface TimedCommitment extends Commitment {
  deadlineMs: number
}

export interface TimedProgress {
  value: number
  asOf: string
  asOfMs: number
}

export function toTimedCommitment(commitment: Commitment | null): TimedCommitment | null {
  return commitment === null ? null : { ...commitment, deadlineMs: epochMs(commitment.deadline) }
}

export function toTimedProgress(entry: { value: number; asOf: string }): TimedProgress {
  return { value: entry.value, asOf: entry.asOf, asOfMs: epochMs(entry.asOf) }
}

/** The engine's base from a whole measure (detail pages, reports of one measure). */
export function baseOf(measure: {
  rate: string | null
  scope: string
  rateValue: RateValue | null
  commitment: Commitment | null
  progress: readonly { value: number; asOf: string }[]
}): EngineBase {
  return {
    rate: measure.rate,
    scope: measure.scope,
    rateValue: measure.rateValue,
    commitment: toTimedCommitment(measure.commitment),
    progress: measure.progress.map(toTimedProgress),
  }
}

export function toTimedEvent(
  event: Pick<MeasureEvent, 'id' | 'kind' | 'at' | 'until' | 'scheduled' | 'rate' | 'scope'> &
    Partial<Pick<MeasureEvent, 'rateValue' | 'part' | 'whenSuspended'>>,
): TimedEvent {
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
    rateValue: event.rateValue ?? null,
    part: event.part ?? null,
    whenSuspended: event.whenSuspended ?? null,
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
  rateValue: RateValue | null
  /** The running suspension's part (null: whole measure, or none running). */
  part: SuspendedPart | null
  /** Rate steps held until the running suspension ends ('defer'); null when none. */
  deferred: TimedEvent[] | null
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

function newFold(rate: string | null, scope: string, rateValue: RateValue | null): Fold {
  return {
    status: 'pending',
    since: null,
    rate,
    rateValue,
    part: null,
    deferred: null,
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
  fold.part = null
  applyDeferred(fold)
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
  fold.part = null
  applyDeferred(fold)
}

function isSuspended(status: Status): boolean {
  return status === 'suspended' || status === 'partly_suspended'
}

/** A new full rate from an event: text and number together; new text alone leaves the number unknown. */
function setRate(fold: Fold, event: TimedEvent): void {
  const value = event.rateValue ?? null
  if (value !== null) {
    fold.rateValue = value
    if (event.rate !== null) fold.rate = event.rate
  } else if (event.rate !== null && event.rate !== fold.rate) {
    fold.rate = event.rate
    fold.rateValue = null
  }
}

function applyDeferred(fold: Fold): void {
  if (fold.deferred === null) return
  for (const step of fold.deferred) setRate(fold, step)
  fold.deferred = null
}

function rateStep(fold: Fold, event: TimedEvent): void {
  const policy = event.whenSuspended ?? 'apply'
  if (!isSuspended(fold.status) || policy === 'apply') {
    setRate(fold, event)
    if (event.scope !== null) fold.scope = event.scope
  } else if (policy === 'defer') {
    if (fold.deferred === null) fold.deferred = []
    fold.deferred.push(event)
  }
}

function becomes(fold: Fold, status: Status, at: string): void {
  if (fold.status !== status) {
    fold.status = status
    fold.since = at
  }
}

/**
 * An extension dated exactly at the running suspension's end continues that suspension: the end
 * it moves is superseded, not passed (issue 11 — recording "extended" at a lapsed deadline must
 * not restart the suspension's `since` nor drop a partial suspension's part).
 */
export function extendsAtLapse(lapseMs: number, event: Pick<TimedEvent, 'kind' | 'atMs'>): boolean {
  return event.kind === 'extended' && lapseMs === event.atMs
}

function apply(fold: Fold, event: TimedEvent, out: Transition[] | null): void {
  if (fold.lapseMs <= event.atMs && !extendsAtLapse(fold.lapseMs, event)) lapse(fold, out)
  switch (event.kind) {
    case 'announced':
      if (fold.status === 'pending' && fold.since === null) fold.since = event.at
      break
    case 'effective':
      endSuspension(fold)
      setRate(fold, event)
      if (event.scope !== null) fold.scope = event.scope
      becomes(fold, 'in_force', event.at)
      break
    case 'amended':
      setRate(fold, event)
      if (event.scope !== null) fold.scope = event.scope
      break
    case 'rate_step':
      rateStep(fold, event)
      break
    case 'suspended':
    case 'extended': {
      if (fold.status === 'terminated') break
      const part = event.part ?? null
      fold.part = event.kind === 'extended' && part === null && isSuspended(fold.status) ? fold.part : part
      becomes(fold, fold.part === null ? 'suspended' : 'partly_suspended', event.at)
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
    }
    case 'resumed':
      becomes(fold, 'in_force', event.at)
      endSuspension(fold)
      break
    case 'terminated':
      // Steps held for the end of a suspension never apply to a terminated measure.
      fold.deferred = null
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

/** What is collected at the instant (see the rules at the top). */
export function rateInEffect(status: Status, full: RateValue | null, part: SuspendedPart | null): RateValue | null {
  const value = rateInEffectValue(status, full, part)
  if (full === null || value === null) return null
  return value === full.value ? full : { ...full, value }
}

/** The number of rateInEffect alone: what a chart sums, without building a value per reading. */
function rateInEffectValue(status: Status, full: RateValue | null, part: SuspendedPart | null): number | null {
  if (full === null) return null
  if (status === 'in_force') return full.value
  if (status === 'partly_suspended') {
    if (part === null || part.rate === null) return full.value
    return Math.max(0, full.value - part.rate)
  }
  return 0
}

function deadlineOf(commitment: TimedCommitment): Transition {
  return { kind: 'commitment_deadline', at: commitment.deadline, atMs: commitment.deadlineMs, eventId: 'commitment' }
}

/** A commitment's progress and outcome at `atMs` (rules at the top). */
export function commitmentAt(commitment: TimedCommitment, progress: readonly TimedProgress[], atMs: number): CommitmentState {
  const deadlineMs = commitment.deadlineMs
  const countsUntil = Math.min(atMs, deadlineMs)
  let latest: TimedProgress | null = null
  let met = false
  let short = false
  for (const entry of progress) {
    if (entry.asOfMs > atMs) continue
    if (latest === null || entry.asOfMs >= latest.asOfMs) latest = entry
    if (entry.asOfMs <= countsUntil && entry.value >= commitment.target) met = true
    if (entry.asOfMs >= deadlineMs && entry.value < commitment.target) short = true
  }
  const outcome = met ? 'met' : atMs < deadlineMs ? 'pending' : short ? 'missed' : 'needs_review'
  return {
    target: commitment.target,
    unit: commitment.unit,
    deadline: commitment.deadline,
    deadlineMs,
    progress: latest === null ? null : latest.value,
    progressAsOf: latest === null ? null : latest.asOf,
    outcome,
  }
}

/** The status of a measure at `atMs`, from its events (any order) and its base facts. */
export function statusAt(events: readonly TimedEvent[], atMs: number, base: EngineBase): MeasureStatus {
  const ordered = inOrder(events)
  const fold = newFold(base.rate, base.scope, base.rateValue ?? null)
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
    if (fold.lapseMs > event.atMs || extendsAtLapse(fold.lapseMs, event))
      next = { kind: event.kind, at: event.at, atMs: event.atMs, eventId: event.id }
    break
  }
  if (next === null && fold.lapseMs !== Infinity)
    next = { kind: 'suspension_end', at: fold.lapseAt, atMs: fold.lapseMs, eventId: fold.lapseEventId }

  let needsReview = fold.reviewMs !== -Infinity && fold.resolvedMs < fold.reviewMs
  let reviewReason: Transition | null = needsReview
    ? { kind: fold.reviewKind, at: fold.reviewAt, atMs: fold.reviewMs, eventId: fold.reviewEventId }
    : null

  let commitment: CommitmentState | null = null
  const promised = base.commitment ?? null
  if (promised !== null) {
    commitment = commitmentAt(promised, base.progress ?? [], atMs)
    if (promised.deadlineMs > atMs && (next === null || promised.deadlineMs < next.atMs)) next = deadlineOf(promised)
    // An unknown outcome is a passed deadline nobody has recorded: the later of the two reasons shows.
    if (commitment.outcome === 'needs_review' && (reviewReason === null || reviewReason.atMs <= promised.deadlineMs)) {
      needsReview = true
      reviewReason = deadlineOf(promised)
    }
  }

  return {
    status: fold.status,
    since: fold.since,
    next,
    needsReview,
    reviewReason,
    rate: fold.rate,
    scope: fold.scope,
    suspendedUntil: fold.suspendedUntil,
    rateValue: fold.rateValue,
    rateInEffect: rateInEffect(fold.status, fold.rateValue, fold.part),
    suspendedPart: fold.status === 'partly_suspended' ? fold.part : null,
    commitment,
  }
}

/** What a chart reads at an instant: the status and the rate in effect (as statusAt gives them). */
export interface StatusSnapshot {
  status: Status
  rateInEffect: RateValue | null
}

/**
 * The status and rate in effect at each of `instants` (ascending), in one pass of the very fold
 * statusAt runs — the same steps in the same order, read off at each instant — so a chart over a
 * measure's transitions costs one fold, not one per instant. Equal to statusAt at every instant
 * (charts.property.test.ts).
 */
export function statesAlong(events: readonly TimedEvent[], instants: readonly number[], base: EngineBase): StatusSnapshot[] {
  const ordered = inOrder(events)
  const fold = newFold(base.rate, base.scope, base.rateValue ?? null)
  const out: StatusSnapshot[] = []
  let i = 0
  for (const atMs of instants) {
    for (; i < ordered.length; i++) {
      const event = ordered[i] as TimedEvent
      if (event.atMs > atMs) break
      apply(fold, event, null)
    }
    if (fold.lapseMs <= atMs) lapse(fold, null)
    out.push({ status: fold.status, rateInEffect: rateInEffect(fold.status, fold.rateValue, fold.part) })
  }
  return out
}

/**
 * The number of the rate in effect at `fromMs` and at every later instant before `toMs` where it
 * can change — each event and each suspension lapse — in one pass of the very fold statusAt runs,
 * read off as statesAlong reads it (events at or before the instant, then a lapse due by then).
 * `read` is called with ascending instants; charts stack thousands of measures with it, so a
 * reading allocates nothing. Equal to statusAt's rateInEffect value (charts.property.test.ts).
 */
export function rateInEffectAlong(
  events: readonly TimedEvent[],
  base: EngineBase,
  fromMs: number,
  toMs: number,
  read: (atMs: number, value: number | null) => void,
): void {
  const ordered = inOrder(events)
  const fold = newFold(base.rate, base.scope, base.rateValue ?? null)
  let i = 0
  let atMs = fromMs
  for (;;) {
    for (; i < ordered.length; i++) {
      const event = ordered[i] as TimedEvent
      if (event.atMs > atMs) break
      apply(fold, event, null)
    }
    if (fold.lapseMs <= atMs) lapse(fold, null)
    read(atMs, rateInEffectValue(fold.status, fold.rateValue, fold.part))
    // Both are after atMs: events up to it are applied, and a lapse due by it has happened.
    atMs = Math.min(i < ordered.length ? (ordered[i] as TimedEvent).atMs : Infinity, fold.lapseMs)
    if (!(atMs < toMs)) return
  }
}

/**
 * Every transition of the measure's whole life, in the order they happen: each event but
 * reviews (including ones the fold ignores, such as a suspension after termination — the same
 * points `next` counts down to) and each suspension lapse, including a final one still ahead.
 */
export function transitionsOf(events: readonly TimedEvent[], base?: Pick<EngineBase, 'commitment'>): Transition[] {
  const ordered = inOrder(events)
  const fold = newFold(null, '', null)
  const out: Transition[] = []
  for (const event of ordered) apply(fold, event, out)
  if (fold.lapseMs !== Infinity) lapse(fold, out)
  const promised = base?.commitment ?? null
  if (promised !== null) {
    // After every transition at or before it: at the same instant the events count first.
    let index = out.length
    while (index > 0 && (out[index - 1] as Transition).atMs > promised.deadlineMs) index--
    out.splice(index, 0, deadlineOf(promised))
  }
  return out
}
