// The status board as a new user meets it: the embedded dataset, live countdowns, the "as of"
// view, the needs-review summary, and the controls that narrow and group the list.
import { test, expect } from './support/fixtures.ts'
import {
  AFFILIATES,
  DATASET,
  asOfNotice,
  countdownSeconds,
  datasetTitle,
  listedTitles,
  measuresRegion,
  openFilters,
  rowOf,
  showAsOf,
  tallWindow,
} from './support/board.ts'
import { cliImport, suspendedProbe } from './support/cli.ts'

const affiliates = datasetTitle(AFFILIATES)

test.beforeEach(async ({ page }) => {
  await tallWindow(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Status board' })).toBeVisible()
})

const TOTAL = DATASET.measures.length

test('shows every measure of the embedded dataset', async ({ page }) => {
  await expect(page.getByRole('status').filter({ hasText: new RegExp(`^${TOTAL} measures$`) })).toBeVisible()
  const expected = DATASET.measures.map((m) => m.title.en).sort()
  expect(expected).toHaveLength(26)
  await expect.poll(() => listedTitles(page)).toEqual(expected)
})

test('a countdown ticks down on the shared clock, in seconds within the last day', async ({ page, app }) => {
  // The dataset's own deadlines pass with time; a probe suspended until about half a day from now
  // always counts in seconds (only the last day does: shared/countdown.ts).
  await cliImport(app.dbPath, [suspendedProbe('e2e-countdown', 'Countdown probe', 0.5)])
  await page.reload()
  const row = rowOf(page, 'Countdown probe')
  await expect(row).toContainText(/\d+h \d+m \d+s/)
  const first = countdownSeconds(await row.innerText())!
  expect(first).toBeGreaterThan(0.4 * 86_400)
  // About two seconds later (the one fixed wait in these specs: time has to pass) it moved on.
  await page.waitForTimeout(2_000)
  const later = countdownSeconds(await row.innerText())!
  expect(later).toBeLessThan(first)
  expect(first - later).toBeLessThanOrEqual(5)
})

test('"as of" 9 Nov 2026 17:00 UTC shows the Affiliates rule suspended, hours left; "Back to now" returns', async ({ page }) => {
  await showAsOf(page, '2026-11-09', '17:00', 'UTC')

  const notice = asOfNotice(page)
  await expect(notice).toBeVisible()
  await expect(notice).toContainText(/Showing the situation as of .*2026.*17:00.* — not now/)

  const row = rowOf(page, affiliates)
  await expect(row.getByRole('cell').nth(3)).toHaveText(/^Suspended/)
  // 17:00 UTC on 9 Nov to 00:01 eastern (05:01 UTC) on 10 Nov; the as-of clock stands still.
  await expect(row.getByRole('cell').nth(5)).toHaveText(/^12h 1m 0s/)
  await expect(row.getByRole('cell').nth(4)).toContainText('Suspension ends')

  await notice.getByRole('button', { name: 'Back to now' }).click()
  await expect(asOfNotice(page)).toHaveCount(0)
  // Now (after 10 Nov 2026) the suspension has ended and nobody recorded what happened.
  await expect(row.getByRole('cell').nth(3)).toHaveText(/^In force/)
  await expect(row.getByRole('cell').nth(3)).toContainText('Needs review')
  // …and the row says so where the deadline was (issue 11), counting up.
  await expect(row.getByRole('cell').nth(4)).toContainText(/^⚑?Suspension ended (Nov 10, 2026|10 Nov 2026)/)
  await expect(row.getByRole('cell').nth(5)).toContainText(/ ago\s*Outcome not recorded/)
})

test('hovering or focusing a deadline shows its legal time in full, on top, even on the last row in view', async ({ page, app }) => {
  // Enough deadlines to fill the list, in a window short enough that it scrolls: the last row in
  // view sits at the list's edge.
  await cliImport(
    app.dbPath,
    Array.from({ length: 10 }, (_, i) => suspendedProbe(`e2e-tip-${i}`, `Tooltip probe ${i}`, 5 + i)),
  )
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.reload()
  // Only the probes: lapsed deadlines (listed first) show no time to hover.
  await page.getByRole('searchbox', { name: 'Search' }).fill('Tooltip probe')
  await expect(rowOf(page, 'Tooltip probe 0')).toHaveCount(1)
  const list = (await measuresRegion(page).boundingBox())!
  const rows = measuresRegion(page).getByRole('row')
  let lastInView = 1
  for (let i = 1; i < (await rows.count()); i++) {
    const box = await rows.nth(i).boundingBox()
    if (box && box.y + box.height <= list.y + list.height) lastInView = i
  }
  expect(lastInView).toBeGreaterThan(1)
  await expect(rows.nth(lastInView).locator('time')).toHaveCount(1)

  const tip = page.getByRole('tooltip').filter({ visible: true })
  // What is painted at a point of the tip must be the tip: not clipped by its row or the list,
  // not under another row.
  const tipOnTop = () =>
    tip.evaluate((element) => {
      const box = element.getBoundingClientRect()
      const points = [
        [box.left + 4, box.top + box.height / 2],
        [box.left + box.width / 2, box.bottom - 2],
        [box.left + box.width / 2, box.top + 2],
        [box.right - 4, box.top + box.height / 2],
      ]
      return points.every(([x, y]) => element.contains(document.elementFromPoint(x!, y!)))
    })

  for (const index of [1, lastInView]) {
    const time = rows.nth(index).getByRole('cell').nth(4).locator('time')
    await page.mouse.move(0, 0)
    await expect(tip).toHaveCount(0)
    await time.hover()
    await expect(tip).toHaveText(/^Legal time: .+ \([\w/]+\)$/)
    expect(await tipOnTop()).toBe(true)

    await page.mouse.move(0, 0)
    await expect(tip).toHaveCount(0)
    await time.focus()
    await expect(tip).toBeVisible()
    expect(await tipOnTop()).toBe(true)
    await time.blur()
  }
})

test('the needs-review summary, above the list, says how many and why', async ({ page }) => {
  const heading = page.getByRole('heading', { level: 2, name: /^\d+ measures? needs? review$/ })
  await expect(heading).toBeVisible()
  const total = Number(/(\d+)/.exec((await heading.textContent())!)![1])
  expect(total).toBeGreaterThan(0)
  // One line: the count, the newest reason and the actions; every reason on request.
  await page.getByRole('button', { name: /^Show reasons/ }).click()
  await expect(
    page.getByRole('listitem').filter({ hasText: /^\d+ suspensions? ended on (Nov 10, 2026|10 Nov 2026) with no outcome recorded$/ }),
  ).toBeVisible()

  // Above the list, on one line under the toolbar (issue 11: dense layout).
  const y = async (locator: import('@playwright/test').Locator) => (await locator.boundingBox())!.y
  expect(await y(heading)).toBeGreaterThan(await y(page.getByRole('searchbox', { name: 'Search' })))
  expect(await y(heading)).toBeLessThan(await y(measuresRegion(page)))

  // "Show only these" lists exactly that many, each marked as needing review.
  await page.getByRole('button', { name: 'Show only these' }).click()
  await expect(page.getByText('Filters: Needs review only')).toBeVisible()
  await openFilters(page)
  await expect(page.getByRole('checkbox', { name: 'Needs review only' })).toBeChecked()
  await expect(page.getByRole('status').filter({ hasText: new RegExp(`^Showing ${total} of ${TOTAL} measures$`) })).toBeVisible()
  const titles = await listedTitles(page)
  expect(titles).toHaveLength(total)
  for (const title of titles) await expect(rowOf(page, title).getByRole('cell').nth(3)).toContainText('Needs review')
})

test('imposer, target, category, status, search and grouping change what is listed', async ({ page, app }) => {
  // The dataset is all US–China: a Japan → Korea measure shows the party lists come from the data.
  await cliImport(app.dbPath, [suspendedProbe('e2e-jp-kr', 'Japan–Korea probe', 90, { imposer: 'JP', target: 'KR' })])
  await page.reload()
  const all = TOTAL + 1
  await expect(page.getByRole('status').filter({ hasText: new RegExp(`^${all} measures$`) })).toBeVisible()
  const showing = (count: number) => page.getByRole('status').filter({ hasText: new RegExp(`^Showing ${count} of ${all} measures$`) })
  const allTitles = [...DATASET.measures.map((m) => m.title.en), 'Japan–Korea probe'].sort()

  await openFilters(page)
  const imposer = page.getByRole('combobox', { name: 'Imposed by' })
  await imposer.selectOption({ label: 'Japan (JP)' })
  await expect(showing(1)).toBeVisible()
  expect(await listedTitles(page)).toEqual(['Japan–Korea probe'])
  await imposer.selectOption({ label: 'All' })
  const target = page.getByRole('combobox', { name: 'Targeting' })
  await target.selectOption({ label: 'South Korea (KR)' })
  expect(await listedTitles(page)).toEqual(['Japan–Korea probe'])
  await target.selectOption({ label: 'All' })

  const category = page.getByRole('combobox', { name: 'Category' })
  await category.selectOption({ label: 'Port fee' })
  const portFees = DATASET.measures
    .filter((m) => m.category === 'port_fee')
    .map((m) => m.title.en)
    .sort()
  await expect(showing(portFees.length)).toBeVisible()
  expect(await listedTitles(page)).toEqual(portFees)
  await category.selectOption({ label: 'All' })

  const status = page.getByRole('combobox', { name: 'Status' })
  await status.selectOption({ label: 'Suspended' })
  await expect(page.getByRole('status').filter({ hasText: new RegExp(`^Showing \\d+ of ${all} measures$`) })).toBeVisible()
  const suspended = await listedTitles(page)
  expect(suspended).toContain('Japan–Korea probe')
  expect(suspended.length).toBeLessThan(all)
  for (const title of suspended) await expect(rowOf(page, title).getByRole('cell').nth(3)).toHaveText(/^Suspended/)
  await status.selectOption({ label: 'All' })

  const search = page.getByRole('searchbox', { name: 'Search' })
  await search.fill('hanwha')
  await expect(showing(1)).toBeVisible()
  expect(await listedTitles(page)).toEqual([datasetTitle('cn-mofcom-hanwha-countermeasures')])
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(search).toHaveValue('')
  await expect(page.getByRole('status').filter({ hasText: new RegExp(`^${all} measures$`) })).toBeVisible()
  expect(await listedTitles(page)).toEqual(allTitles)

  // Counter-measure pairs side by side: the reader's own side (en-US → US) on the left.
  await page.getByRole('combobox', { name: 'Group by' }).selectOption({ label: 'Counter-measure pairs' })
  const region = measuresRegion(page)
  const pair = rowOf(page, affiliates)
  await expect(pair).toHaveCount(1)
  await expect(pair.getByRole('link', { name: datasetTitle('cn-mofcom-rare-earth-controls'), exact: true })).toBeVisible()
  const heading = region
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: 'Swap sides' }) })
    .first()
  const sides = heading.getByRole('cell')
  await expect(sides.nth(0)).toHaveText(/^Imposed by (the )?United States/)
  await expect(sides.nth(1)).toContainText(/^Imposed by China/)
  const leftOfPair = pair.getByRole('cell').nth(0)
  await expect(leftOfPair.getByRole('link', { name: affiliates, exact: true })).toBeVisible()
  await heading.getByRole('button', { name: 'Swap sides' }).click()
  await expect(sides.nth(0)).toHaveText(/^Imposed by China/)
  await expect(
    pair
      .getByRole('cell')
      .nth(0)
      .getByRole('link', { name: datasetTitle('cn-mofcom-rare-earth-controls'), exact: true }),
  ).toBeVisible()
  // Measures without a linked counter-measure are listed apart.
  await expect(region.getByRole('cell', { name: /^No counter-measure linked/ })).toBeVisible()
})
