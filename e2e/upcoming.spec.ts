// The Upcoming panel (issue 4, section 2): deadlines in the next N days with countdowns. Live, the
// seeded data has few deadlines left after 10 Nov 2026, so probes suspended until 10 and 60 days
// from now are imported; "as of" 1 Nov 2026 shows the dataset's own 10 Nov deadlines, with
// countdowns that stand still. Changing "Within" changes the list.
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './support/fixtures.ts'
import { AFFILIATES, asOfNotice, countdownSeconds, countdownTolerance, datasetTitle, showAsOf, tallWindow } from './support/board.ts'
import { cliImport, suspendedProbe } from './support/cli.ts'

const affiliates = datasetTitle(AFFILIATES)
const SOON = 'Upcoming probe, 10 days'
const LATER = 'Upcoming probe, 60 days'

test.beforeEach(async ({ page }) => {
  await tallWindow(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Status board' })).toBeVisible()
})

async function openUpcoming(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Upcoming' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Upcoming deadlines' })).toBeVisible()
}

function table(page: Page): Locator {
  return page.getByRole('table', { name: 'Upcoming deadlines' })
}

/** The table row whose measure link is `title`. */
function rowFor(page: Page, title: string): Locator {
  return table(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) })
}

/** The "Time left" cell of a row (second column). */
function timeLeft(row: Locator): Locator {
  return row.getByRole('cell').nth(1)
}

function countLine(page: Page, days: number): Locator {
  return page
    .getByRole('status')
    .filter({ hasText: new RegExp(`^(\\d+ deadlines? in the next ${days} days|No deadlines in the next ${days} days\\.)$`) })
}

test('live: deadlines within 30 days with ticking countdowns; "Within" widens and narrows the list', async ({ page, app }) => {
  await cliImport(app.dbPath, [suspendedProbe('e2e-upcoming-soon', SOON, 10), suspendedProbe('e2e-upcoming-later', LATER, 60)])
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Status board' })).toBeVisible()
  await openUpcoming(page)

  const within = page.getByRole('combobox', { name: 'Within' })
  await expect(within.locator('option:checked')).toHaveText('30 days')
  await expect(within.locator('option')).toHaveText(['7 days', '30 days', '90 days', '365 days'])
  await expect(countLine(page, 30)).toHaveText(/^\d+ deadlines? in the next 30 days$/)
  await expect(table(page).getByRole('columnheader')).toHaveText(['When', 'Time left', 'Change', 'Measure', 'Parties', 'Status'])

  const soon = rowFor(page, SOON)
  await expect(soon).toHaveCount(1)
  await expect(rowFor(page, LATER)).toHaveCount(0)
  await expect(soon.getByRole('cell').nth(2)).toHaveText('Suspension ends')
  await expect(soon.getByRole('cell').nth(5)).toHaveText(/^Suspended/)
  // Every deadline listed lies within the next 30 days.
  const rows = table(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link') })
  expect(await rows.count()).toBeGreaterThanOrEqual(1)
  for (const text of await rows.locator('td:nth-child(2)').allInnerTexts()) {
    const seconds = countdownSeconds(text)
    expect(seconds, text).not.toBeNull()
    expect(seconds!).toBeGreaterThan(0)
    expect(seconds!).toBeLessThanOrEqual(30 * 86_400)
  }

  // About 10 days, to the hour: seconds tick only within the last day (shared/countdown.ts, issue 11;
  // e2e/board.spec.ts watches a countdown tick).
  await expect(timeLeft(soon)).toHaveText(/^\d+d \d+h/)
  const shown = await timeLeft(soon).innerText()
  expect(shown).not.toMatch(/\d+s/)
  expect(Math.abs(countdownSeconds(shown)! - 10 * 86_400)).toBeLessThan(countdownTolerance(shown))

  // 90 days: the 60-day probe comes in, after the 10-day one (soonest first).
  await within.selectOption({ label: '90 days' })
  await expect(countLine(page, 90)).toBeVisible()
  await expect(rowFor(page, LATER)).toHaveCount(1)
  const links = await table(page).getByRole('link').allInnerTexts()
  expect(links.indexOf(SOON)).toBeLessThan(links.indexOf(LATER))
  expect(countdownSeconds(await timeLeft(rowFor(page, LATER)).innerText())!).toBeGreaterThan(59 * 86_400)

  // 7 days: neither probe.
  await within.selectOption({ label: '7 days' })
  await expect(countLine(page, 7)).toBeVisible()
  await expect(rowFor(page, SOON)).toHaveCount(0)
  await expect(rowFor(page, LATER)).toHaveCount(0)

  // A row's link opens its measure.
  await within.selectOption({ label: '30 days' })
  await rowFor(page, SOON).getByRole('link', { name: SOON }).click()
  await expect(page.getByRole('heading', { level: 1, name: SOON })).toBeVisible()
})

test('as of 1 Nov 2026: the dataset’s 10 Nov deadlines are upcoming, countdowns stand still, 7 days shows none of them', async ({
  page,
}) => {
  await showAsOf(page, '2026-11-01', '12:00', 'UTC')
  await expect(asOfNotice(page)).toBeVisible()
  await openUpcoming(page)
  await expect(asOfNotice(page)).toBeVisible()

  await expect(countLine(page, 30)).toHaveText(/^\d+ deadlines in the next 30 days$/)
  const row = rowFor(page, affiliates)
  await expect(row).toHaveCount(1)
  await expect(row.getByRole('cell').nth(2)).toHaveText('Suspension ends')
  await expect(row.getByRole('cell').nth(5)).toHaveText(/^Suspended/)
  // 12:00 UTC on 1 Nov to 12:01 a.m. eastern (05:01 UTC) on 10 Nov, frozen at the as-of instant.
  // Days and hours at this horizon (issue 11).
  await expect(timeLeft(row)).toHaveText(/^8d 17h(?! \d)/)
  await page.waitForTimeout(1_500)
  await expect(timeLeft(row)).toHaveText(/^8d 17h(?! \d)/)
  const listed = await table(page).getByRole('link').count()
  expect(listed).toBeGreaterThanOrEqual(6)

  // Within 7 days of 1 Nov nothing of the dataset falls due.
  await page.getByRole('combobox', { name: 'Within' }).selectOption({ label: '7 days' })
  await expect(countLine(page, 7)).toHaveText('No deadlines in the next 7 days.')
  await expect(table(page)).toHaveCount(0)

  await page.getByRole('combobox', { name: 'Within' }).selectOption({ label: '30 days' })
  await expect(table(page).getByRole('link')).toHaveCount(listed)

  // Back to now: the 10 Nov deadlines have passed and leave the list.
  await asOfNotice(page).getByRole('button', { name: 'Back to now' }).click()
  await expect(asOfNotice(page)).toHaveCount(0)
  await expect(rowFor(page, affiliates)).toHaveCount(0)
})
