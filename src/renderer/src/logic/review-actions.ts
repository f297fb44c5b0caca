// One-step outcomes for a passed deadline nobody confirmed (the Needs review list). Each builds
// the event that resolves it, as the status engine reads events (core/status/engine.ts: a passed
// scheduled transition is resolved by any unscheduled event at or after its instant):
// - reinstated → 'resumed' AT the deadline (the suspension ended and the measure applies again);
// - terminated → 'terminated' AT the deadline;
// - extended   → 'extended' AT the deadline with the new end (a date in a zone, or a duration
//                counted from the deadline on its legal clock — the service turns it into `until`);
// - confirmed  → 'review' NOW (when the person checked), never before the deadline itself.
// Instants keep the deadline's legal zone, so the record reads like the notice it stands for.
import type { EventInput } from '../../../shared/api-inputs.ts'
import type { Transition } from '../../../shared/domain.ts'
import { zoneOf } from '../../../shared/format.ts'
import { Temporal, epochMs, formatZoned } from '../../../shared/time.ts'
import { zonedFromParts, partsFromZoned, type ZonedParts } from './as-of.ts'
import { durationString, type DurationUnit } from './event-form.ts'
import type { FieldIssue } from './validation.ts'

export type ReviewOutcome = 'reinstated' | 'terminated' | 'confirmed'

/** The instant `ms` written in `zone` (RFC 9557, seconds precision). */
export function zonedAt(ms: number, zone: string): string {
  return formatZoned(Temporal.Instant.fromEpochMilliseconds(Math.floor(ms / 1000) * 1000).toZonedDateTimeISO(zone))
}

export function outcomeEvent(outcome: ReviewOutcome, deadline: Pick<Transition, 'at' | 'atMs'>, nowMs: number): EventInput {
  switch (outcome) {
    case 'reinstated':
      return { kind: 'resumed', at: deadline.at, scheduled: false, sourceIds: [], note: '' }
    case 'terminated':
      return { kind: 'terminated', at: deadline.at, scheduled: false, sourceIds: [], note: '' }
    case 'confirmed': {
      const at = nowMs > deadline.atMs ? zonedAt(nowMs, zoneOf(deadline.at)) : deadline.at
      return { kind: 'review', at, scheduled: false, sourceIds: [], note: '' }
    }
  }
}

export interface ExtensionForm {
  mode: 'until' | 'duration'
  until: ZonedParts
  durationValue: string | number
  durationUnit: DurationUnit
}

/** Until: the deadline's wall-clock time and legal zone, the date left for the person; or one year. */
export function newExtensionForm(deadline: Pick<Transition, 'at'>): ExtensionForm {
  const parts = partsFromZoned(deadline.at)
  return { mode: 'until', until: { date: '', time: parts.time, zone: parts.zone }, durationValue: '1', durationUnit: 'years' }
}

const issue = (field: string, key: string, raw: string): FieldIssue => ({ field, key, params: {}, raw })

export function extensionEvent(
  form: ExtensionForm,
  deadline: Pick<Transition, 'at' | 'atMs'>,
): { input: EventInput | null; issues: FieldIssue[] } {
  const base: EventInput = { kind: 'extended', at: deadline.at, scheduled: false, sourceIds: [], note: '' }
  if (form.mode === 'duration') {
    // v-model on <input type="number"> hands over a number once typed in.
    const typed = String(form.durationValue).trim()
    const value = Number(typed)
    if (typed === '' || !Number.isInteger(value) || value <= 0 || value > 10_000) {
      return { input: null, issues: [issue('duration', 'positiveWhole', 'must be a positive whole number')] }
    }
    return { input: { ...base, duration: durationString(value, form.durationUnit) }, issues: [] }
  }
  if (form.until.date === '' || form.until.time === '') return { input: null, issues: [issue('until', 'required', 'required')] }
  const until = zonedFromParts(form.until)
  if (until === null) return { input: null, issues: [issue('until', 'invalidInstant', 'invalid instant')] }
  if (epochMs(until) <= deadline.atMs) return { input: null, issues: [issue('until', 'endBeforeStart', 'ends before it starts')] }
  return { input: { ...base, until }, issues: [] }
}
