// Two writers of one database file (issue 17): the page has a measure's edit form open while
// another process — the command line, as a second connection — retitles the measure. Saving is
// refused with a message naming who changed it; the form keeps what was typed and takes in the
// other change; saving again keeps both. Both projects: the app's IPC and the browser host's HTTP
// carry the same revision.
import { openStore } from '../src/core/open.ts'
import { test, expect } from './support/fixtures.ts'
import { AFFILIATES, datasetTitle, rowOf, tallWindow } from './support/board.ts'
import { audit, type Finding } from './support/axe.ts'

const affiliates = datasetTitle(AFFILIATES)

test('an edit based on an older revision is refused, keeps what was typed, and is saved on the new one', async ({ page, app }) => {
  await tallWindow(page)
  await rowOf(page, affiliates).getByRole('link', { name: affiliates, exact: true }).click()
  await page.getByRole('link', { name: 'Edit' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Edit measure' })).toBeVisible()
  await page.getByRole('textbox', { name: 'Scope', exact: true }).fill('Affiliates at 50% or more, as read on 5 December')

  // Meanwhile, another process on the same file.
  const cli = await openStore({ path: app.dbPath, actor: 'cli:alice', seed: false })
  try {
    expect(cli.core.call('measures.update', { id: AFFILIATES, facts: { title: { en: 'Affiliates rule (retitled elsewhere)' } } }).ok).toBe(
      true,
    )
  } finally {
    cli.close()
  }

  await page.getByRole('button', { name: 'Save' }).click()
  const notice = page.getByRole('alert').filter({ hasText: 'cli:alice changed this measure' })
  await expect(notice).toBeVisible()
  await expect(notice).toBeFocused()
  // The other process set the English title only, which replaces the Chinese ones too.
  await expect(notice).toContainText(/Their change to .*Title \(English\) is now in the form\./)
  await expect(page.getByRole('textbox', { name: 'Title (English)' })).toHaveValue('Affiliates rule (retitled elsewhere)')
  await expect(page.getByRole('textbox', { name: 'Scope', exact: true })).toHaveValue('Affiliates at 50% or more, as read on 5 December')
  const findings: Finding[] = []
  await audit(page, 'edit form after a refused save', findings)
  expect(findings).toEqual([])

  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Affiliates rule (retitled elsewhere)' })).toBeVisible()
  await expect(page.getByText('Affiliates at 50% or more, as read on 5 December')).toBeVisible()
})
