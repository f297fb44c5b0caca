// Issue 10 end to end, on the browser host over the embedded dataset (v2): a partly suspended
// measure reads "Partly suspended — 10% in effect (34%, 24 points suspended)" on the board and its
// page in three languages; the 2027 chip-tariff rate step is a deadline; commitment progress is
// recorded and removed; axe finds nothing serious on those screens.
//
// The dataset records the US reciprocal tariff as ended on 24 Feb 2026 (IEEPA tariffs struck
// down, collection stopped), so on 2026-06-01 only China's counter-tariff is still partly
// suspended; the US side is checked on 2026-01-15, while its suspension still ran.
import type { Page } from '@playwright/test'
import { test, expect } from './support/fixtures.ts'
import { datasetTitle, rowOf, showAsOf, tallWindow } from './support/board.ts'
import { audit, type Finding } from './support/axe.ts'
import { m, type UiLocale } from './support/i18n.ts'
import { fillDate, fillTime } from './support/date-time.ts'

const COUNTER = 'cn-counter-tariff-24'
const RECIPROCAL = 'us-ieepa-reciprocal-tariff'
const CHIPS = 'us-ustr-301-semiconductors'
const SOYBEANS = 'cn-soybean-commitment-2026'
const LANGUAGES = { en: 'English', 'zh-Hant': '繁體中文', 'zh-Hans': '简体中文' } as const

/** "Partly suspended — 10% in effect (34%, 24 points suspended)" in `locale`, from the catalogues. */
function partlySuspended(locale: UiLocale): string {
  const inEffect = m(locale, 'rate.inEffect', { inEffect: '10%', full: '34%', suspended: m(locale, 'rate.points.other', { count: 24 }) })
  return `${m(locale, 'status.partly_suspended')} — ${inEffect}`
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

async function statusOfRow(page: Page, title: string): Promise<string> {
  const row = rowOf(page, title, m(await uiLocale(page), 'board.listLabel'))
  // The status as the Status column reads it (the cell may also hold review flags and actions).
  return squash(await row.getByRole('cell').nth(3).locator('.status-with-rate').innerText())
}

async function uiLocale(page: Page): Promise<UiLocale> {
  return (await page.evaluate(() => document.documentElement.lang)) as UiLocale
}

async function chooseLanguage(page: Page, locale: UiLocale): Promise<void> {
  const current = await uiLocale(page)
  await page.getByRole('combobox', { name: m(current, 'app.language') }).selectOption({ label: LANGUAGES[locale] })
  await expect(page.locator('html')).toHaveAttribute('lang', locale)
}

test.beforeEach(async ({ page }) => {
  await tallWindow(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Status board' })).toBeVisible()
})

test('on 2026-06-01 China’s counter-tariff reads partly suspended with 10% in effect, on the board and its page, in three languages', async ({
  page,
}) => {
  await showAsOf(page, '2026-06-01', '12:00', 'UTC')
  for (const locale of ['en', 'zh-Hant', 'zh-Hans'] as const) {
    await chooseLanguage(page, locale)
    const title = datasetTitle(COUNTER, locale)
    await expect.poll(() => statusOfRow(page, title)).toBe(partlySuspended(locale))
    await rowOf(page, title, m(locale, 'board.listLabel')).getByRole('link', { name: title, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
    const status = page.getByRole('region', { name: m(locale, 'measure.status.title') })
    await expect(status).toContainText(partlySuspended(locale))
    await expect(page.locator('.measure-head')).toContainText(partlySuspended(locale))
    // The timeline names the part the suspension covers.
    await expect(page.getByRole('region', { name: m(locale, 'measure.timeline.title') })).toContainText(
      m(locale, 'measure.timeline.partRate', { amount: m(locale, 'rate.points.other', { count: 24 }) }),
    )
    await page.goBack()
    await expect(page.getByRole('heading', { level: 1, name: m(locale, 'board.title') })).toBeVisible()
  }
})

test('on 2026-01-15 the US reciprocal tariff reads partly suspended with 10% in effect, in three languages', async ({ page }) => {
  await showAsOf(page, '2026-01-15', '12:00', 'UTC')
  for (const locale of ['en', 'zh-Hant', 'zh-Hans'] as const) {
    await chooseLanguage(page, locale)
    const title = datasetTitle(RECIPROCAL, locale)
    await expect.poll(() => statusOfRow(page, title)).toBe(partlySuspended(locale))
    await rowOf(page, title, m(locale, 'board.listLabel')).getByRole('link', { name: title, exact: true }).click()
    await expect(page.getByRole('region', { name: m(locale, 'measure.status.title') })).toContainText(partlySuspended(locale))
    await page.goBack()
  }
})

test('the 2027 chip-tariff rate step is the next deadline on the board, and on the measure page’s timeline', async ({ page }) => {
  await showAsOf(page, '2026-06-01', '12:00', 'UTC')
  const title = datasetTitle(CHIPS)
  const row = rowOf(page, title)
  await expect(row.getByRole('cell').nth(4)).toContainText('Rate step')
  await expect(row.getByRole('cell').nth(4)).toContainText('Jun 23, 2027')
  // A countdown stands beside it (its precision follows the horizon: months and days this far out).
  await expect(row.getByRole('cell').nth(5)).toHaveText(/\d/)
  await row.getByRole('link', { name: title, exact: true }).click()
  const timeline = page.getByRole('region', { name: 'Timeline' })
  const step = timeline.getByRole('listitem').filter({ hasText: 'Rate step' })
  await expect(step).toContainText('Upcoming')
  await expect(step).toContainText('New rate: to be announced')
  await expect(step).toContainText('If a suspension runs then:')
})

test('the chip-tariff step is listed in Upcoming within 365 days of 2026-12-01', async ({ page }) => {
  await showAsOf(page, '2026-12-01', '12:00', 'UTC')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Upcoming' }).click()
  await page.getByRole('combobox', { name: 'Within' }).selectOption({ label: '365 days' })
  const table = page.getByRole('table', { name: 'Upcoming deadlines' })
  const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: datasetTitle(CHIPS), exact: true }) })
  await expect(row.getByRole('cell').nth(2)).toHaveText('Rate step')
})

test('an end entered as a date only shows its exact instant before saving, and the rule stays in the event’s note', async ({ page }) => {
  const title = datasetTitle(COUNTER)
  await rowOf(page, title).getByRole('link', { name: title, exact: true }).click()
  await page.getByRole('button', { name: 'Record event' }).click()
  const dialog = page.getByRole('dialog', { name: 'Record event' })
  await dialog.getByRole('combobox', { name: 'Event' }).selectOption('extended')
  await dialog.getByRole('radio', { name: 'Through a date, inclusive (date only)' }).check()
  await fillDate(dialog, '2027-11-10', 'Last day included')
  // 「至2027年11月10日」 includes the 10th: the end is the start of the 11th on the Beijing clock.
  await expect(dialog.locator('#event-until-day-result')).toHaveText('Ends at Nov 11, 2027, 00:00 GMT+8 (China Standard Time)')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  const timeline = page.getByRole('region', { name: 'Timeline' })
  await expect(timeline).toContainText(
    'End written as a date only: through Nov 10, 2027 (inclusive) — ends at 00:00 of Nov 11, 2027, Asia/Shanghai.',
  )
  // The status now runs to that instant (shown in the reader's zone, New York: 11:00 the day before).
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('Nov 10, 2027')
})

test('records commitment progress, sees the outcome change, and removes the figure after confirming', async ({ page }) => {
  const title = datasetTitle(SOYBEANS)
  await rowOf(page, title).getByRole('link', { name: title, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  const commitment = page.getByRole('region', { name: 'Commitment' })
  await expect(commitment).toContainText('Target')
  await expect(commitment).toContainText('25 million tonnes')

  // A figure at the target: the commitment is met.
  const form = page.getByRole('form', { name: 'Record progress' })
  await form.getByRole('spinbutton', { name: 'Figure (million tonnes, cumulative)' }).fill('26')
  const asOf = form.getByRole('group', { name: 'As of' })
  await fillDate(asOf, '2026-11-30')
  await fillTime(asOf, '00:00')
  await asOf.getByRole('combobox', { name: 'Zone' }).selectOption('Asia/Shanghai')
  await form.getByRole('group', { name: 'Sources cited' }).getByRole('checkbox').first().check()
  await form.getByRole('textbox', { name: 'Note' }).fill('e2e figure')
  await form.getByRole('button', { name: 'Record progress' }).press('Enter')
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Progress recorded')
  const entry = commitment.getByRole('listitem').filter({ hasText: 'e2e figure' })
  await expect(entry).toContainText('26 million tonnes')
  const outcome = commitment.getByRole('definition').nth(3)
  await expect(outcome).toHaveText(/Met$/)

  // Remove: asked first, from the keyboard.
  await entry.getByRole('button', { name: /^Remove the figure 26 million tonnes as of/ }).press('Enter')
  const confirm = entry.getByRole('button', { name: 'Remove figure' })
  await expect(confirm).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(commitment.getByRole('listitem').filter({ hasText: 'e2e figure' })).toHaveCount(0)
  await expect(outcome).toHaveText(/Pending$/)
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe: the changed screens have no serious violations (${colorScheme})`, async ({ page }) => {
    test.slow()
    await page.emulateMedia({ colorScheme })
    const findings: Finding[] = []
    await showAsOf(page, '2026-06-01', '12:00', 'UTC')
    await expect.poll(() => statusOfRow(page, datasetTitle(COUNTER))).toBe(partlySuspended('en'))
    await audit(page, 'board with a partly suspended measure', findings)

    await rowOf(page, datasetTitle(COUNTER))
      .getByRole('link', { name: datasetTitle(COUNTER), exact: true })
      .click()
    await expect(page.getByRole('region', { name: 'Status' })).toContainText(partlySuspended('en'))
    await audit(page, 'partly suspended measure page', findings)

    await page.getByRole('button', { name: 'Record event' }).click()
    const dialog = page.getByRole('dialog', { name: 'Record event' })
    await dialog.getByRole('combobox', { name: 'Event' }).selectOption('suspended')
    await dialog.getByRole('radio', { name: 'Part of it' }).check()
    await dialog.getByRole('radio', { name: 'Through a date, inclusive (date only)' }).check()
    await fillDate(dialog, '2026-11-10', 'Last day included')
    await expect(dialog).toContainText('Ends at Nov 11, 2026')
    await audit(page, 'record event: partial suspension, date-only end', findings)
    await dialog.getByRole('combobox', { name: 'Event' }).selectOption('rate_step')
    await audit(page, 'record event: rate step', findings)
    await dialog.getByRole('button', { name: 'Cancel' }).click()

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board' }).click()
    const soybeans = datasetTitle(SOYBEANS)
    await rowOf(page, soybeans).getByRole('link', { name: soybeans, exact: true }).click()
    await expect(page.getByRole('region', { name: 'Commitment' })).toBeVisible()
    await page.getByRole('form', { name: 'Record progress' }).getByRole('button', { name: 'Record progress' }).click()
    await expect(page.getByRole('form', { name: 'Record progress' }).getByText('Required')).toBeVisible()
    await audit(page, 'commitment with a validation message', findings)

    expect(findings).toEqual([])
  })
}
