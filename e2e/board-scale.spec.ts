// The board at 10,000 measures (issue 14) in the default suite, and at 100,000 in `npm run
// test:scale` (MT_BOARD_SCALE=100000): the list comes a window at a time from the service
// (measures.page), so a word typed in the search box is answered by the store's search index, and
// the count line and status headings come from the service's counts. The store is the bench's
// generated one (bench/generate.ts): measure i carries the tag `tag-(i mod 20)`.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './support/fixtures.ts'
import { DATASET, measuresRegion, openFilters, tallWindow } from './support/board.ts'
import { cliImport, type ProbeMeasure } from './support/cli.ts'
import { generateExchangeFile } from '../bench/generate.ts'
import { timedCli, writeGeneratedFile } from '../bench/exchange-scale.ts'

const GENERATED = Number(process.env.MT_BOARD_SCALE ?? 10_000)
const AT_SCALE = GENERATED > 10_000
const TOTAL = GENERATED + DATASET.measures.length
const count = (n: number) => n.toLocaleString('en-US')

test.skip(
  ({ projectName }) => projectName !== 'web',
  'the same views as the web project; importing 10,000 measures once per project is too slow',
)

/** The generated measures into the app's database through the command line (a file of 230 MB at 100,000, written a measure at a time). */
async function importGenerated(dbPath: string): Promise<void> {
  if (!AT_SCALE) {
    await cliImport(dbPath, generateExchangeFile(GENERATED).measures as unknown as ProbeMeasure[])
    return
  }
  const dir = mkdtempSync(join(tmpdir(), 'mt-e2e-scale-'))
  try {
    await writeGeneratedFile(join(dir, 'generated.json'), GENERATED)
    await timedCli(['--db', dbPath, 'import', join(dir, 'generated.json')], join(dir, 'import.rss'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

test(`at ${count(GENERATED)} measures: typing a word narrows the list, and the counts are right`, async ({ page, app }) => {
  if (AT_SCALE) test.setTimeout(900_000)
  else test.slow()
  await importGenerated(app.dbPath)
  await tallWindow(page)
  await page.reload()
  const status = page.getByRole('main').locator('p[role="status"].count')
  // The first answer after the import recomputes every summary row (about 8 s at 100,000).
  await expect(status).toHaveText(`${count(TOTAL)} measures`, { timeout: AT_SCALE ? 300_000 : 60_000 })

  // "tag-7" is the tag of measures 7, 27, 47, …: one in twenty. Typed key by key: answers to the
  // shorter words before it must not win over the last one.
  const search = page.getByRole('searchbox', { name: 'Search' })
  await search.pressSequentially('tag-7')
  await expect(status).toHaveText(`Showing ${count(GENERATED / 20)} of ${count(TOTAL)} measures`)
  const table = measuresRegion(page).getByRole('table')
  const titles = await table.getByRole('link').allInnerTexts()
  expect(titles.length).toBeGreaterThan(5)
  for (const title of titles) expect(Number(/^Measure (\d+) on goods/.exec(title.trim())?.[1]) % 20).toBe(7)

  // Grouped by status, the first group's heading counts what the Status filter then shows.
  await page.getByRole('combobox', { name: 'Group by' }).selectOption('status')
  const heading = table.locator('.heading').first()
  await expect(heading).toHaveText(/^.+ \([\d,]+\)$/)
  const [, statusName, inGroup] = /^(.+) \(([\d,]+)\)$/.exec(((await heading.textContent()) ?? '').replace(/\s+/g, ' ').trim())!
  await openFilters(page)
  const statusFilter = page.getByRole('combobox', { name: 'Status' })
  await statusFilter.selectOption({ label: statusName! })
  await expect(status).toHaveText(`Showing ${inGroup} of ${count(TOTAL)} measures`)
  await statusFilter.selectOption({ label: 'All' })

  await search.fill('')
  await expect(status).toHaveText(`${count(TOTAL)} measures`)
})
