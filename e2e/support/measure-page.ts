// The measure page's notes and tags as a person finds them (src/renderer/README.md, "Accessible
// names (additions)"), and the hops between the board and a measure.
import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures.ts'
import { rowOf } from './board.ts'

/** From the board, opens the measure whose title is `title` (the row's link), as a reader would. */
export async function openMeasureFromBoard(page: Page, title: string): Promise<void> {
  await rowOf(page, title).getByRole('link', { name: title, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
}

/** Back to the board through the header's navigation. */
export async function goToBoard(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Status board' })).toBeVisible()
}

export function notesRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'Notes' })
}

export function tagsRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'Tags' })
}

/** The note list's items (one per note), in the order shown. */
export function noteItems(page: Page): Locator {
  return notesRegion(page).getByRole('list').first().locator(':scope > li')
}

/** The note whose rendered text contains `text`. */
export function noteWith(page: Page, text: string | RegExp): Locator {
  return noteItems(page).filter({ hasText: text })
}

export function toasts(page: Page): Locator {
  return page.getByRole('region', { name: 'Notifications' })
}
