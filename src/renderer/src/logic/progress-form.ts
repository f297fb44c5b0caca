// The "record progress" form of a commitment: a figure, the wall-clock instant it is "as of" in
// a zone, the sources cited and a note, turned into the shared progress input and checked with
// the shared schema (the host checks again; both kinds of issue land on the same fields).
import { progressInputSchema, type ProgressInput } from '../../../shared/api-inputs.ts'
import { zonedFromParts } from './as-of.ts'
import { issueFromZod, type FieldIssue } from './validation.ts'

export interface ProgressForm {
  /** What the number input holds: a number once typed in, '' before. */
  value: string | number
  date: string
  time: string
  zone: string
  sourceIds: string[]
  note: string
}

/** Figures are usually reported "as of" a day: midnight of it on the measure's legal clock. */
export function newProgressForm(date: string, zone: string): ProgressForm {
  return { value: '', date, time: '00:00', zone, sourceIds: [], note: '' }
}

const issue = (field: string, key: string, raw: string): FieldIssue => ({ field, key, params: {}, raw })

export function buildProgressInput(form: ProgressForm): { input: ProgressInput | null; issues: FieldIssue[] } {
  const issues: FieldIssue[] = []
  const text = String(form.value).trim()
  const value = Number(text)
  if (text === '') issues.push(issue('value', 'required', 'required'))
  else if (!Number.isFinite(value) || value < 0) issues.push(issue('value', 'nonNegativeNumber', 'must be a number, zero or more'))
  const asOf = zonedFromParts({ date: form.date, time: form.time, zone: form.zone })
  if (asOf === null)
    issues.push(
      form.date === '' || form.time === '' ? issue('asOf', 'required', 'required') : issue('asOf', 'invalidInstant', 'invalid instant'),
    )
  if (issues.length > 0) return { input: null, issues }
  const input: ProgressInput = { value, asOf: asOf!, sourceIds: form.sourceIds, note: form.note.trim() }
  const parsed = progressInputSchema.safeParse(input)
  if (!parsed.success) return { input: null, issues: parsed.error.issues.map(issueFromZod) }
  return { input, issues: [] }
}
