// Another process changes the database while the app is open (the command line importing a
// file): the board and the open measure page show it without a reload or restart.
import type { Page } from '@playwright/test'
import { test, expect } from './support/fixtures.ts'
import { listedTitles, rowOf, tallWindow, measureCount } from './support/board.ts'
import { cliImport, type ProbeMeasure } from './support/cli.ts'

const probe = (title: string): ProbeMeasure => ({ id: 'e2e-live', title: { en: title }, imposer: 'US', target: 'CN', category: 'tariff' })

/** A mark on the window that a reload would wipe out. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { e2eNoReload: boolean }).e2eNoReload = true))
}
async function expectNotReloaded(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true)
}

test('a command-line import shows up on the open board, then on the open measure page', async ({ page, app }) => {
  await tallWindow(page)
  await expect(page.getByRole('status').filter({ hasText: measureCount() })).toBeVisible()
  await markPage(page)

  const output = await cliImport(app.dbPath, [probe('Live refresh probe')])
  expect(output).toContain('1 created')

  await expect(rowOf(page, 'Live refresh probe')).toHaveCount(1, { timeout: 15_000 })
  await expect(page.getByRole('status').filter({ hasText: measureCount(1) })).toBeVisible()
  expect(await listedTitles(page)).toContain('Live refresh probe')
  await expectNotReloaded(page)

  // The measure page follows too: replace the measure's title from the command line.
  await rowOf(page, 'Live refresh probe').getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Live refresh probe' })).toBeVisible()
  await cliImport(app.dbPath, [probe('Live refresh probe, renamed')], { replace: true })
  await expect(page.getByRole('heading', { level: 1, name: 'Live refresh probe, renamed' })).toBeVisible({ timeout: 15_000 })
  await expectNotReloaded(page)
})
