// Validation messages in the UI language. The same shared zod schemas run here (before sending)
// and in the host (on receipt); both kinds of issue are mapped to message keys under
// `validation.*`, placed by their path next to the field, with the raw text as the fallback.
import type { z } from 'zod'
import type { ApiError, ApiErrorIssue } from '../../../shared/result.ts'

export interface FieldIssue {
  /** The form field: the path's names joined by dots, indexes dropped ("title.en", "tags"). */
  field: string
  /** A key under validation.*, or null when only the raw message is known. */
  key: string | null
  params: Record<string, string | number>
  raw: string
}

// Custom refinements in src/shared and the service's own checks say what is wrong in words; these
// patterns recognise them (and zod's default texts, which is all an issue carries over the wire).
const MESSAGE_PATTERNS: readonly [RegExp, string, ((m: RegExpExecArray) => Record<string, string | number>)?][] = [
  [/RFC 9557 instant/, 'invalidInstant'],
  [/ISO 3166/, 'invalidParty'],
  [/ISO 8601 duration/, 'invalidDuration'],
  [/must come after the start|before it starts/, 'endBeforeStart'],
  [/either an end or a duration/, 'endOrDuration'],
  [/only (a )?suspen(sion|ded)/, 'onlySuspensionEnds'],
  [/extension needs its new end/, 'extensionNeedsEnd'],
  [/amendment changes the rate or the scope/, 'amendmentNeedsChange'],
  [/unknown source/, 'unknownSource'],
  [/ISO 4217|amount needs its currency/, 'currencyCode'],
  [/a part names the suspended rate/, 'partNeedsWhat'],
  [/rate step needs its new rate/, 'stepNeedsRate'],
  [/no commitment to record progress/, 'noCommitment'],
  [/expected number to be >0\b/, 'positiveNumber'],
  [/expected number to be >=0\b/, 'nonNegativeNumber'],
  [/already in use|already exists/, 'alreadyExists'],
  [/http\(s\) URL/, 'invalidUrl'],
  [/date YYYY-MM-DD/, 'invalidDate'],
  [/lower-case letters/, 'invalidId'],
  [/received undefined|expected string to have >=1 char/, 'required'],
  [/Too big: expected string to have <=\s*(\d+)/, 'tooLong', (m) => ({ max: Number(m[1]) })],
  [/Too big: expected array to have <=\s*(\d+)/, 'tooMany', (m) => ({ max: Number(m[1]) })],
  [/Invalid option/, 'invalidChoice'],
]

function fromMessage(message: string): Pick<FieldIssue, 'key' | 'params'> {
  for (const [pattern, key, params] of MESSAGE_PATTERNS) {
    const match = pattern.exec(message)
    if (match) return { key, params: params ? params(match) : {} }
  }
  return { key: null, params: {} }
}

export function fieldOf(path: readonly PropertyKey[]): string {
  return path.filter((part): part is string => typeof part === 'string').join('.')
}

type ZodIssue = z.core.$ZodIssue

export function issueFromZod(issue: ZodIssue): FieldIssue {
  const base = { field: fieldOf(issue.path), raw: issue.message }
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return { ...base, key: 'required', params: {} }
      // A number below its floor (a rate, a progress figure): say so in words, not "at least 0 characters".
      if (issue.origin === 'number') return { ...base, key: issue.inclusive ? 'nonNegativeNumber' : 'positiveNumber', params: {} }
      return { ...base, key: 'tooShort', params: { min: Number(issue.minimum) } }
    case 'too_big':
      return { ...base, key: issue.origin === 'array' ? 'tooMany' : 'tooLong', params: { max: Number(issue.maximum) } }
    case 'invalid_value':
      return { ...base, key: 'invalidChoice', params: {} }
    case 'invalid_format':
      return { ...base, ...(fromMessage(issue.message).key ? fromMessage(issue.message) : { key: 'invalidFormat', params: {} }) }
    case 'invalid_type':
      return { ...base, key: issue.input === undefined || issue.input === null ? 'required' : 'invalidValue', params: {} }
    default:
      return { ...base, ...fromMessage(issue.message) }
  }
}

/** A host's VALIDATION issue; `prefix` is the input's wrapper (e.g. "facts", "event") to drop. */
export function issueFromApi(issue: ApiErrorIssue, prefix?: string): FieldIssue {
  const path = prefix !== undefined && issue.path[0] === prefix ? issue.path.slice(1) : issue.path
  return { field: fieldOf(path), raw: issue.message, ...fromMessage(issue.message) }
}

export function issuesFromApiError(error: ApiError, prefix?: string): FieldIssue[] {
  const issues = error.details?.issues
  if (Array.isArray(issues) && issues.length > 0) return issues.map((issue) => issueFromApi(issue, prefix))
  return []
}

export type Translate = (key: string, params?: Record<string, unknown>) => string

export function issueText(issue: FieldIssue, t: Translate): string {
  return issue.key ? t(`validation.${issue.key}`, issue.params) : issue.raw
}

/** Messages per field, in order, without repeating the same message on one field. */
export function errorsByField(issues: readonly FieldIssue[], t: Translate): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const issue of issues) {
    const text = issueText(issue, t)
    const list = (out[issue.field] ??= [])
    if (!list.includes(text)) list.push(text)
  }
  return out
}
