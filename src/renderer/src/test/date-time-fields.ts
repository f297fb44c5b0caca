// Filling the app's own date and time inputs (DateInput, TimeInput) part by part, as a person
// does: the year, the month from its list, the day; the hour and the minute.
import type { DOMWrapper } from '@vue/test-utils'

type Scope = Pick<DOMWrapper<Element>, 'get' | 'findAll'>

/** The `index`th date input in `scope`, set to an ISO date ('' clears every part). */
export async function setDate(scope: Scope, iso: string, index = 0): Promise<void> {
  const group = scope.findAll('.date-input')[index]
  if (!group) throw new Error(`no date input #${index}`)
  const [year = '', month = '', day = ''] = iso === '' ? [] : iso.split('-')
  await group.get('input.year').setValue(year)
  await group.get('select.month').setValue(month === '' ? '' : String(Number(month)))
  await group.get('input.day').setValue(day === '' ? '' : String(Number(day)))
}

/** The `index`th time input in `scope`, set to HH:MM. */
export async function setTime(scope: Scope, hhmm: string, index = 0): Promise<void> {
  const group = scope.findAll('.time-input')[index]
  if (!group) throw new Error(`no time input #${index}`)
  const [hour = '', minute = ''] = hhmm.split(':')
  await group.get('input.hour').setValue(hour)
  await group.get('input.minute').setValue(minute)
}

/** What the `index`th date and time inputs in `scope` show, as ISO (YYYY-MM-DD, HH:MM). */
export function shownDate(scope: Scope, index = 0): string {
  const group = scope.findAll('.date-input')[index]!
  const value = (selector: string) => (group.get(selector).element as HTMLInputElement | HTMLSelectElement).value
  return `${value('input.year')}-${value('select.month').padStart(2, '0')}-${value('input.day').padStart(2, '0')}`
}

export function shownTime(scope: Scope, index = 0): string {
  const group = scope.findAll('.time-input')[index]!
  const value = (selector: string) => (group.get(selector).element as HTMLInputElement).value
  return `${value('input.hour')}:${value('input.minute')}`
}
