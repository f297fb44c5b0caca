// axe-core on every screen, in the light and the dark theme: no serious or critical violations.
// Screens: the board, the board grouped by counter-measure pairs, the "as of" view, a measure
// page, the Record event dialog, the editor (empty and showing its validation messages), and the
// board in Traditional Chinese.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect } from './support/fixtures.ts'
import { AFFILIATES, asOfNotice, datasetTitle, rowOf, showAsOf } from './support/board.ts'
import { m } from './support/i18n.ts'

interface Finding {
  screen: string
  id: string
  impact: string
  help: string
  nodes: string[]
}

async function audit(page: Page, screen: string, findings: Finding[]): Promise<void> {
  // Let transitions and late renders settle: every check runs on what a person would see.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  const results = await new AxeBuilder({ page }).analyze()
  for (const violation of results.violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical') continue
    findings.push({
      screen,
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`),
    })
  }
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every screen, ${colorScheme} theme`, async ({ page }) => {
    test.slow()
    await page.emulateMedia({ colorScheme })
    const findings: Finding[] = []
    const affiliates = datasetTitle(AFFILIATES)

    await expect(rowOf(page, affiliates)).toHaveCount(1)
    // The theme really follows the system setting: a dark page in dark mode, a light one otherwise.
    const background = await page.evaluate(() => {
      const [r, g, b] = getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g)!.map(Number) as [number, number, number]
      return (r + g + b) / 3
    })
    if (colorScheme === 'dark') expect(background).toBeLessThan(80)
    else expect(background).toBeGreaterThan(175)
    await audit(page, 'board', findings)

    await page.getByRole('combobox', { name: 'Group by' }).selectOption({ label: 'Counter-measure pairs' })
    await expect(page.getByRole('button', { name: 'Swap sides' }).first()).toBeVisible()
    await audit(page, 'board grouped by pairs', findings)
    await page.getByRole('combobox', { name: 'Group by' }).selectOption({ label: 'No grouping' })

    await showAsOf(page, '2026-11-09', '17:00', 'UTC')
    await expect(asOfNotice(page)).toBeVisible()
    await expect(rowOf(page, affiliates).getByRole('cell').nth(3)).toHaveText(/^Suspended/)
    await audit(page, 'board as of 9 Nov 2026 17:00 UTC', findings)
    await asOfNotice(page).getByRole('button', { name: 'Back to now' }).click()
    await expect(asOfNotice(page)).toHaveCount(0)

    await rowOf(page, affiliates).getByRole('link', { name: affiliates, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: affiliates })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible()
    await audit(page, 'measure page', findings)

    await page.getByRole('button', { name: 'Record event' }).click()
    await expect(page.getByRole('dialog', { name: 'Record event' })).toBeVisible()
    await audit(page, 'record event dialog', findings)
    await page.getByRole('dialog', { name: 'Record event' }).getByRole('button', { name: 'Cancel' }).click()
    await expect(page.getByRole('dialog', { name: 'Record event' })).toBeHidden()

    await page.getByRole('link', { name: 'Edit' }).click()
    await expect(page.getByRole('textbox', { name: 'Title (English)' })).toHaveValue(affiliates)
    await audit(page, 'editor (edit)', findings)

    await page.getByRole('button', { name: 'New measure' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'New measure' })).toBeVisible()
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByRole('textbox', { name: 'Title (English)' })).toHaveAccessibleDescription('Required')
    await audit(page, 'editor (new, with validation messages)', findings)

    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '繁體中文' })
    await page.getByRole('button', { name: m('zh-Hant', 'common.cancel') }).click()
    await expect(page.getByRole('heading', { level: 1, name: m('zh-Hant', 'board.title') })).toBeVisible()
    await expect(rowOf(page, datasetTitle(AFFILIATES, 'zh-Hant'), m('zh-Hant', 'board.listLabel'))).toHaveCount(1)
    await audit(page, 'board in 繁體中文', findings)

    expect(findings, `serious or critical axe violations (${colorScheme}):\n${JSON.stringify(findings, null, 2)}`).toEqual([])
  })
}
