// The reminder lead times as a person types them ("90, 30, 7, 1") and back, checked the way the
// service's leadDaysSchema checks them, with a message for each problem.
import { leadDaysSchema } from '../../../shared/api-inputs.ts'
import type { FieldIssue } from './validation.ts'

export const MAX_LEAD_DAYS = 3650
export const MAX_LEAD_TIMES = 10

const issue = (key: string, params: Record<string, string | number>, raw: string): FieldIssue => ({ field: 'leadDays', key, params, raw })

/**
 * The count a sentence about the whole list agrees with ("1 day before each deadline", "30, 7
 * days before each deadline"): the one lead time itself; several always take the plural, which
 * their number (two or more) selects.
 */
export function leadDaysCount(days: readonly number[]): number {
  return days.length === 1 ? (days[0] ?? 0) : days.length
}

/** Largest first, as the service lists them. */
export function formatLeadDays(days: readonly number[]): string {
  return [...days].sort((a, b) => b - a).join(', ')
}

export function parseLeadDays(text: string): { days: number[] | null; issues: FieldIssue[] } {
  const parts = text
    .split(/[,，、;；\s]+/)
    .map((part) => part.trim())
    .filter(Boolean)
  const issues: FieldIssue[] = []
  const days: number[] = []
  const seen = new Set<number>()
  for (const part of parts) {
    const value = /^[0-9]{1,4}$/.test(part) ? Number(part) : NaN
    if (!Number.isInteger(value) || value < 0 || value > MAX_LEAD_DAYS) {
      issues.push(issue('leadDaysNumber', { value: part }, `not a whole number of days: ${part}`))
      continue
    }
    if (seen.has(value)) {
      if (!issues.some((i) => i.key === 'leadDaysRepeated' && i.params.value === value)) {
        issues.push(issue('leadDaysRepeated', { value }, `listed twice: ${value}`))
      }
      continue
    }
    seen.add(value)
    days.push(value)
  }
  if (parts.length === 0) issues.push(issue('leadDaysNone', {}, 'at least one lead time'))
  if (days.length > MAX_LEAD_TIMES) issues.push(issue('leadDaysTooMany', { max: MAX_LEAD_TIMES }, `at most ${MAX_LEAD_TIMES}`))
  if (issues.length > 0) return { days: null, issues }
  // The shared schema has the last word (it is what the host checks).
  const parsed = leadDaysSchema.safeParse(days)
  if (!parsed.success) return { days: null, issues: [issue('invalidValue', {}, parsed.error.issues[0]?.message ?? 'invalid')] }
  return { days: days.sort((a, b) => b - a), issues: [] }
}
