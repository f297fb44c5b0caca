// axe-core on the screens of issues 4 and 5, in the light and the dark theme: no serious or
// critical violations. Screens: Upcoming (with rows and countdowns), Needs review (and its
// "Extended until" form), Settings (and a refused entry), the Report view with its preview, and a
// measure page with notes — listed (pinned, edited, History open), being added (Write and Preview)
// and being edited — and tags.
import { test, expect } from './support/fixtures.ts'
import { AFFILIATES, datasetTitle, tallWindow } from './support/board.ts'
import { cli, cliImport, suspendedProbe } from './support/cli.ts'
import { audit, type Finding } from './support/axe.ts'
import { noteItems, notesRegion, openMeasureFromBoard, goToBoard } from './support/measure-page.ts'
import { firstDatePart } from './support/date-time.ts'

const affiliates = datasetTitle(AFFILIATES)

for (const colorScheme of ['light', 'dark'] as const) {
  test(`notes, tags, Upcoming, Needs review, Settings and Report, ${colorScheme} theme`, async ({ page, app }) => {
    test.slow()
    await cliImport(app.dbPath, [suspendedProbe('e2e-a11y-soon', 'Accessibility probe', 12)])
    await cli(
      app.dbPath,
      'note',
      'add',
      AFFILIATES,
      'Pinned: **watch** the [notice](https://www.federalregister.gov/) and `HTS 9903`.\n\n- one\n- two',
      '--pinned',
    )
    await cli(app.dbPath, 'note', 'add', AFFILIATES, '> Quoted from counsel.\n\n1. first\n2. second')
    await page.emulateMedia({ colorScheme })
    await page.reload()
    await tallWindow(page)
    await expect(page.getByRole('heading', { level: 1, name: 'Status board' })).toBeVisible()
    const findings: Finding[] = []
    const nav = page.getByRole('navigation', { name: 'Main' })

    // Upcoming, with rows and live countdowns.
    await nav.getByRole('link', { name: 'Upcoming' }).click()
    await expect(page.getByRole('table', { name: 'Upcoming deadlines' }).getByRole('link', { name: 'Accessibility probe' })).toBeVisible()
    await audit(page, 'upcoming', findings)

    // Needs review, then with the extension form open (and its validation message).
    await nav.getByRole('link', { name: 'Needs review' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Needs review' })).toBeVisible()
    await expect(page.getByRole('group', { name: 'What happened' }).first()).toBeVisible()
    await audit(page, 'needs review', findings)
    const entry = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: affiliates, exact: true }) })
    await entry.getByRole('button', { name: 'Record extension' }).click()
    await entry.getByRole('button', { name: 'Save extension' }).click()
    await expect(firstDatePart(entry.getByRole('group', { name: 'Extended until' }))).toHaveAttribute('aria-invalid', 'true')
    await audit(page, 'needs review, extension form with a message', findings)
    await entry.getByRole('button', { name: 'Cancel' }).click()

    // Settings, then with a refused entry.
    await nav.getByRole('link', { name: 'Settings' }).click()
    const leadDays = page.getByRole('textbox', { name: 'Lead times (days before each deadline)' })
    await expect(leadDays).toHaveValue(/90.*30.*7.*1/)
    await audit(page, 'settings', findings)
    await leadDays.fill('90, 90, abc')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(leadDays).toHaveAttribute('aria-invalid', 'true')
    await audit(page, 'settings with messages', findings)

    // The Report view with its preview (axe looks into the frame too).
    await nav.getByRole('link', { name: 'Report' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Status report' })).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: 'Preview up to date.' })).toBeVisible()
    await expect(page.getByTitle('Report preview').contentFrame().getByRole('heading', { level: 1 })).toBeVisible()
    // The preview frame runs no script, so axe cannot enter it: the view is audited around it, and
    // the report itself (the same HTML, from the command line) on a page of its own.
    await audit(page, 'report view (outside the preview frame)', findings, ['iframe[title="Report preview"]'])
    const { stdout: reportHtml } = await cli(app.dbPath, 'report', '--format', 'html', '--include-notes')
    const reportPage = await page.context().newPage()
    try {
      await reportPage.emulateMedia({ colorScheme })
      await reportPage.setContent(reportHtml, { waitUntil: 'load' })
      await expect(reportPage.getByRole('heading', { level: 1 })).toHaveText('Measure status report')
      await audit(reportPage, 'the report document', findings)
    } finally {
      await reportPage.close()
    }

    // A measure page: notes listed (pinned first), tags.
    await goToBoard(page)
    await openMeasureFromBoard(page, affiliates)
    await expect(noteItems(page)).toHaveCount(2)
    await expect(noteItems(page).nth(0).getByText('Pinned', { exact: true })).toBeVisible()
    await audit(page, 'measure page with notes', findings)

    // Adding a note: Write, then Preview.
    const notes = notesRegion(page)
    await notes.getByRole('button', { name: 'Add note' }).click()
    await notes.getByRole('textbox', { name: 'Note' }).fill('A **new** note with a [link](https://example.com).')
    await audit(page, 'note editor (write)', findings)
    await notes.getByRole('button', { name: 'Preview' }).click()
    await expect(notes.getByRole('region', { name: 'Preview of the note' }).locator('strong')).toHaveText('new')
    await audit(page, 'note editor (preview)', findings)
    await notes.getByRole('button', { name: 'Cancel' }).click()

    // Editing a note, then the edited note with its History open.
    const second = noteItems(page).nth(1)
    await second.getByRole('button', { name: 'Edit note' }).click()
    await second.getByRole('textbox', { name: 'Note' }).fill('> Quoted from counsel, corrected.')
    await audit(page, 'note being edited', findings)
    await second.getByRole('button', { name: 'Save note' }).click()
    await expect(second.getByText(/^edited /)).toBeVisible()
    await second.getByText('History', { exact: true }).click()
    await expect(second.getByText(/^Written .*, replaced /)).toBeVisible()
    await audit(page, 'edited note with History open', findings)

    expect(findings, `serious or critical axe violations (${colorScheme}):\n${JSON.stringify(findings, null, 2)}`).toEqual([])
  })
}
