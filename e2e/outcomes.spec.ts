// Recording what happened at a lapsed deadline (issue 11): one dialog, opened from the board row,
// the measure page's review box and Needs review, records extended / back in force / terminated /
// replaced / confirmed with a source. Today (the real clock) the dataset's suspensions of 10 Nov
// 2026 have lapsed unrecorded; after a recording the row and the page no longer ask for review,
// an extension counts down to its new end, and the end it moved shows struck through.
import type { Locator, Page } from '@playwright/test'
import { countdownAt, countdownText } from '../src/shared/countdown.ts'
import { translator } from '../src/shared/i18n/translate.ts'
import { test, expect } from './support/fixtures.ts'
import { audit, type Finding } from './support/axe.ts'
import { AFFILIATES, datasetTitle, rowOf, tallWindow } from './support/board.ts'
import { goToBoard, openMeasureFromBoard, toasts } from './support/measure-page.ts'
import { expectDate, expectTime, fillDate } from './support/date-time.ts'

const affiliates = datasetTitle(AFFILIATES)
const ships = datasetTitle('us-ustr-301-ships')
const portFees = datasetTitle('cn-mot-special-port-fees')
const counterTariff = datasetTitle('cn-counter-tariff-24')
const hanwha = datasetTitle('cn-mofcom-hanwha-countermeasures')
const rareEarths = datasetTitle('cn-mofcom-rare-earth-controls')
const NEW_END_MS = Date.parse('2027-11-10T05:01:00Z') // 12:01 a.m. EST, 10 Nov 2027
const SOURCE_URL = 'https://www.federalregister.gov/d/2026-24680'

test.beforeEach(async ({ page }) => {
  await tallWindow(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Status board' })).toBeVisible()
})

function dialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Record what happened' })
}

async function openFromRow(page: Page, title: string): Promise<Locator> {
  const button = rowOf(page, title).getByRole('button', { name: `Record outcome for ${title}` })
  await button.click()
  await expect(dialog(page)).toBeVisible()
  return dialog(page)
}

async function cite(d: Locator, url: string, citation: string, confidence: string): Promise<void> {
  const source = d.getByRole('group', { name: 'Source' })
  await source.getByRole('textbox', { name: 'Web address' }).fill(url)
  await source.getByRole('textbox', { name: 'Citation (title)' }).fill(citation)
  await source.getByRole('combobox', { name: 'Confidence' }).selectOption({ label: confidence })
}

/** The countdown text the page must show for `atMs` (the app's own shared formatter, to the minute). */
function expectedCountdowns(atMs: number, zone: string): string[] {
  const t = translator('en')
  const now = Date.now()
  // Either side of a boundary the test may straddle; months counted on the legal or the UTC calendar.
  return [now, now + 60_000].flatMap((ms) => [zone, 'UTC'].map((z) => countdownText(countdownAt(ms, atMs, z, 'minute'), t)))
}

async function expectNoReview(page: Page, title: string): Promise<void> {
  const row = rowOf(page, title)
  await expect(row).toHaveCount(1)
  await expect(row).not.toContainText('Needs review')
  await expect(row.getByRole('button', { name: /^Record outcome/ })).toHaveCount(0)
}

test('from the board row: extended until a date with a source — suspended since 2025, counting down to the new end, the old end superseded', async ({
  page,
}) => {
  // Two sources disagree on when the suspension ends (00:00 or 00:01 on 10 Nov 2026)…
  await expect(rowOf(page, ships)).toContainText('Sources disagree')
  const d = await openFromRow(page, ships)
  await expect(d).toContainText(ships)
  await expect(d.getByRole('radio', { name: 'Extended' })).toBeChecked()
  // Dated at the lapsed deadline, on its legal clock.
  const dated = d.getByRole('group', { name: 'Took effect' })
  await expectDate(dated, '2026-11-10')
  await expectTime(dated, '00:01')
  await expect(dated.getByRole('combobox', { name: 'Zone' })).toHaveValue('America/New_York')
  const until = d.getByRole('group', { name: 'Extended until' })
  await expectTime(until, '00:01')
  await fillDate(until, '2027-11-10')
  await cite(d, SOURCE_URL, 'Continuation of the suspension of the port fees', 'Official text')
  await d.getByRole('textbox', { name: 'Note (optional)' }).fill('Suspended for another year.')
  await d.getByRole('button', { name: 'Save outcome' }).click()
  await expect(d).toHaveCount(0)
  await expect(toasts(page)).toContainText(`“${ships}”: Extended recorded`)

  await expectNoReview(page, ships)
  await expect(rowOf(page, ships)).toContainText(/^.*Suspended/)
  await expect(rowOf(page, ships)).toContainText(/Nov 10, 2027/)
  // …which no longer matters once an extension moved that end.
  await expect(rowOf(page, ships)).not.toContainText('Sources disagree')

  await openMeasureFromBoard(page, ships)
  const status = page.getByRole('region', { name: 'Status' })
  await expect(status).toContainText(/Suspended.*since\s*Nov 10, 2025/)
  await expect(status).toContainText(/Suspension ends · Nov 10, 2027/)
  const countdown = status.locator('.countdown .numeric')
  expect(expectedCountdowns(NEW_END_MS, 'America/New_York')).toContain((await countdown.innerText()).trim())
  await expect(page.getByRole('note').filter({ hasText: 'Needs review' })).toHaveCount(0)
  await expect(page.getByText('Sources disagree')).toHaveCount(0)

  const timeline = page.getByRole('region', { name: 'Timeline' })
  const superseded = timeline.getByRole('listitem').filter({ hasText: 'Superseded suspension end' })
  await expect(superseded).toHaveCount(1)
  await expect(superseded).toContainText('moved to Nov 10, 2027 by the extension of Nov 10, 2026')
  await expect(superseded.locator('del').first()).toHaveCSS('text-decoration-line', 'line-through')
  const sources = page.getByRole('region', { name: 'Sources', exact: true })
  await expect(sources).toContainText('Continuation of the suspension of the port fees')
  await expect(sources).toContainText('Official text')
})

test('from the board row: back in force, terminated, replaced (found by title) and confirmed each clear the review state', async ({
  page,
}) => {
  // Back in force at the deadline, citing a reputable secondary source.
  let d = await openFromRow(page, affiliates)
  await d.getByRole('radio', { name: 'Back in force (reinstated)' }).check()
  await cite(d, 'https://www.reuters.com/world/affiliates-rule-resumes', 'US port fees on Chinese affiliates resume', 'Reputable secondary')
  await d.getByRole('button', { name: 'Save outcome' }).click()
  await expect(toasts(page)).toContainText(`“${affiliates}”: Back in force (reinstated) recorded`)
  await expectNoReview(page, affiliates)
  await expect(rowOf(page, affiliates)).toContainText('In force')

  // Terminated.
  d = await openFromRow(page, portFees)
  await d.getByRole('radio', { name: 'Terminated' }).check()
  await cite(d, 'https://www.mot.gov.cn/notice', 'MOT notice ending the special port fees', 'Official text')
  await d.getByRole('button', { name: 'Save outcome' }).click()
  await expectNoReview(page, portFees)
  await expect(rowOf(page, portFees)).toContainText('Terminated')

  // Replaced by another measure, found by part of its title; the link shows on both measures.
  d = await openFromRow(page, hanwha)
  await d.getByRole('radio', { name: 'Replaced by another measure' }).check()
  await d.getByRole('button', { name: 'Save outcome' }).click()
  await expect(d.getByText('Choose the measure that replaced it')).toBeVisible()
  await d.getByRole('searchbox', { name: 'Find the measure by title' }).fill('rare earths')
  await d
    .getByRole('radiogroup', { name: 'Matching measures' })
    .getByRole('radio', { name: new RegExp(rareEarths.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
    .check()
  await d.getByRole('combobox', { name: 'Link as' }).selectOption({ label: 'Related measure' })
  await cite(d, 'https://www.mofcom.gov.cn/replacement', 'MOFCOM announcement', 'Unverified')
  await d.getByRole('button', { name: 'Save outcome' }).click()
  await expect(d).toHaveCount(0)
  await expectNoReview(page, hanwha)
  await expect(rowOf(page, hanwha)).toContainText('Terminated')

  // Confirmed: nothing changed — the assumed status stands, no longer flagged.
  d = await openFromRow(page, counterTariff)
  await d.getByRole('radio', { name: 'Confirmed: nothing changed' }).check()
  await expect(d.getByRole('group', { name: 'Took effect' })).toHaveCount(0)
  await d.getByRole('button', { name: 'Save outcome' }).click()
  await expectNoReview(page, counterTariff)
  await expect(rowOf(page, counterTariff)).toContainText('In force')

  await openMeasureFromBoard(page, hanwha)
  await expect(page.getByRole('region', { name: 'Linked measures' })).toContainText(rareEarths)
  await expect(page.getByRole('region', { name: 'Sources', exact: true })).toContainText('MOFCOM announcement')
})

test('from the measure page review box: extended for one year with a source; the review box goes and the countdown starts at the new end', async ({
  page,
}) => {
  await openMeasureFromBoard(page, affiliates)
  const status = page.getByRole('region', { name: 'Status' })
  const open = status.getByRole('button', { name: 'Record outcome…' })
  await open.click()
  const d = dialog(page)
  await d.getByRole('radio', { name: 'After a duration' }).check()
  await expect(d.getByRole('spinbutton', { name: 'Length' })).toHaveValue('1')
  await expect(d.getByRole('combobox', { name: 'Unit' })).toHaveValue('years')
  await cite(d, SOURCE_URL, '', 'Official text')
  await d.getByRole('button', { name: 'Save outcome' }).click()
  await expect(d).toHaveCount(0)
  await expect(status.getByRole('button', { name: 'Record outcome…' })).toHaveCount(0)
  await expect(status).toContainText(/Suspended.*since\s*Nov 10, 2025/)
  await expect(status).toContainText(/Suspension ends · Nov 10, 2027/)
  expect(expectedCountdowns(NEW_END_MS, 'America/New_York')).toContain((await status.locator('.countdown .numeric').innerText()).trim())
  // The citation left empty: the source is named by its site.
  await expect(page.getByRole('region', { name: 'Sources', exact: true })).toContainText('www.federalregister.gov')
  // Focus does not fall to the page's body.
  await expect.poll(() => page.evaluate(() => document.activeElement !== document.body)).toBe(true)

  await goToBoard(page)
  await expectNoReview(page, affiliates)
})

test('from Needs review; a bad source changes nothing; the dialog is keyboard-operable and its Save stays in view on a small window', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 560 })
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Needs review' }).click()
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: affiliates, exact: true }) })
  const open = item.getByRole('button', { name: `Record outcome for ${affiliates}` })
  await open.focus()
  await page.keyboard.press('Enter')
  const d = dialog(page)
  await expect(d).toBeVisible()
  // Focus starts inside, on the first choice; Escape closes and gives focus back.
  await expect(d.getByRole('radio', { name: 'Extended' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(d).toHaveCount(0)
  await expect(open).toBeFocused()

  await open.click()
  // Tab wraps inside the dialog (Shift+Tab from the first control lands on the last).
  await page.keyboard.press('Shift+Tab')
  expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true)
  // The longest form (an extension until a date, a source) is taller than the window: Save is in view.
  const save = d.getByRole('button', { name: 'Save outcome' })
  await expect(save).toBeInViewport()
  await fillDate(d.getByRole('group', { name: 'Extended until' }), '2027-11-10')
  await d.getByRole('group', { name: 'Source' }).getByRole('textbox', { name: 'Web address' }).fill('ftp://example.org/notice')
  await d.getByRole('textbox', { name: 'Note (optional)' }).focus()
  await expect(save).toBeInViewport()
  await save.click()
  await expect(d.getByText('Enter a web address starting with http:// or https://')).toBeVisible()
  await expect(d.getByRole('textbox', { name: 'Web address' })).toBeFocused()
  // Nothing was recorded: the entry is still there once the dialog is closed.
  await page.keyboard.press('Escape')
  await expect(item).toBeVisible()
  await expect(item).toContainText('Needs review')

  // Recorded from here with a valid source, the entry leaves the list.
  await open.click()
  await fillDate(d.getByRole('group', { name: 'Extended until' }), '2027-11-10')
  await d.getByRole('group', { name: 'Source' }).getByRole('textbox', { name: 'Web address' }).fill(SOURCE_URL)
  await d.getByRole('button', { name: 'Save outcome' }).click()
  await expect(toasts(page)).toContainText(`“${affiliates}”: Extended recorded`)
  await expect(item).toHaveCount(0)
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the outcome dialog has no serious axe violations, ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme })
    const findings: Finding[] = []
    const d = await openFromRow(page, affiliates)
    await audit(page, 'outcome dialog (extended)', findings)
    await d.getByRole('radio', { name: 'Replaced by another measure' }).check()
    await d.getByRole('searchbox', { name: 'Find the measure by title' }).fill('tariff')
    await d.getByRole('button', { name: 'Save outcome' }).click()
    await audit(page, 'outcome dialog (replaced, with an error)', findings)
    await page.keyboard.press('Escape')
    await openMeasureFromBoard(page, counterTariff)
    await audit(page, 'measure page timeline with superseded ends', findings)
    expect(findings, `serious or critical axe violations (${colorScheme}):\n${JSON.stringify(findings, null, 2)}`).toEqual([])
  })
}
