// Changing the data through the UI: recording an event, creating, editing, deleting and restoring
// a measure, validation next to the field in the UI language, and one whole flow by keyboard.
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './support/fixtures.ts'
import { m } from './support/i18n.ts'
import {
  AFFILIATES,
  COUNTDOWN,
  countdownSeconds,
  countdownTolerance,
  datasetTitle,
  listedTitles,
  rowOf,
  tallWindow,
  measureCount,
} from './support/board.ts'
import { fillDate, fillTime } from './support/date-time.ts'

const affiliates = datasetTitle(AFFILIATES)

test.beforeEach(async ({ page }) => {
  await tallWindow(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Status board' })).toBeVisible()
})

/** Presses Tab until `target` has the keyboard focus (as a person tabbing through the page would). */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return
    await page.keyboard.press('Tab')
  }
  await expect(target).toBeFocused()
}

function statusRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'Status' })
}

test('recording an extension on the Affiliates rule suspends it again, with a new countdown', async ({ page }) => {
  await expect(rowOf(page, affiliates).getByRole('cell').nth(3)).toHaveText(/^In force/)
  await rowOf(page, affiliates).getByRole('link', { name: affiliates, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: affiliates })).toBeVisible()
  await expect(statusRegion(page)).toContainText('Needs review')

  await page.getByRole('button', { name: 'Record event' }).click()
  const dialog = page.getByRole('dialog', { name: 'Record event' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('combobox', { name: 'Event' }).selectOption({ label: 'Suspension extended' })
  // Decided the day before the suspension ran out ...
  const when = dialog.getByRole('group', { name: 'When' })
  await fillDate(when, '2026-11-09')
  await fillTime(when, '12:00')
  await when.getByRole('combobox', { name: 'Zone' }).selectOption('America/New_York')
  // ... to 12:01 a.m. eastern on 10 Nov of next year (2027 when written; always ahead of now).
  const year = new Date().getUTCFullYear() + 1
  await dialog.getByRole('radio', { name: 'At a date and time' }).check()
  const until = dialog.getByRole('group', { name: 'Until' })
  await fillDate(until, `${year}-11-10`)
  await fillTime(until, '00:01')
  await until.getByRole('combobox', { name: 'Zone' }).selectOption('America/New_York')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Recorded: Suspension extended')

  const status = statusRegion(page)
  await expect(status.getByRole('definition').first()).toHaveText(/^Suspended/)
  await expect(status).toContainText('Suspended until')
  await expect(status).toContainText(new RegExp(`Nov(ember)? 10, ${year}|10 Nov ${year}`))
  await expect(status).not.toContainText('Needs review')
  // 12:01 a.m. EST (10 November is always after the switch back from daylight time).
  const expectedSeconds = (Date.parse(`${year}-11-10T05:01:00Z`) - Date.now()) / 1000
  await expect(status).toContainText(COUNTDOWN)
  const statusText = await status.innerText()
  expect(Math.abs(countdownSeconds(statusText)! - expectedSeconds)).toBeLessThan(countdownTolerance(statusText))

  // The board says the same.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board' }).click()
  const row = rowOf(page, affiliates)
  await expect(row.getByRole('cell').nth(3)).toHaveText(/^Suspended/)
  await expect(row.getByRole('cell').nth(3)).not.toContainText('Needs review')
  await expect(row.getByRole('cell').nth(4)).toContainText('Suspension ends')
  await expect(row.getByRole('cell').nth(5)).toContainText(COUNTDOWN)
  const rowText = await row.getByRole('cell').nth(5).innerText()
  expect(Math.abs(countdownSeconds(rowText)! - expectedSeconds)).toBeLessThan(countdownTolerance(rowText))
})

test('a measure is created, edited, deleted (with undo) and restored', async ({ page }) => {
  await page.getByRole('button', { name: 'New measure' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'New measure' })).toBeVisible()
  await page.getByRole('textbox', { name: 'Title (English)' }).fill('E2E steel safeguard')
  await page.getByRole('combobox', { name: 'Imposed by' }).selectOption('JP')
  await page.getByRole('combobox', { name: 'Targeting' }).selectOption('KR')
  await page.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Tariff' })
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'E2E steel safeguard' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Measure created')

  await page.getByRole('link', { name: 'Edit' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Edit measure' })).toBeVisible()
  const title = page.getByRole('textbox', { name: 'Title (English)' })
  await expect(title).toHaveValue('E2E steel safeguard')
  await title.fill('E2E steel safeguard (revised)')
  await page.getByRole('textbox', { name: 'Rate', exact: true }).fill('12%')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'E2E steel safeguard (revised)' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Facts' })).toContainText('12%')
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Changes saved')

  // Delete: back to the board, the measure gone, "Undo" under the keyboard.
  await page.getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Status board' })).toBeVisible()
  const undo = page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Undo' })
  await expect(undo).toBeFocused()
  await expect(page.getByRole('status').filter({ hasText: measureCount() })).toBeVisible()
  expect(await listedTitles(page)).not.toContain('E2E steel safeguard (revised)')

  await undo.click()
  await expect(page.getByRole('heading', { level: 1, name: 'E2E steel safeguard (revised)' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Restored “E2E steel safeguard (revised)”')
  await page.getByRole('link', { name: '← All measures' }).click()
  await expect(page.getByRole('status').filter({ hasText: measureCount(1) })).toBeVisible()
  expect(await listedTitles(page)).toContain('E2E steel safeguard (revised)')

  // Delete again, then come back to its page (browser history) and restore it from there.
  await rowOf(page, 'E2E steel safeguard (revised)').getByRole('link').click()
  await page.getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByRole('status').filter({ hasText: measureCount() })).toBeVisible()
  await page.goBack()
  await expect(page.getByRole('heading', { level: 1, name: 'E2E steel safeguard (revised)' })).toBeVisible()
  await expect(page.getByRole('note').filter({ hasText: 'This measure is deleted.' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Record event' })).toBeDisabled()
  await page.getByRole('button', { name: 'Restore' }).click()
  await expect(page.getByRole('note').filter({ hasText: 'This measure is deleted.' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Record event' })).toBeEnabled()
  await page.getByRole('link', { name: '← All measures' }).click()
  await expect(page.getByRole('status').filter({ hasText: measureCount(1) })).toBeVisible()
})

test('bad input gets a message next to the field, in the UI language', async ({ page }) => {
  await page.getByRole('button', { name: 'New measure' }).click()
  await page.getByRole('button', { name: 'Save' }).click()
  const title = page.getByRole('textbox', { name: 'Title (English)' })
  await expect(title).toHaveAttribute('aria-invalid', 'true')
  await expect(title).toHaveAccessibleDescription('Required')
  await expect(title).toBeFocused()
  await expect(page.getByRole('alert')).toContainText('Some fields need attention')
  await expect(page.getByRole('combobox', { name: 'Imposed by' })).toHaveAttribute('aria-invalid', 'true')
  // Nothing was created.
  await expect(page.getByRole('heading', { level: 1, name: 'New measure' })).toBeVisible()

  // The same messages in Traditional Chinese.
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '繁體中文' })
  await expect(page.getByRole('textbox', { name: m('zh-Hant', 'editor.field.titleEn') })).toHaveAccessibleDescription(
    m('zh-Hant', 'validation.required'),
  )

  // An event lasting zero years, in Simplified Chinese.
  await page.getByRole('combobox', { name: m('zh-Hant', 'app.language') }).selectOption({ label: '简体中文' })
  await page
    .getByRole('navigation', { name: m('zh-Hans', 'app.navigation') })
    .getByRole('link', { name: m('zh-Hans', 'app.nav.board') })
    .click()
  await rowOf(page, datasetTitle(AFFILIATES, 'zh-Hans'), m('zh-Hans', 'board.listLabel')).getByRole('link').click()
  await page.getByRole('button', { name: m('zh-Hans', 'measure.recordEvent') }).click()
  const dialog = page.getByRole('dialog', { name: m('zh-Hans', 'event.title') })
  await dialog.getByRole('combobox', { name: m('zh-Hans', 'event.kind') }).selectOption('extended')
  const length = dialog.getByRole('spinbutton', { name: m('zh-Hans', 'event.duration.value') })
  await length.fill('0')
  await dialog.getByRole('button', { name: m('zh-Hans', 'common.save') }).click()
  await expect(length).toHaveAttribute('aria-invalid', 'true')
  await expect(length).toHaveAccessibleDescription(m('zh-Hans', 'validation.positiveWhole'))
  await expect(length).toBeFocused()
  await expect(dialog).toBeVisible()
})

test('keyboard only: create a measure, open and escape the event dialog, delete and undo', async ({ page }) => {
  await tabTo(page, page.getByRole('button', { name: 'New measure' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'New measure' })).toBeVisible()

  await tabTo(page, page.getByRole('textbox', { name: 'Title (English)' }))
  await page.keyboard.type('Keyboard-made measure')
  await tabTo(page, page.getByRole('combobox', { name: 'Imposed by' }))
  await page.keyboard.type('United States')
  await expect(page.getByRole('combobox', { name: 'Imposed by' })).toHaveValue('US')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('combobox', { name: 'Targeting' })).toBeFocused()
  await page.keyboard.type('China')
  await expect(page.getByRole('combobox', { name: 'Targeting' })).toHaveValue('CN')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('combobox', { name: 'Category' })).toBeFocused()
  await page.keyboard.type('Sanction')
  await expect(page.getByRole('combobox', { name: 'Category' })).toHaveValue('sanction')
  // Enter in a text field submits the form.
  await tabTo(page, page.getByRole('textbox', { name: 'Authority', exact: true }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Keyboard-made measure' })).toBeVisible()

  // The dialog takes focus, Escape closes it and gives focus back.
  const record = page.getByRole('button', { name: 'Record event' })
  await tabTo(page, record)
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Record event' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('combobox', { name: 'Event' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(record).toBeFocused()

  // Delete, then Undo from the keyboard (the toast's Undo takes focus).
  await tabTo(page, page.getByRole('button', { name: 'Delete' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Status board' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused()
  await expect(page.getByRole('status').filter({ hasText: measureCount() })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Keyboard-made measure' })).toBeVisible()
})
