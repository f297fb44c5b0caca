// The dataset update review (issue 16), in Chromium against the browser host: the user retitles a
// measure, opens the next version of the embedded dataset (test/fixtures/dataset-update.ts: a new
// measure, a corrected date, a new title for the measure the user retitled) through Settings →
// Dataset's file field, sees the three in readable terms, accepts per measure (not the new one),
// finds the corrected date on the measure page and the user's title kept on the board, then undoes
// the update and sees the old state again. The review screen passes axe.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './support/fixtures.ts'
import { audit, type Finding } from './support/axe.ts'
import { datasetTitle, rowOf, tallWindow } from './support/board.ts'
import { goToBoard, openMeasureFromBoard } from './support/measure-page.ts'
import { CONFLICT, CORRECTED, datasetNextVersion, embeddedDataset } from '../test/fixtures/dataset-update.ts'

test.skip(
  ({ projectName }) => projectName !== 'web',
  'web-only: the browser host reads the dataset through the page’s file field (the desktop uses its open dialog)',
)

const EXCLUSIONS = datasetTitle(CORRECTED.measureId)
const NEW_TITLE = 'Fixture measure new in the next dataset'
/** The corrected end of the exclusions, and the date it replaces, as the page's <time datetime> writes them. */
const utc = (at: string) => new Date(Date.parse(at.replace(/\[.*\]$/, ''))).toISOString()
const CORRECTED_UTC = utc(CORRECTED.at)
const ORIGINAL_UTC = utc(
  embeddedDataset()
    .measures.find((m) => m.id === CORRECTED.measureId)!
    .events.find((e) => e.id === CORRECTED.eventId)!.at,
)

let dir: string
let file: string

test.beforeEach(async ({ page }) => {
  dir = mkdtempSync(join(tmpdir(), 'mt-e2e-dataset-'))
  file = join(dir, 'us-cn-truce-2025-next.json')
  writeFileSync(file, JSON.stringify(datasetNextVersion()))
  await tallWindow(page)
})

test.afterEach(() => rmSync(dir, { recursive: true, force: true }))

test('review a new dataset version: new measure, corrected date, a conflict with the user’s title; accept per measure, then undo', async ({
  page,
}) => {
  // The user's own title for the Section 122 measure.
  await openMeasureFromBoard(page, datasetTitle(CONFLICT.measureId))
  await page.getByRole('link', { name: 'Edit' }).click()
  await page.getByRole('textbox', { name: 'Title (English)' }).fill(CONFLICT.userTitle)
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('heading', { level: 1, name: CONFLICT.userTitle })).toBeVisible()

  // Settings → Dataset → the review, and the file through its labelled field.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  const dataset = page.getByRole('region', { name: 'Dataset', exact: true })
  await expect(dataset).toContainText('Your database holds us-cn-truce-2025 v3.')
  await dataset.getByRole('link', { name: 'Review a dataset file…' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Dataset update' })).toBeVisible()
  await page.getByLabel('Choose a dataset file (JSON)').setInputFiles(file)

  const review = page.getByRole('form', { name: 'Review: us-cn-truce-2025-next.json' })
  await expect(review).toContainText('us-cn-truce-2025 v3 → us-cn-truce-2025 v4')
  const added = review.getByRole('article', { name: `New measure: ${NEW_TITLE}` })
  await expect(added).toBeVisible()
  const corrected = review.getByRole('article', { name: `Changed: ${EXCLUSIONS}` })
  await expect(corrected).toContainText('Terminated — date')
  await expect(corrected.locator(`time[datetime="${CORRECTED_UTC}"]`)).toBeVisible()
  const conflict = review.getByRole('article', { name: `Changed: ${CONFLICT.userTitle}` })
  await expect(conflict).toContainText('yours stays in use until you pick')
  await expect(conflict).toContainText(`Yours: ${CONFLICT.userTitle}`)
  await expect(conflict).toContainText(`Dataset: ${CONFLICT.datasetTitle}`)
  const findings: Finding[] = []
  await audit(page, 'dataset update review', findings)
  expect(findings).toEqual([])

  // Accept per measure: everything but the new measure (keyboard on its checkbox).
  const skipNew = added.getByRole('checkbox', { name: 'Apply' })
  await skipNew.focus()
  await page.keyboard.press('Space')
  await expect(skipNew).not.toBeChecked()
  await review.getByRole('button', { name: /^Apply \d+ chosen$/ }).click()
  await expect(page.getByRole('heading', { name: 'Updated: us-cn-truce-2025 v3 → us-cn-truce-2025 v4' })).toBeFocused()

  // The board: the user's title kept, the new measure not added; the measure page: the corrected date.
  await goToBoard(page)
  await expect(rowOf(page, CONFLICT.userTitle)).toBeVisible()
  await expect(page.getByRole('link', { name: NEW_TITLE })).toHaveCount(0)
  await openMeasureFromBoard(page, EXCLUSIONS)
  await expect(page.locator(`time[datetime="${CORRECTED_UTC}"]`).first()).toBeAttached()
  await expect(page.locator(`time[datetime="${ORIGINAL_UTC}"]`)).toHaveCount(0)

  // Undo from the review: the old date is back, and the title is still the user's.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('region', { name: 'Dataset', exact: true }).getByRole('link', { name: 'Review a dataset file…' }).click()
  await page.getByRole('button', { name: 'Undo this update' }).click()
  await expect(page.getByText('Dataset update undone: back to us-cn-truce-2025 v3.')).toBeVisible()
  await goToBoard(page)
  await openMeasureFromBoard(page, EXCLUSIONS)
  await expect(page.locator(`time[datetime="${CORRECTED_UTC}"]`)).toHaveCount(0)
  await expect(page.locator(`time[datetime="${ORIGINAL_UTC}"]`).first()).toBeAttached()
  await goToBoard(page)
  await expect(rowOf(page, CONFLICT.userTitle)).toBeVisible()
})
