// What a person looks at on the board, found by role and accessible name (src/renderer/README.md).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures.ts'
import { fillDate, fillTime } from './date-time.ts'

interface DatasetMeasure {
  id: string
  title: { en: string; 'zh-Hant'?: string; 'zh-Hans'?: string }
  imposer: string
  target: string
  category: string
  events: { kind: string; at: string }[]
}

/** The embedded dataset the app is seeded with on first open. */
export const DATASET: { measures: DatasetMeasure[] } = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../resources/datasets/us-cn-truce-2025.json', import.meta.url)), 'utf8'),
)

export function datasetTitle(id: string, locale: 'en' | 'zh-Hant' | 'zh-Hans' = 'en'): string {
  const measure = DATASET.measures.find((m) => m.id === id)
  if (!measure) throw new Error(`no measure ${id} in the dataset`)
  return measure.title[locale] ?? measure.title.en
}

export const AFFILIATES = 'us-bis-affiliates-rule'

/** The board's count line for the seeded dataset plus `extra` measures ("26 measures", "Showing 1 of 26 measures"). */
export function measureCount(extra = 0, shown?: number): RegExp {
  const total = DATASET.measures.length + extra
  return new RegExp(shown === undefined ? `^${total} measures$` : `^Showing ${shown} of ${total} measures$`)
}

export function measuresRegion(page: Page, name = 'Measures'): Locator {
  return page.getByRole('region', { name })
}

/** The board row (or counter-measure pair row) whose link is `title`. */
export function rowOf(page: Page, title: string, regionName = 'Measures'): Locator {
  return measuresRegion(page, regionName)
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) })
}

/** Room for every row of a small dataset at once (the list is virtualized). */
export async function tallWindow(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1400, height: 2400 })
}

/**
 * Every title listed on the board, scrolling the virtualized list from top to bottom as a reader
 * would: rows off screen are not in the DOM.
 */
export async function listedTitles(page: Page, regionName = 'Measures'): Promise<string[]> {
  const region = measuresRegion(page, regionName)
  const table = region.getByRole('table')
  await expect(table).toBeVisible()
  // A count line can read the same for the previous question (1 of 27 suspended, then 1 of 27
  // found): the list says aria-busy while its rows are an earlier question's.
  await expect(region).not.toHaveAttribute('aria-busy', 'true')
  await region.evaluate((el) => el.scrollTo(0, 0))
  const seen = new Set<string>()
  for (let step = 0; step < 500; step++) {
    for (const name of await table.getByRole('link').allInnerTexts()) seen.add(name.trim())
    const done = await region.evaluate((el) => {
      const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 1
      if (!atEnd) el.scrollBy(0, Math.max(40, el.clientHeight - 80))
      return atEnd
    })
    if (done) break
    // Let the virtualizer render the rows now in view.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  }
  await region.evaluate((el) => el.scrollTo(0, 0))
  return [...seen].sort()
}

/**
 * Any form of the countdown in English (its precision fits the horizon, shared/countdown.ts):
 * "3h 4m 5s" (last day), "2d 3h 4m" (3 days), "12d 3h" (60 days), "4mo 10d" (beyond).
 */
export const COUNTDOWN = /(\d+mo \d+d|\d+d \d+h \d+m|\d+d \d+h|\d+h \d+m \d+s)/

/** The countdown's value in seconds (months read as 30.44 days), or null. */
export function countdownSeconds(text: string): number | null {
  const match = COUNTDOWN.exec(text)
  if (!match) return null
  const n = (unit: string) => Number(new RegExp(`(\\d+)${unit}(?![a-z])`).exec(match[1]!)?.[1] ?? 0)
  return Math.round(n('mo') * 30.44 * 86_400) + n('d') * 86_400 + n('h') * 3_600 + n('m') * 60 + n('s')
}

/** How far the shown value may be from the true one, in seconds: one unit of its precision (months: 3 days). */
export function countdownTolerance(text: string): number {
  const shown = COUNTDOWN.exec(text)?.[1] ?? ''
  if (/mo/.test(shown)) return 3 * 86_400
  if (/s$/.test(shown)) return 120
  if (/m$/.test(shown)) return 180
  return 3_600 + 120
}

/** The header's as-of chip ("Now · live" or "As of …"), which opens the As-of popover. */
export function asOfChip(page: Page): Locator {
  return page.getByRole('banner').getByRole('button', { name: /^(Now · live|As of )/ })
}

/** Opens the as-of popover (if closed) and returns its "As of" group. */
export async function openAsOf(page: Page): Promise<Locator> {
  const chip = asOfChip(page)
  if ((await chip.getAttribute('aria-expanded')) !== 'true') await chip.click()
  const group = page.getByRole('group', { name: 'As of' })
  await expect(group).toBeVisible()
  return group
}

/** Shows the app "as of" a date and wall-clock time in a zone, with the header's As-of popover. */
export async function showAsOf(page: Page, date: string, time: string, zone: string): Promise<void> {
  const asOf = await openAsOf(page)
  // The zone first: changing it alone keeps the instant, so the date and time are then read in it.
  await asOf.getByRole('combobox', { name: 'As-of zone' }).selectOption(zone)
  await fillDate(asOf, date, 'As-of date')
  await fillTime(asOf, time, 'As-of time')
  await asOf.getByRole('button', { name: 'Apply' }).click()
}

/** Opens the board's Filters panel (if closed). */
export async function openFilters(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: /^Filters/ })
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click()
}

/** Rows of the board fully inside the list's scrollport, below its sticky column headers. */
export async function fullyVisibleRows(page: Page, regionName = 'Measures'): Promise<number> {
  return measuresRegion(page, regionName).evaluate((list) => {
    const box = list.getBoundingClientRect()
    const head = list.querySelector('[role="rowgroup"]')!.getBoundingClientRect()
    const top = Math.max(box.top + list.clientTop, head.bottom)
    const bottom = box.top + list.clientTop + list.clientHeight
    return [...list.querySelectorAll('[role="row"][data-index]')].filter((row) => {
      const r = row.getBoundingClientRect()
      return r.top >= top - 0.5 && r.bottom <= bottom + 0.5
    }).length
  })
}

/** The "as of … — not now" notice, present on every page while the app is not showing now. */
export function asOfNotice(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: /— not now/ })
}
