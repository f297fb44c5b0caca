// The "record event" form: what a person picks (kind, a wall-clock date in a zone, an end given as
// a duration or a date) turned into the shared event input, checked with the shared schema.
import { eventInputSchema, type EventInput } from '../../../shared/api-inputs.ts'
import { RATE_UNITS, type EventKind, type RateUnit, type StepPolicy } from '../../../shared/domain.ts'
import { Temporal, dateOnlyEnd, epochMs, isValidPlainDate } from '../../../shared/time.ts'
import { zonedFromParts } from './as-of.ts'
import { issueFromZod, type FieldIssue } from './validation.ts'

export const DURATION_UNITS = ['years', 'months', 'weeks', 'days', 'hours'] as const
export type DurationUnit = (typeof DURATION_UNITS)[number]

/**
 * How a suspension or extension ends: not at all (suspensions only), after a duration, at an
 * instant, or through a date written without a time (「至X日」, "through X": inclusive, so it ends
 * at the start of the next day in the measure's legal zone — shared/time.ts `dateOnlyEnd`).
 */
export type EndMode = 'none' | 'duration' | 'until' | 'dateOnly'

/** Whether a suspension covers the whole measure or a part of it (points of the rate, part of the scope). */
export type PartMode = 'whole' | 'part'

export { RATE_UNITS }

export interface EventForm {
  kind: EventKind
  date: string
  time: string
  zone: string
  endMode: EndMode
  /** What the number input holds: Vue's v-model gives a number once typed in, a string before. */
  durationValue: string | number
  durationUnit: DurationUnit
  untilDate: string
  untilTime: string
  untilZone: string
  /** The last day a date-only end includes (YYYY-MM-DD), read in `legalZone`. */
  untilDay: string
  /** The measure's legal zone: where a date-only end's midnight falls. */
  legalZone: string
  rate: string
  /** The rate as a number beside its text (effective, amended, rate step); '' = not given. */
  rateNumber: string | number
  rateUnit: RateUnit
  rateCurrency: string
  ratePer: string
  /** A rate step inside a running suspension. */
  whenSuspended: StepPolicy
  partMode: PartMode
  /** Points (or amount) of the rate suspended, in the rate's unit; '' = none. */
  partRate: string | number
  partScope: string
  scope: string
  note: string
  /** The note in Chinese, as typed ('' = none; the store converts a missing script). */
  noteZhHant: string
  noteZhHans: string
  sourceIds: string[]
  scheduled: boolean
}

export function hasEnd(kind: EventKind): boolean {
  return kind === 'suspended' || kind === 'extended'
}

export function endModesFor(kind: EventKind): EndMode[] {
  if (kind === 'suspended') return ['none', 'duration', 'until', 'dateOnly']
  if (kind === 'extended') return ['duration', 'until', 'dateOnly']
  return []
}

/** 1 year → P1Y, 6 months → P6M, 90 days → P90D, 12 hours → PT12H. */
export function durationString(value: number, unit: DurationUnit): string {
  switch (unit) {
    case 'years':
      return `P${value}Y`
    case 'months':
      return `P${value}M`
    case 'weeks':
      return `P${value}W`
    case 'days':
      return `P${value}D`
    case 'hours':
      return `PT${value}H`
  }
}

/** A rate change has a text and a number (effective, amended, rate step). */
export function hasRateChange(kind: EventKind): boolean {
  return kind === 'effective' || kind === 'amended' || kind === 'rate_step'
}

/** A suspension or an extension may cover part of the measure. */
export function hasPart(kind: EventKind): boolean {
  return hasEnd(kind)
}

/** What a date-only end means: the exact instant, and the day it falls on (the day after the last one included). */
export function dateOnlyEndOf(day: string, zone: string): { until: string; nextDay: string } | null {
  if (!isValidPlainDate(day)) return null
  try {
    return { until: dateOnlyEnd(day, zone), nextDay: Temporal.PlainDate.from(day).add({ days: 1 }).toString() }
  } catch {
    return null
  }
}

export function newEventForm(
  kind: EventKind,
  start: { date: string; time: string; zone: string },
  legalZone: string = start.zone,
): EventForm {
  return {
    kind,
    date: start.date,
    time: start.time,
    zone: start.zone,
    endMode: 'duration',
    durationValue: '1',
    durationUnit: 'years',
    untilDate: '',
    untilTime: start.time,
    untilZone: start.zone,
    untilDay: '',
    legalZone,
    rate: '',
    rateNumber: '',
    rateUnit: 'percent',
    rateCurrency: '',
    ratePer: '',
    whenSuspended: 'apply',
    partMode: 'whole',
    partRate: '',
    partScope: '',
    scope: '',
    note: '',
    noteZhHant: '',
    noteZhHans: '',
    sourceIds: [],
    scheduled: false,
  }
}

const issue = (field: string, key: string, raw: string): FieldIssue => ({ field, key, params: {}, raw })

/** What the note gains when an end was entered as a date only: the rule, in the reader's words. */
export type DateOnlyNote = (rule: { day: string; nextDay: string; zone: string }) => string

const blank = (value: string | number): boolean => String(value).trim() === ''

export function buildEventInput(
  form: EventForm,
  options: { dateOnlyNote?: DateOnlyNote } = {},
): { input: EventInput | null; issues: FieldIssue[] } {
  const issues: FieldIssue[] = []
  const at = zonedFromParts({ date: form.date, time: form.time, zone: form.zone })
  if (at === null)
    issues.push(
      form.date === '' || form.time === '' ? issue('at', 'required', 'required') : issue('at', 'invalidInstant', 'invalid instant'),
    )

  const input: EventInput = {
    kind: form.kind,
    at: at ?? '',
    scheduled: form.scheduled,
    sourceIds: form.sourceIds,
    note: form.note.trim(),
  }
  const noteZhHant = form.noteZhHant.trim()
  const noteZhHans = form.noteZhHans.trim()
  if (noteZhHant !== '' || noteZhHans !== '') {
    input.translations = { note: { ...(noteZhHant ? { 'zh-Hant': noteZhHant } : {}), ...(noteZhHans ? { 'zh-Hans': noteZhHans } : {}) } }
  }

  if (hasEnd(form.kind)) {
    const mode = endModesFor(form.kind).includes(form.endMode) ? form.endMode : endModesFor(form.kind)[0]!
    if (mode === 'duration') {
      const value = Number(form.durationValue)
      if (!Number.isInteger(value) || value <= 0) issues.push(issue('duration', 'positiveWhole', 'must be a positive whole number'))
      else input.duration = durationString(value, form.durationUnit)
    } else if (mode === 'until') {
      const until = zonedFromParts({ date: form.untilDate, time: form.untilTime, zone: form.untilZone })
      if (until === null)
        issues.push(form.untilDate === '' ? issue('until', 'required', 'required') : issue('until', 'invalidInstant', 'invalid instant'))
      else if (at !== null && epochMs(until) <= epochMs(at)) issues.push(issue('until', 'endBeforeStart', 'ends before it starts'))
      else input.until = until
    } else if (mode === 'dateOnly') {
      const end = dateOnlyEndOf(form.untilDay, form.legalZone)
      if (end === null)
        issues.push(form.untilDay === '' ? issue('until', 'required', 'required') : issue('until', 'invalidDate', 'invalid date'))
      else if (at !== null && epochMs(end.until) <= epochMs(at)) issues.push(issue('until', 'endBeforeStart', 'ends before it starts'))
      else {
        input.until = end.until
        // The rule travels with the event, so the measure page says how its end was read.
        const rule = options.dateOnlyNote?.({ day: form.untilDay, nextDay: end.nextDay, zone: form.legalZone })
        if (rule) input.note = input.note ? `${input.note}\n\n${rule}` : rule
      }
    } else input.until = null

    if (form.partMode === 'part') {
      const rate = blank(form.partRate) ? null : Number(form.partRate)
      const scope = form.partScope.trim() === '' ? null : form.partScope.trim()
      if (rate !== null && (!Number.isFinite(rate) || rate <= 0))
        issues.push(issue('part.rate', 'positiveNumber', 'must be a number greater than zero'))
      else if (rate === null && scope === null)
        issues.push(issue('part', 'partNeedsWhat', 'a part names the suspended rate, the suspended scope, or both'))
      else input.part = { rate, scope }
    }
  }

  if (hasRateChange(form.kind)) {
    if (form.rate.trim() !== '') input.rate = form.rate.trim()
    if (form.kind !== 'rate_step' && form.scope.trim() !== '') input.scope = form.scope.trim()
    if (!blank(form.rateNumber)) {
      const value = Number(form.rateNumber)
      if (!Number.isFinite(value) || value < 0) issues.push(issue('rateValue.value', 'nonNegativeNumber', 'must be a number, zero or more'))
      else {
        const currency = form.rateCurrency.trim().toUpperCase()
        const per = form.ratePer.trim()
        input.rateValue =
          form.rateUnit === 'amount' ? { value, unit: 'amount', currency, ...(per ? { per } : {}) } : { value, unit: 'percent' }
      }
    }
    if (form.kind === 'rate_step') input.whenSuspended = form.whenSuspended
  }

  if (issues.length > 0) return { input: null, issues }
  const parsed = eventInputSchema.safeParse(input)
  if (!parsed.success) return { input: null, issues: parsed.error.issues.map(issueFromZod) }
  return { input, issues: [] }
}
