// The "record event" form: what a person picks (kind, a wall-clock date in a zone, an end given as
// a duration or a date) turned into the shared event input, checked with the shared schema.
import { eventInputSchema, type EventInput } from '../../../shared/api.ts'
import type { EventKind } from '../../../shared/domain.ts'
import { epochMs } from '../../../shared/time.ts'
import { zonedFromParts } from './as-of.ts'
import { issueFromZod, type FieldIssue } from './validation.ts'

export const DURATION_UNITS = ['years', 'months', 'weeks', 'days', 'hours'] as const
export type DurationUnit = (typeof DURATION_UNITS)[number]

/** How a suspension or extension ends: not at all (suspensions only), after a duration, or at an instant. */
export type EndMode = 'none' | 'duration' | 'until'

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
  rate: string
  scope: string
  note: string
  sourceIds: string[]
  scheduled: boolean
}

export function hasEnd(kind: EventKind): boolean {
  return kind === 'suspended' || kind === 'extended'
}

export function endModesFor(kind: EventKind): EndMode[] {
  if (kind === 'suspended') return ['none', 'duration', 'until']
  if (kind === 'extended') return ['duration', 'until']
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

export function newEventForm(kind: EventKind, start: { date: string; time: string; zone: string }): EventForm {
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
    rate: '',
    scope: '',
    note: '',
    sourceIds: [],
    scheduled: false,
  }
}

const issue = (field: string, key: string, raw: string): FieldIssue => ({ field, key, params: {}, raw })

export function buildEventInput(form: EventForm): { input: EventInput | null; issues: FieldIssue[] } {
  const issues: FieldIssue[] = []
  const at = zonedFromParts({ date: form.date, time: form.time, zone: form.zone })
  if (at === null) issues.push(form.date === '' || form.time === '' ? issue('at', 'required', 'required') : issue('at', 'invalidInstant', 'invalid instant'))

  const input: EventInput = {
    kind: form.kind,
    at: at ?? '',
    scheduled: form.scheduled,
    sourceIds: form.sourceIds,
    note: form.note.trim(),
  }

  if (hasEnd(form.kind)) {
    const mode = endModesFor(form.kind).includes(form.endMode) ? form.endMode : endModesFor(form.kind)[0]!
    if (mode === 'duration') {
      const value = Number(form.durationValue)
      if (!Number.isInteger(value) || value <= 0) issues.push(issue('duration', 'positiveWhole', 'must be a positive whole number'))
      else input.duration = durationString(value, form.durationUnit)
    } else if (mode === 'until') {
      const until = zonedFromParts({ date: form.untilDate, time: form.untilTime, zone: form.untilZone })
      if (until === null) issues.push(form.untilDate === '' ? issue('until', 'required', 'required') : issue('until', 'invalidInstant', 'invalid instant'))
      else if (at !== null && epochMs(until) <= epochMs(at)) issues.push(issue('until', 'endBeforeStart', 'ends before it starts'))
      else input.until = until
    } else input.until = null
  }

  if (form.kind === 'amended' || form.kind === 'effective') {
    if (form.rate.trim() !== '') input.rate = form.rate.trim()
    if (form.scope.trim() !== '') input.scope = form.scope.trim()
  }

  if (issues.length > 0) return { input: null, issues }
  const parsed = eventInputSchema.safeParse(input)
  if (!parsed.success) return { input: null, issues: parsed.error.issues.map(issueFromZod) }
  return { input, issues: [] }
}
