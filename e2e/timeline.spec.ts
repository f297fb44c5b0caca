// The timeline (issue 15): every embedded measure has a lane, with the now line and the lapsed
// deadlines marked; + − ← → Home zoom and pan; a lane opens its measure; the rate chart's tooltip
// lists the stack's components; the tables say what the pictures show; the report prints both
// charts; axe finds nothing serious in either theme.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './support/fixtures.ts'
import { AFFILIATES, DATASET, datasetTitle, tallWindow } from './support/board.ts'
import { audit, type Finding } from './support/axe.ts'
import { pdfText, squash } from './support/pdf.ts'
import { openStore } from '../src/core/open.ts'
import { loadReport } from '../src/core/service/report.ts'
import { renderHtml } from '../src/core/report/html.ts'
import { playwrightPdfOptions } from '../src/core/report/print.ts'
import { reportOptionsSchema } from '../src/shared/api-inputs.ts'

const RECIPROCAL = 'us-ieepa-reciprocal-tariff'
const FENTANYL = 'us-ieepa-fentanyl-tariff'

async function openTimeline(page: Page): Promise<void> {
  await tallWindow(page)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Timeline' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: `${DATASET.measures.length} measures` })).toBeVisible()
}

const chart = (page: Page): Locator => page.getByRole('group', { name: 'Timeline chart; the table view lists the same' })
const rateChart = (page: Page): Locator => page.getByRole('group', { name: 'Rate chart; the table view lists the same values' })
const axisLabels = (page: Page) => chart(page).locator('svg > g > text.chart-muted').allTextContents()

/** Every lane the chart draws while its list is scrolled from top to bottom (only the visible ones exist). */
async function lanesWhileScrolling(page: Page): Promise<Set<string>> {
  const seen = new Set<string>()
  const scroller = chart(page)
  for (let step = 0; step < 40; step++) {
    for (const id of await scroller.locator('[data-open]').evaluateAll((els) => els.map((e) => e.getAttribute('data-open')!))) seen.add(id)
    const done = await scroller.evaluate((el) => {
      const before = el.scrollTop
      el.scrollTop += el.clientHeight / 2
      el.dispatchEvent(new Event('scroll'))
      return el.scrollTop === before
    })
    if (done) break
    await page.waitForTimeout(50)
  }
  return seen
}

test('every embedded measure has a lane; the now line and the lapsed deadlines are drawn', async ({ page }) => {
  await openTimeline(page)
  const lanes = await lanesWhileScrolling(page)
  expect([...lanes].sort()).toEqual(DATASET.measures.map((m) => m.id).sort())
  // Lanes exist only near the visible window (virtualised): never all 26 at once in a short box.
  await expect(chart(page).locator('.now-line')).toHaveCount(1)
  await expect(chart(page).locator('.timeline-chart text', { hasText: /^Now$/ })).toHaveCount(1)
  // After 10 Nov 2026 the truce's suspension ends passed with nothing recorded.
  await chart(page).evaluate((el) => {
    el.scrollTop = 0
    el.dispatchEvent(new Event('scroll'))
  })
  const lapsed = chart(page).locator('[data-lapsed]')
  expect(await lapsed.count()).toBeGreaterThan(0)
  await expect(chart(page).locator(`[data-lapsed][data-lane="${AFFILIATES}"]`)).toHaveAttribute(
    'aria-label',
    `${datasetTitle(AFFILIATES)} — needs review: Suspension ends Nov 10, 2026, 00:01 EST, outcome not recorded`,
  )
})

test('zooms with + and −, pans with ← and →, fits all with Home; a lane opens its measure by keyboard and by click', async ({ page }) => {
  await openTimeline(page)
  await chart(page).focus()
  const years = await axisLabels(page)
  expect(years.every((label) => /^\d{4}$/.test(label))).toBe(true)
  for (let i = 0; i < 4; i++) await page.keyboard.press('+')
  const zoomed = await axisLabels(page)
  expect(zoomed.some((label) => /^[A-Z][a-z]{2} \d{4}$|^[A-Z][a-z]{2} \d{1,2}$/.test(label))).toBe(true)
  await page.keyboard.press('ArrowRight')
  const panned = await axisLabels(page)
  expect(panned).not.toEqual(zoomed)
  await page.keyboard.press('ArrowLeft')
  expect(await axisLabels(page)).toEqual(zoomed)
  await page.keyboard.press('-')
  await page.keyboard.press('Home')
  expect(await axisLabels(page)).toEqual(years)

  // Enter on a lane's title opens the measure.
  const title = datasetTitle(FENTANYL)
  await chart(page).locator(`[data-open="${FENTANYL}"]`).focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/measure/${FENTANYL}$`))
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  // And back from the measure page to its lane.
  await page.getByRole('link', { name: 'Show on the timeline' }).click()
  await expect(chart(page).locator(`[data-open="${FENTANYL}"]`)).toBeFocused()
  await chart(page).locator(`[data-open="${RECIPROCAL}"]`).click()
  await expect(page).toHaveURL(new RegExp(`/measure/${RECIPROCAL}$`))
})

test('the rate chart’s tooltip lists the stack’s components at 00:01 EST on 10 Nov 2025 (still so at 05:02 UTC), as the table does', async ({
  page,
}) => {
  await openTimeline(page)
  await rateChart(page).focus()
  const tooltip = page.getByRole('tooltip')
  // → steps through the instants the US → China stack changes; the change at 10 Nov 2025 00:01 EST
  // (fentanyl 20 → 10%) holds until the next one in 2026, so 05:02 UTC reads the same.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('ArrowRight')
    if ((await tooltip.locator('strong').textContent()) === 'Nov 10, 2025, 00:01 EST') break
  }
  await expect(tooltip.locator('strong')).toHaveText('Nov 10, 2025, 00:01 EST')
  await expect(tooltip.getByRole('listitem')).toHaveText([`${datasetTitle(FENTANYL)}: 10%`, `${datasetTitle(RECIPROCAL)}: 10%`])
  await expect(tooltip.locator('.rate-total')).toHaveText('Total: 20%')

  await page.getByRole('radio', { name: 'Table' }).check()
  const row = page
    .getByRole('table', { name: /Additional ad valorem rate in effect, United States → China/ })
    .getByRole('row', { name: /Nov 10, 2025, 00:01 EST/ })
  await expect(row.getByRole('cell').nth(1)).toHaveText('20%')
  await expect(row.getByRole('listitem')).toHaveText([`${datasetTitle(FENTANYL)}: 10%`, `${datasetTitle(RECIPROCAL)}: 10%`])
})

test('the table lists what each lane shows, in order', async ({ page }) => {
  await openTimeline(page)
  // The chart's markers of the affiliates rule, in drawing order (time order), as kinds.
  const kindsOf = (labels: string[]) => labels.map((label) => /— (?:needs review: )?([^:]+?)(?::| Nov)/.exec(label)?.[1])
  await chart(page).locator(`[data-open="${AFFILIATES}"]`).scrollIntoViewIfNeeded()
  const drawn = await chart(page)
    .locator(`[data-lane="${AFFILIATES}"][data-marker], [data-lane="${AFFILIATES}"][data-lapsed]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')!))
  await page.getByRole('radio', { name: 'Table' }).check()
  const table = page.getByRole('table', { name: 'What happens in each lane, in order' })
  await expect(table.locator('tbody')).toHaveCount(DATASET.measures.length)
  const lane = table.locator(`tbody[data-lane-table="${AFFILIATES}"]`)
  const listed = await lane.locator('tr:not(:first-child) td:nth-child(3)').allTextContents()
  expect(listed.map((text) => text.trim().replace(/ → .*| — .*/, ''))).toEqual(kindsOf(drawn))
  await expect(lane.locator('tr.lapsed')).toContainText('needs review — outcome not recorded')
  await expect(lane.getByRole('cell', { name: 'Nov 10, 2026, 00:01 EST' }).first()).toBeVisible()
})

test('the report with charts prints the timeline and the rate chart with their labels', async ({ page, app }, testInfo) => {
  test.skip(testInfo.project.name !== 'web', 'prints in the test’s own Chromium page')
  const store = await openStore({ path: app.dbPath, actor: 'e2e', seed: false })
  let html: string
  try {
    const options = reportOptionsSchema.parse({ at: '2026-12-01T00:00:00-05:00[America/New_York]', charts: true })
    html = renderHtml(loadReport(store.core.context, options))
  } finally {
    store.close()
  }
  await page.setContent(html)
  mkdirSync(testInfo.outputDir, { recursive: true })
  const file = join(testInfo.outputDir, 'report-charts.pdf')
  writeFileSync(file, await page.pdf(playwrightPdfOptions({ paper: 'A4', orientation: 'landscape' })))
  const text = squash(pdfText(file))
  for (const label of [
    'Timeline of measures',
    'Additional ad valorem rate in effect, United States → China',
    'Additional ad valorem rate in effect, China → United States',
    'not a trade-weighted average',
    'Partly suspended',
    'Passed, outcome not recorded',
    'Now',
    'As of',
    datasetTitle(FENTANYL),
  ])
    expect(text).toContain(squash(label))
})

test('the charts save as SVG and PNG, and the rate series exports as CSV with the stack at 00:01 EST on 10 Nov 2025', async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'web', 'browser downloads; the desktop app saves SVG and CSV through its save dialog')
  await openTimeline(page)
  const saved = async (scope: Locator, name: string) => {
    const download = page.waitForEvent('download')
    await scope.getByRole('button', { name }).click()
    const file = await download
    return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) }
  }
  const timelineSvg = await saved(page.getByRole('toolbar', { name: 'Timeline controls' }), 'Save as SVG')
  expect(timelineSvg.name).toMatch(/^measure-timeline-\d{4}-\d{2}-\d{2}\.svg$/)
  const svgText = timelineSvg.bytes.toString('utf8')
  expect(svgText).toMatch(/^(<\?xml[^>]*>\s*)?<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
  expect(svgText).toContain('<style>')
  expect(svgText).toContain(datasetTitle(FENTANYL))

  const rates = page.getByRole('region', { name: 'Stacked additional rate over time' })
  const png = await saved(rates, 'Save as PNG')
  expect(png.name).toMatch(/^measure-rates-.*\.png$/)
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  const drawn = await rateChart(page)
    .locator('svg')
    .first()
    .evaluate((svg) => Number(svg.getAttribute('width')))
  // IHDR: the width is the big-endian word at byte 16; the PNG is drawn at twice the chart's size.
  expect(png.bytes.readUInt32BE(16)).toBe(drawn * 2)

  const csv = await saved(rates, 'Export CSV')
  expect(csv.name).toMatch(/^rates-US-CN-.*\.csv$/)
  const lines = csv.bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n')
  const header = lines[0]!.split(',')
  expect(header.slice(0, 2)).toEqual(['from (UTC)', 'total (%)'])
  const row = lines.find((line) => line.startsWith('2025-11-10T05:01:00.000Z,'))!.split(',')
  expect(row[1]).toBe('20')
  expect(row[header.indexOf(FENTANYL)]).toBe('10')
  expect(row[header.indexOf(RECIPROCAL)]).toBe('10')
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious on the timeline and its tables, ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme })
    await openTimeline(page)
    const findings: Finding[] = []
    await audit(page, 'timeline chart', findings)
    await page.getByRole('radio', { name: 'Table' }).check()
    await audit(page, 'timeline tables', findings)
    expect(findings).toEqual([])
  })
}
