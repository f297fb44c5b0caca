// What a person looks at on the board, found by role and accessible name (src/renderer/README.md).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures.ts'

interface DatasetMeasure {
  id: string
  title: { en: string; 'zh-Hant'?: string; 'zh-Hans'?: string }
}

/** The embedded dataset the app is seeded with on first open. */
export const DATASET: { measures: DatasetMeasure[] } = JSON.parse(readFileSync(fileURLToPath(new URL('../../resources/datasets/us-cn-truce-2025.json', import.meta.url)), 'utf8'))

export function datasetTitle(id: string, locale: 'en' | 'zh-Hant' | 'zh-Hans' = 'en'): string {
  const measure = DATASET.measures.find((m) => m.id === id)
  if (!measure) throw new Error(`no measure ${id} in the dataset`)
  return measure.title[locale] ?? measure.title.en
}

export const AFFILIATES = 'us-bis-affiliates-rule'

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

/** "12d 3h 4m 5s" (the countdown's English form) as seconds, or null. */
export function countdownSeconds(text: string): number | null {
  const match = /(\d+)d (\d+)h (\d+)m (\d+)s/.exec(text)
  if (!match) return null
  const [d, h, m, s] = match.slice(1).map(Number) as [number, number, number, number]
  return ((d * 24 + h) * 60 + m) * 60 + s
}

/** Shows the app "as of" a date and wall-clock time in a zone, with the board's As-of controls. */
export async function showAsOf(page: Page, date: string, time: string, zone: string): Promise<void> {
  const asOf = page.getByRole('group', { name: 'As of' })
  await asOf.getByRole('textbox', { name: 'As-of date' }).fill(date)
  await asOf.getByRole('textbox', { name: 'As-of time' }).fill(time)
  await asOf.getByRole('combobox', { name: 'As-of zone' }).selectOption(zone)
  await asOf.getByRole('button', { name: 'Apply' }).click()
}

/** The "as of … — not now" notice, present on every page while the app is not showing now. */
export function asOfNotice(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: /— not now/ })
}
