// The app's own date and time inputs, filled and read the way a person sees them: a group named
// "Date" holding Year, Month (a list) and Day; a group named "Time" holding Hour and Minute.
import type { Locator } from '@playwright/test'
import { expect } from './fixtures.ts'

function group(scope: Locator, name: string): Locator {
  return scope.getByRole('group', { name, exact: true })
}

/** Types an ISO date (YYYY-MM-DD) into the date group called `name` inside `scope`. */
export async function fillDate(scope: Locator, iso: string, name = 'Date'): Promise<void> {
  const [year, month, day] = iso.split('-')
  const date = group(scope, name)
  await date.getByRole('textbox', { name: 'Year' }).fill(year!)
  await date.getByRole('combobox', { name: 'Month' }).selectOption(String(Number(month)))
  await date.getByRole('textbox', { name: 'Day' }).fill(String(Number(day)))
}

/** Types HH:MM into the time group called `name` inside `scope`. */
export async function fillTime(scope: Locator, hhmm: string, name = 'Time'): Promise<void> {
  const [hour, minute] = hhmm.split(':')
  const time = group(scope, name)
  await time.getByRole('textbox', { name: 'Hour' }).fill(hour!)
  await time.getByRole('textbox', { name: 'Minute' }).fill(minute!)
}

/** The date group shows `iso` ('' when every part is empty). */
export async function expectDate(scope: Locator, iso: string, name = 'Date'): Promise<void> {
  const [year = '', month = '', day = ''] = iso === '' ? [] : iso.split('-')
  const date = group(scope, name)
  await expect(date.getByRole('textbox', { name: 'Year' })).toHaveValue(year)
  await expect(date.getByRole('combobox', { name: 'Month' })).toHaveValue(month === '' ? '' : String(Number(month)))
  await expect(date.getByRole('textbox', { name: 'Day' })).toHaveValue(day === '' ? '' : String(Number(day)))
}

export async function expectTime(scope: Locator, hhmm: string, name = 'Time'): Promise<void> {
  const [hour, minute] = hhmm.split(':')
  const time = group(scope, name)
  await expect(time.getByRole('textbox', { name: 'Hour' })).toHaveValue(hour!)
  await expect(time.getByRole('textbox', { name: 'Minute' })).toHaveValue(minute!)
}

/** The first part of a date group (the month in English, the year in Chinese): where focus lands. */
export function firstDatePart(scope: Locator, name = 'Date'): Locator {
  return group(scope, name).locator('input, select').first()
}
