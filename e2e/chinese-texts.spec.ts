// Chinese all the way through (issue 13): in 繁體中文 and 简体中文 the board's subtitles (short name ·
// instrument) and the measure page's title, authority, instrument, scope, summary and event notes of
// every measure of the embedded dataset are in Chinese — none is Latin-only text (identifiers such
// as "IEEPA" or "FR Doc 2025-19001" inside Chinese text are fine) — and nothing of the dataset is
// marked machine-converted (it is written in both scripts).
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './support/fixtures.ts'
import { DATASET, datasetTitle, measuresRegion, tallWindow } from './support/board.ts'
import { m, type UiLocale } from './support/i18n.ts'

const HAN = /\p{Script=Han}/u
const LATIN = /[A-Za-z]/
const latinOnly = (text: string) => LATIN.test(text) && !HAN.test(text)

const LANGUAGE_NAME: Record<'zh-Hant' | 'zh-Hans', string> = { 'zh-Hant': '繁體中文', 'zh-Hans': '简体中文' }

async function switchTo(page: Page, locale: 'zh-Hant' | 'zh-Hans'): Promise<void> {
  await page.getByRole('combobox', { name: m('en', 'app.language') }).selectOption({ label: LANGUAGE_NAME[locale] })
  await expect(page.locator('html')).toHaveAttribute('lang', locale)
}

/** Texts of `locator`'s matches, trimmed. */
const textsOf = async (locator: Locator) => (await locator.allInnerTexts()).map((text) => text.trim())

for (const locale of ['zh-Hant', 'zh-Hans'] as const) {
  test(`in ${locale} the board's subtitles and every measure page's words are Chinese`, async ({ page }) => {
    test.setTimeout(180_000)
    await tallWindow(page)
    await switchTo(page, locale)

    // The board: every row's subtitle (the whole dataset fits in the tall window).
    const region = measuresRegion(page, m(locale as UiLocale, 'board.listLabel'))
    await expect(region.getByRole('row').filter({ has: page.getByRole('link') })).toHaveCount(DATASET.measures.length)
    const subtitles = await textsOf(region.locator('.subtitle'))
    expect(subtitles).toHaveLength(DATASET.measures.length)
    expect(subtitles.filter(latinOnly)).toEqual([])
    expect(await region.locator('[data-machine-converted]').count()).toBe(0)

    // Each measure page.
    const problems: string[] = []
    for (const measure of DATASET.measures) {
      await page.goto(`${new URL(page.url()).origin}/#/measure/${measure.id}`)
      await expect(page.getByRole('heading', { level: 1, name: datasetTitle(measure.id, locale) })).toBeVisible()
      const facts = page.getByRole('region', { name: m(locale, 'measure.facts.title') })
      const fact = (key: string) => facts.locator(`dt:text-is("${m(locale, key)}") + dd`)
      for (const key of ['measure.facts.authority', 'measure.facts.instrument', 'measure.facts.scope', 'measure.facts.summary']) {
        const text = (await fact(key).innerText()).trim()
        if (text !== m(locale, 'common.none') && latinOnly(text)) problems.push(`${measure.id} ${key}: ${text}`)
      }
      const subtitle = (await page.locator('.measure-head .subtitle').innerText()).trim()
      if (!HAN.test(subtitle)) problems.push(`${measure.id} subtitle: ${subtitle}`)
      const timeline = page.getByRole('region', { name: m(locale, 'measure.timeline.title') })
      for (const note of await textsOf(timeline.locator('.prose'))) if (latinOnly(note)) problems.push(`${measure.id} timeline: ${note}`)
      if ((await page.locator('[data-machine-converted]').count()) > 0) problems.push(`${measure.id}: a text is marked machine-converted`)
    }
    expect(problems).toEqual([])
  })
}
