// The language switch: English → 繁體中文 → 简体中文 changes the page's words and <html lang>, and
// the choice is still there after a reload.
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './support/fixtures.ts'
import { AFFILIATES, datasetTitle, openAsOf, rowOf, tallWindow } from './support/board.ts'
import { m, type UiLocale } from './support/i18n.ts'

async function expectBoardIn(page: Page, locale: UiLocale): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', locale)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(m(locale, 'board.title'))
  await expect(page.getByRole('button', { name: m(locale, 'app.newMeasure') })).toBeVisible()
  await expect(page.getByRole('searchbox', { name: m(locale, 'board.search') })).toBeVisible()
  await expect(page.getByRole('combobox', { name: m(locale, 'board.group.label'), exact: true })).toBeVisible()
  // The facets sit in the Filters panel, opened by a button named in the same language.
  const filters = page.getByRole('button', { name: new RegExp(`^${m(locale, 'board.filter.button')}`) })
  if ((await filters.getAttribute('aria-expanded')) !== 'true') await filters.click()
  for (const key of ['board.filter.imposer', 'board.filter.target', 'board.filter.category', 'board.filter.status']) {
    await expect(page.getByRole('combobox', { name: m(locale, key), exact: true })).toBeVisible()
  }
  await filters.click()
  await expect(page.getByRole('region', { name: m(locale, 'board.listLabel') })).toBeVisible()
  for (const column of ['parties', 'title', 'status', 'countdown']) {
    await expect(page.getByRole('columnheader', { name: m(locale, `board.column.${column}`) })).toBeVisible()
  }
  // Measure titles follow the UI language where the dataset has them.
  await expect(rowOf(page, datasetTitle(AFFILIATES, locale), m(locale, 'board.listLabel'))).toHaveCount(1)
  await expect(rowOf(page, datasetTitle(AFFILIATES, locale), m(locale, 'board.listLabel')).getByRole('cell').nth(3)).toContainText(
    m(locale, 'status.in_force'),
  )
  await expect(page).toHaveTitle(new RegExp(m(locale, 'app.name')))
}

test('the language switch changes the UI and is remembered after a reload', async ({ page }) => {
  await tallWindow(page)
  await expectBoardIn(page, 'en')

  await page.getByRole('combobox', { name: m('en', 'app.language') }).selectOption({ label: '繁體中文' })
  await expectBoardIn(page, 'zh-Hant')
  expect(m('zh-Hant', 'board.title')).not.toBe(m('en', 'board.title'))

  // The switch is found by its Traditional name now; each language is named in itself.
  const switcher = page.getByRole('combobox', { name: m('zh-Hant', 'app.language') })
  await expect(switcher.getByRole('option')).toHaveText(['English', '繁體中文', '简体中文'])
  await switcher.selectOption({ label: '简体中文' })
  await expectBoardIn(page, 'zh-Hans')
  expect(m('zh-Hans', 'board.title')).not.toBe(m('zh-Hant', 'board.title'))

  // Other screens follow: a measure page and the editor.
  await rowOf(page, datasetTitle(AFFILIATES, 'zh-Hans'), m('zh-Hans', 'board.listLabel')).getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1, name: datasetTitle(AFFILIATES, 'zh-Hans') })).toBeVisible()
  await expect(page.getByRole('region', { name: m('zh-Hans', 'measure.status.title'), exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: m('zh-Hans', 'measure.recordEvent') })).toBeVisible()
  await page.getByRole('button', { name: m('zh-Hans', 'app.newMeasure') }).click()
  await expect(page.getByRole('heading', { level: 1, name: m('zh-Hans', 'editor.createTitle') })).toBeVisible()
  await expect(page.getByRole('textbox', { name: m('zh-Hans', 'editor.field.titleEn') })).toBeVisible()
  await page.getByRole('button', { name: m('zh-Hans', 'common.cancel') }).click()

  // Remembered: a reload starts in Simplified Chinese.
  await page.reload()
  await expectBoardIn(page, 'zh-Hans')
  await expect(page.getByRole('combobox', { name: m('zh-Hans', 'app.language') })).toHaveValue('zh-Hans')

  // And back to English.
  await page.getByRole('combobox', { name: m('zh-Hans', 'app.language') }).selectOption({ label: 'English' })
  await expectBoardIn(page, 'en')
  await page.reload()
  await expectBoardIn(page, 'en')
})

/** The parts of a date group in screen order: each input or list by its name, each mark between by its text. */
async function dateLayoutOf(group: Locator): Promise<string[]> {
  return group
    .locator('input, select, .literal')
    .evaluateAll((nodes) =>
      nodes.map((node) => (node.classList.contains('literal') ? `“${node.textContent}”` : node.getAttribute('aria-label')!)),
    )
}

test('date, time and zone inputs follow the app language, not the browser’s', async ({ page }) => {
  // English: month first, by name; the zone by its name with the id that tells like-named zones apart.
  let asOf = await openAsOf(page)
  expect(await dateLayoutOf(asOf.getByRole('group', { name: 'As-of date' }))).toEqual(['Month', 'Day', '“,”', 'Year'])
  const zone = asOf.getByRole('combobox', { name: 'As-of zone' })
  await zone.selectOption('UTC')
  await expect(zone.locator('option:checked')).toHaveText('Coordinated Universal Time (UTC)')
  await page.keyboard.press('Escape')

  await page.getByRole('combobox', { name: m('en', 'app.language') }).selectOption({ label: '繁體中文' })
  await page
    .getByRole('banner')
    .getByRole('button', { name: m('zh-Hant', 'asOf.chipLive') })
    .click()
  asOf = page.getByRole('group', { name: m('zh-Hant', 'asOf.legend') })
  const date = asOf.getByRole('group', { name: m('zh-Hant', 'asOf.date') })
  // 2026年11月10日: year, 年, month, 月, day, 日 — whatever the browser's own locale is (en-US here).
  expect(await dateLayoutOf(date)).toEqual(['年', '“年”', '月', '“月”', '日', '“日”'])
  const zoneZh = asOf.getByRole('combobox', { name: m('zh-Hant', 'asOf.zone') })
  await zoneZh.selectOption('America/New_York')
  await expect(zoneZh.locator('option:checked')).toHaveText('東部時間（America/New_York）')
  expect(await zoneZh.locator('option').allTextContents()).not.toContainEqual(expect.stringContaining('[UTC]'))
  // A date written the Chinese way, typed into the year, fills every part; the time is on a 24-hour clock.
  await date.getByRole('textbox', { name: '年' }).fill('2026年11月10日')
  await expect(date.getByRole('combobox', { name: '月' })).toHaveValue('11')
  await expect(date.getByRole('textbox', { name: '日' })).toHaveValue('10')
  const time = asOf.getByRole('group', { name: m('zh-Hant', 'asOf.time') })
  await time.getByRole('textbox', { name: m('zh-Hant', 'form.hour') }).fill('13')
  await time.getByRole('textbox', { name: m('zh-Hant', 'form.minute') }).fill('05')
  await asOf.getByRole('button', { name: m('zh-Hant', 'asOf.apply') }).click()
  await expect(page.getByRole('banner')).toContainText('2026年11月10日 13:05')
})
