// Issue 11, the board at expiry: lapsed deadlines up front with their legal date and age, the
// legal time on the row, a dense layout, facets by imposer and target, saved views, the as-of
// chip, the not-yet-public rule — and no serious axe violation, light or dark.
import type { Page } from '@playwright/test'
import { test, expect } from './support/fixtures.ts'
import {
  DATASET,
  asOfChip,
  asOfNotice,
  datasetTitle,
  fullyVisibleRows,
  listedTitles,
  measuresRegion,
  openAsOf,
  openFilters,
  rowOf,
  showAsOf,
  tallWindow,
} from './support/board.ts'
import { audit, type Finding } from './support/axe.ts'
import { epochMs } from '../src/shared/time.ts'
import { expectDate } from './support/date-time.ts'

const reviewHeading = (page: Page) => page.getByRole('heading', { level: 2, name: /^\d+ measures? needs? review$/ })

/** The titles of the rendered rows, top to bottom (a tall window renders them all). */
async function rowsInOrder(page: Page): Promise<string[]> {
  return measuresRegion(page).locator('[role="row"][data-index] a[data-row-focus]').allInnerTexts()
}

test.beforeEach(async ({ page }) => {
  await expect(page.getByRole('heading', { level: 1, name: 'Status board' })).toBeVisible()
})

test('lapsed deadlines come first, oldest first, each with its legal date, its age and "Outcome not recorded"', async ({ page }) => {
  await tallWindow(page)
  await expect(reviewHeading(page)).toBeVisible()
  const lapsed = Number(/(\d+)/.exec((await reviewHeading(page).textContent())!)![1])
  expect(lapsed).toBeGreaterThan(0)
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('next')
  // After the window grew, the list renders the rows that now fit: wait for all of them before reading.
  await expect(measuresRegion(page).locator('[role="row"][data-index] a[data-row-focus]')).toHaveCount(DATASET.measures.length)
  const titles = await rowsInOrder(page)
  expect(titles).toHaveLength(DATASET.measures.length)

  const ages: number[] = []
  for (const [index, title] of titles.entries()) {
    const row = rowOf(page, title)
    const deadline = row.getByRole('cell').nth(4)
    const countdown = row.getByRole('cell').nth(5)
    if (index < lapsed) {
      await expect(deadline, title).toHaveText(/(Suspension ended|was due) [A-Z][a-z]{2} \d{1,2}, \d{4}/)
      await expect(deadline, title).toContainText(/Legal: .+, [A-Za-z_]+\/[A-Za-z_]+$/)
      await expect(countdown, title).toContainText(/ ago/)
      await expect(countdown, title).toContainText('Outcome not recorded')
      const text = await countdown.innerText()
      const days = Number(/(\d+)mo/.exec(text)?.[1] ?? 0) * 31 + Number(/(\d+)d/.exec(text)?.[1] ?? 0)
      ages.push(days)
    } else {
      await expect(countdown, title).not.toContainText('ago')
      await expect(countdown, title).not.toContainText('Outcome not recorded')
    }
  }
  // Oldest lapse first: the ages (in whole days) never grow down the list.
  for (let i = 1; i < ages.length; i++) expect(ages[i]!).toBeLessThanOrEqual(ages[i - 1]! + 1)
  // Then the nearest upcoming, then nothing scheduled (all at the end).
  const deadlines = await measuresRegion(page).locator('[role="row"][data-index] [role="cell"]:nth-child(5)').allInnerTexts()
  const firstNone = deadlines.findIndex((text) => text.trim() === 'Nothing scheduled')
  if (firstNone >= 0) expect(deadlines.slice(firstNone).every((text) => text.trim() === 'Nothing scheduled')).toBe(true)
})

test('the legal date and time show on the row, without hovering; a Beijing deadline keeps its Beijing date', async ({ page }) => {
  await tallWindow(page)
  // Upcoming: the reader's time, and under it the legal time in the notice's zone.
  await expect(
    measuresRegion(page)
      .getByText(/^Legal: .*, (America\/New_York|Asia\/Shanghai)$/)
      .first(),
  ).toBeVisible()
  // The window's zone is America/New_York (playwright.config.ts). Control list No. 21's suspension
  // ended at midnight in Beijing on 10 Nov 2026 — 11:00 on 9 Nov in New York: the lapse is dated
  // as the notice dates it.
  const row = rowOf(page, datasetTitle('cn-mofcom-export-control-list-2025-21'))
  const deadline = row.getByRole('cell').nth(4)
  await expect(deadline.getByText('Legal: 00:00 GMT+8, Asia/Shanghai')).toBeVisible()
  await expect(deadline).toContainText('Suspension ended Nov 10, 2026')
  await expect(deadline).not.toContainText('Nov 9')
})

for (const [width, height, rows] of [
  [1024, 700, 8],
  [1440, 900, 12],
  [1920, 1080, 16],
] as const) {
  test(`at ${width}×${height} at least ${rows} rows are fully visible on first view, with one scrollbar`, async ({ page }) => {
    await page.setViewportSize({ width, height })
    await page.reload()
    await expect(reviewHeading(page)).toBeVisible()
    await expect(measuresRegion(page).getByRole('row').nth(rows)).toBeVisible()
    expect(await fullyVisibleRows(page)).toBeGreaterThanOrEqual(rows)
    // The page does not scroll: the list does.
    const scrolls = await page.evaluate(() => [
      document.scrollingElement!.scrollHeight > innerHeight + 1,
      document.querySelector('main')!.scrollHeight > document.querySelector('main')!.clientHeight + 1,
    ])
    expect(scrolls).toEqual([false, false])
    // One toolbar row: search, Filters, sort and group side by side.
    const y = async (name: string, role: 'searchbox' | 'button' | 'combobox') =>
      (await page.getByRole(role, { name }).first().boundingBox())!.y
    const searchY = await y('Search', 'searchbox')
    expect(Math.abs((await y('Filters', 'button')) - searchY)).toBeLessThan(12)
    expect(Math.abs((await y('Sort by', 'combobox')) - searchY)).toBeLessThan(12)
    expect(Math.abs((await y('Group by', 'combobox')) - searchY)).toBeLessThan(12)
    // The search box fits its placeholder.
    const fits = await page.getByRole('searchbox', { name: 'Search' }).evaluate((input: HTMLInputElement) => {
      const probe = document.createElement('span')
      probe.style.cssText = `position:absolute;visibility:hidden;white-space:pre;font:${getComputedStyle(input).font}`
      probe.textContent = input.placeholder
      document.body.append(probe)
      const needed = probe.getBoundingClientRect().width
      probe.remove()
      return needed <= input.clientWidth
    })
    expect(fits).toBe(true)
    // Nothing in a row's status cell is cut off by the row's fixed height (badge, "Record
    // outcome…", the sources-disagree mark), in any row on screen.
    const clipped = await measuresRegion(page).evaluate((list) =>
      [...list.querySelectorAll<HTMLElement>('[role="row"] .cell.status')].flatMap((cell) => {
        const box = cell.getBoundingClientRect()
        if (box.bottom > innerHeight) return []
        return [...cell.children]
          .filter((child) => child.getClientRects().length > 0 && getComputedStyle(child).position !== 'absolute')
          .filter((child) => {
            const r = child.getBoundingClientRect()
            return r.top < box.top - 1 || r.bottom > box.bottom + 1
          })
          .map((child) => `${cell.closest('[role="row"]')!.querySelector('a')?.textContent}: ${child.textContent}`)
      }),
    )
    expect(clipped).toEqual([])
  })
}

test('"Imposed by" and "Targeting" isolate China’s measures against the US; the filters are summarised and cleared in one step', async ({
  page,
}) => {
  await tallWindow(page)
  await openFilters(page)
  await page.getByRole('combobox', { name: 'Imposed by' }).selectOption({ label: 'China (CN)' })
  await page.getByRole('combobox', { name: 'Targeting' }).selectOption({ label: 'United States (US)' })
  const expected = DATASET.measures
    .filter((m) => m.imposer === 'CN' && m.target === 'US')
    .map((m) => m.title.en)
    .sort()
  expect(expected.length).toBeGreaterThanOrEqual(6)
  await expect(
    page.getByRole('status').filter({ hasText: new RegExp(`^Showing ${expected.length} of ${DATASET.measures.length} measures$`) }),
  ).toBeVisible()
  expect(await listedTitles(page)).toEqual(expected)
  await expect(page.getByText('Filters: Imposed by: China (CN) · Targeting: United States (US)')).toBeVisible()
  await expect(page.getByRole('button', { name: /^Filters\s*2$/ })).toBeVisible()

  // The other way round: what the US imposed on China, and nothing of China's.
  await page.getByRole('combobox', { name: 'Imposed by' }).selectOption({ label: 'United States (US)' })
  await page.getByRole('combobox', { name: 'Targeting' }).selectOption({ label: 'China (CN)' })
  const usOnCn = await listedTitles(page)
  expect(usOnCn).toEqual(
    DATASET.measures
      .filter((m) => m.imposer === 'US' && m.target === 'CN')
      .map((m) => m.title.en)
      .sort(),
  )
  expect(usOnCn.some((title) => expected.includes(title))).toBe(false)

  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(page.getByRole('status').filter({ hasText: new RegExp(`^${DATASET.measures.length} measures$`) })).toBeVisible()
  await expect(page.getByText(/^Filters: /)).toHaveCount(0)
})

test('a saved view appears in the navigation, survives a reload, and can be renamed and deleted', async ({ page }) => {
  await tallWindow(page)
  await openFilters(page)
  await page.getByRole('combobox', { name: 'Imposed by' }).selectOption({ label: 'China (CN)' })
  await page.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Export control' })
  const expected = await listedTitles(page)
  expect(expected.length).toBeGreaterThan(0)
  await page.getByRole('button', { name: 'Save view…' }).click()
  await page.getByRole('textbox', { name: 'View name' }).fill('CN export controls')
  await page.getByRole('button', { name: 'Save view', exact: true }).click()

  const nav = page.getByRole('navigation', { name: 'Main' })
  const link = nav.getByRole('link', { name: 'CN export controls' })
  await expect(link).toBeVisible()
  await expect(link).toHaveAttribute('aria-current', 'page')

  // Somewhere else, with other filters, then reloaded: the view is still there and still works.
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await nav.getByRole('link', { name: 'Upcoming' }).click()
  await page.reload()
  await expect(link).toBeVisible()
  await link.click()
  await expect(page.getByText('View: CN export controls')).toBeVisible()
  expect(await listedTitles(page)).toEqual(expected)

  await page.getByRole('button', { name: 'Rename view' }).click()
  await page.getByRole('textbox', { name: 'New name' }).fill('China: export controls')
  await page.getByRole('button', { name: 'Rename', exact: true }).click()
  await expect(nav.getByRole('link', { name: 'China: export controls' })).toBeVisible()
  await expect(link).toHaveCount(0)
  await page.getByRole('button', { name: 'Delete view' }).click()
  await expect(nav.getByRole('link', { name: 'China: export controls' })).toHaveCount(0)
  await page.reload()
  await expect(nav.getByRole('link', { name: 'China: export controls' })).toHaveCount(0)
})

test('the board remembers the last view of its window across a reload', async ({ page }) => {
  await tallWindow(page)
  await page.getByRole('searchbox', { name: 'Search' }).fill('soybean')
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Title' })
  await page.reload()
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('soybean')
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('title')
})

test('as-of: the chip says live, "Back to now" resets the fields, and changing only the zone keeps the instant', async ({ page }) => {
  await expect(asOfChip(page)).toHaveText(/Now · live/)
  let asOf = await openAsOf(page)
  await expect(asOf).toContainText('Live: the board follows the current time.')
  await page.keyboard.press('Escape')
  await expect(asOf).toBeHidden()

  await showAsOf(page, '2026-11-09', '17:00', 'UTC')
  await expect(asOfNotice(page)).toBeVisible()
  await expect(asOfChip(page)).toHaveText(/As of Nov 9, 2026, 17:00 UTC/)
  await asOfNotice(page).getByRole('button', { name: 'Back to now' }).click()
  await expect(asOfNotice(page)).toHaveCount(0)
  await expect(asOfChip(page)).toHaveText(/Now · live/)

  // Opened again in live mode: the current time in the reader's zone, not 9 Nov 17:00.
  asOf = await openAsOf(page)
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date())
  await expect(asOf.getByRole('combobox', { name: 'As-of zone' })).toHaveValue('America/New_York')
  await expectDate(asOf, today, 'As-of date')
  const shownTime = await asOf
    .getByRole('group', { name: 'As-of time' })
    .getByRole('textbox')
    .evaluateAll((parts) => parts.map((part) => (part as HTMLInputElement).value).join(':'))
  expect(shownTime).not.toBe('17:00')
  // Only the zone changes: the fields follow to the same instant there, so Apply shows now.
  await asOf.getByRole('combobox', { name: 'As-of zone' }).selectOption('Asia/Tokyo')
  const tokyoToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date())
  await expectDate(asOf, tokyoToday, 'As-of date')
  await asOf.getByRole('button', { name: 'Apply' }).click()
  // Today in Tokyo, not 9 Nov 2026 (the instant before "Back to now").
  await expect(asOfNotice(page)).toContainText(
    new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Tokyo', month: 'short', day: 'numeric', year: 'numeric' }).format(Date.now()),
  )
})

test('as of a past instant, a measure announced later is not listed; the toggle shows it marked "Not yet public"', async ({ page }) => {
  await tallWindow(page)
  const instant = '2025-10-01T12:00:00+00:00[UTC]'
  await showAsOf(page, '2025-10-01', '12:00', 'UTC')
  const firstEvent = (m: (typeof DATASET.measures)[number]) => Math.min(...m.events.map((e) => epochMs(e.at)))
  const publicThen = DATASET.measures
    .filter((m) => firstEvent(m) <= epochMs(instant))
    .map((m) => m.title.en)
    .sort()
  const later = DATASET.measures.filter((m) => firstEvent(m) > epochMs(instant)).map((m) => m.title.en)
  expect(later.length).toBeGreaterThan(0)
  await expect.poll(() => listedTitles(page)).toEqual(publicThen)
  await expect(page.getByRole('status').filter({ hasText: new RegExp(`^${publicThen.length} measures$`) })).toBeVisible()

  await openFilters(page)
  await page.getByRole('checkbox', { name: 'Show measures not yet public' }).check()
  await expect.poll(() => listedTitles(page)).toEqual(DATASET.measures.map((m) => m.title.en).sort())
  await expect(rowOf(page, later[0]!).getByRole('cell').nth(3)).toContainText('Not yet public')
  await expect(rowOf(page, publicThen[0]!).getByRole('cell').nth(3)).not.toContainText('Not yet public')
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the board has no serious axe violations, ${colorScheme} theme (filters, as-of popover, save form, lapsed rows)`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme })
    await page.setViewportSize({ width: 1440, height: 900 })
    const findings: Finding[] = []
    await expect(reviewHeading(page)).toBeVisible()
    await audit(page, 'board', findings)
    await openFilters(page)
    await page.getByRole('button', { name: 'Save view…' }).click()
    await page.getByRole('button', { name: /^Show reasons/ }).click()
    await audit(page, 'board with filters, save form and reasons open', findings)
    await page.getByRole('combobox', { name: 'Imposed by' }).selectOption({ label: 'China (CN)' })
    await openAsOf(page)
    await audit(page, 'board filtered, as-of popover open', findings)
    expect(findings, JSON.stringify(findings, null, 2)).toEqual([])
  })
}
