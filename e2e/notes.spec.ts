// Notes and tags on a measure page, as a person uses them (issue 4, section 1): a Markdown note
// with a live preview; saved with its creation time; edited, with the earlier version under
// "History"; pinned to the top; deleted and brought back with Undo; found by the board's search.
// Tags: added on the measure page, offered by the board's Tag filter, filtering by it, removed.
import { test, expect } from './support/fixtures.ts'
import { AFFILIATES, DATASET, datasetTitle, listedTitles, openFilters, tallWindow, measureCount } from './support/board.ts'
import { goToBoard, noteItems, noteWith, notesRegion, openMeasureFromBoard, tagsRegion, toasts } from './support/measure-page.ts'

const affiliates = datasetTitle(AFFILIATES)
/** A word that is in no title, instrument, tag or party name: only the note can make search find it. */
const NOTE_ONLY_WORD = 'quokkavelvet'

test.beforeEach(async ({ page }) => {
  await tallWindow(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Status board' })).toBeVisible()
})

/** "Nov 25, 2026" — today's date as the app writes it (en-US, the reader's zone America/New_York). */
function todayInReaderZone(): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', month: 'short', day: 'numeric', year: 'numeric' }).format(
    new Date(),
  )
}

test('a Markdown note is previewed, saved with its time, edited with history, pinned, deleted and restored, and found by search', async ({
  page,
}) => {
  // The word must not already match anything: the board finds nothing for it.
  const search = page.getByRole('searchbox', { name: 'Search' })
  await search.fill(NOTE_ONLY_WORD)
  await expect(page.getByRole('status').filter({ hasText: measureCount(0, 0) })).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).first().click()

  await openMeasureFromBoard(page, affiliates)
  const notes = notesRegion(page)
  await expect(notes).toContainText('No notes yet.')

  // --- Add, with the preview showing the rendered Markdown.
  const before = Date.now()
  await notes.getByRole('button', { name: 'Add note' }).click()
  const textbox = notes.getByRole('textbox', { name: 'Note' })
  await expect(textbox).toBeFocused()
  const body = `Checked with **counsel**: the rule stays ${NOTE_ONLY_WORD}-quiet. See [the notice](https://www.federalregister.gov/documents/2025/10/01/affiliates).`
  await textbox.fill(body)
  const write = notes.getByRole('button', { name: 'Write' })
  const previewButton = notes.getByRole('button', { name: 'Preview' })
  await expect(write).toHaveAttribute('aria-pressed', 'true')
  await previewButton.click()
  await expect(previewButton).toHaveAttribute('aria-pressed', 'true')
  await expect(textbox).toBeHidden()
  const preview = notes.getByRole('region', { name: 'Preview of the note' })
  await expect(preview.locator('strong')).toHaveText('counsel')
  const previewLink = preview.getByRole('link', { name: 'the notice' })
  await expect(previewLink).toHaveAttribute('href', 'https://www.federalregister.gov/documents/2025/10/01/affiliates')
  await expect(previewLink).toHaveAttribute('rel', 'noopener noreferrer')
  // The Markdown source is not shown as text: no asterisks, no brackets.
  await expect(preview).not.toContainText('**')
  await expect(preview).not.toContainText('](')
  // Back to writing keeps the text.
  await write.click()
  await expect(textbox).toHaveValue(body)
  await notes.getByRole('button', { name: 'Save note' }).click()
  await expect(toasts(page)).toContainText('Note added')

  const first = noteWith(page, 'counsel')
  await expect(first).toHaveCount(1)
  await expect(first.locator('strong')).toHaveText('counsel')
  await expect(first.getByRole('link', { name: 'the notice' })).toHaveAttribute('href', /^https:\/\/www\.federalregister\.gov\//)
  // Its creation time: shown as "Added <today> …", and machine-readable on the <time> element.
  const added = first.getByText(/^Added /)
  await expect(added).toContainText(todayInReaderZone())
  const createdAt = Date.parse((await added.getAttribute('datetime'))!)
  expect(createdAt).toBeGreaterThanOrEqual(before - 5_000)
  expect(createdAt).toBeLessThanOrEqual(Date.now() + 5_000)
  // Not edited yet: no "edited …", no History.
  await expect(first.getByText(/^edited /)).toHaveCount(0)
  await expect(first.getByText('History', { exact: true })).toHaveCount(0)

  // A second, newer note comes first (newest first).
  await notes.getByRole('button', { name: 'Add note' }).click()
  await notes.getByRole('textbox', { name: 'Note' }).fill('Second note: *waiting* for the Federal Register.')
  await notes.getByRole('button', { name: 'Save note' }).click()
  await expect(noteItems(page)).toHaveCount(2)
  await expect(noteItems(page).nth(0)).toContainText('Second note')
  await expect(noteItems(page).nth(1)).toContainText('counsel')

  // --- Edit the first note; its earlier version is under History.
  // (Found by position while editing: its rendered text is replaced by the editor.)
  const older = noteItems(page).nth(1)
  await older.getByRole('button', { name: 'Edit note' }).click()
  const editBox = older.getByRole('textbox', { name: 'Note' })
  await expect(editBox).toHaveValue(body)
  await expect(editBox).toBeFocused()
  await editBox.fill(body.replace('**counsel**', '**outside counsel**'))
  await older.getByRole('button', { name: 'Save note' }).click()
  await expect(toasts(page)).toContainText('Note saved')
  const edited = noteWith(page, 'outside counsel')
  await expect(edited.locator('strong').first()).toHaveText('outside counsel')
  await expect(edited.getByText(/^edited /)).toContainText(todayInReaderZone())
  // Still "Added" at the same instant: editing keeps the creation time.
  expect(Date.parse((await edited.getByText(/^Added /).getAttribute('datetime'))!)).toBe(createdAt)
  // Editing does not reorder: still second.
  await expect(noteItems(page).nth(1)).toContainText('outside counsel')
  await edited.getByText('History', { exact: true }).click()
  const history = edited.locator('details')
  await expect(history).toHaveJSProperty('open', true)
  await expect(history.getByText(/^Written .*, replaced /)).toBeVisible()
  // The earlier version, rendered: "counsel" in bold without "outside".
  await expect(history.locator('li strong')).toHaveText(['counsel'])

  // --- Pin it: it moves first and says so.
  await edited.getByRole('button', { name: 'Pin', exact: true }).click()
  await expect(toasts(page)).toContainText('Note pinned')
  await expect(noteItems(page).nth(0)).toContainText('outside counsel')
  await expect(noteItems(page).nth(0).getByText('Pinned', { exact: true })).toBeVisible()
  await expect(noteItems(page).nth(0).getByRole('button', { name: 'Unpin' })).toBeFocused()
  await expect(noteItems(page).nth(1)).toContainText('Second note')
  // Pinning is not an edit: still "edited" once, creation time unchanged.
  expect(
    Date.parse(
      (await noteItems(page)
        .nth(0)
        .getByText(/^Added /)
        .getAttribute('datetime'))!,
    ),
  ).toBe(createdAt)

  // --- Delete it; Undo (which takes the keyboard) brings it back, pinned, where it was.
  await noteItems(page).nth(0).getByRole('button', { name: 'Delete note' }).click()
  await expect(toasts(page)).toContainText('Note deleted')
  await expect(noteItems(page)).toHaveCount(1)
  await expect(notes).not.toContainText('outside counsel')
  const undo = toasts(page).getByRole('button', { name: 'Undo' })
  await expect(undo).toBeFocused()
  await undo.click()
  await expect(toasts(page)).toContainText('Note restored')
  await expect(noteItems(page)).toHaveCount(2)
  await expect(noteItems(page).nth(0)).toContainText('outside counsel')
  await expect(noteItems(page).nth(0).getByText('Pinned', { exact: true })).toBeVisible()
  expect(
    Date.parse(
      (await noteItems(page)
        .nth(0)
        .getByText(/^Added /)
        .getAttribute('datetime'))!,
    ),
  ).toBe(createdAt)

  // --- The board's search finds the measure by a word that is only in the note.
  await goToBoard(page)
  await page.getByRole('searchbox', { name: 'Search' }).fill(NOTE_ONLY_WORD)
  await expect(page.getByRole('status').filter({ hasText: measureCount(0, 1) })).toBeVisible()
  expect(await listedTitles(page)).toEqual([affiliates])
})

test('a tag added on the measure page is offered by the board’s Tag filter, filters, and is removed', async ({ page }) => {
  const TAG = 'e2e-watchlist'
  const tagFilter = page.getByRole('combobox', { name: 'Tag' })
  // The facets sit in the board's Filters panel (issue 11).
  await openFilters(page)
  await expect(tagFilter.locator('option', { hasText: TAG })).toHaveCount(0)

  await openMeasureFromBoard(page, affiliates)
  const tags = tagsRegion(page)
  await tags.getByRole('combobox', { name: 'New tag' }).fill(TAG)
  await tags.getByRole('button', { name: 'Add tag' }).click()
  await expect(toasts(page)).toContainText(`Tag “${TAG}” added`)
  await expect(tags.getByRole('listitem').filter({ hasText: TAG })).toBeVisible()
  await expect(tags.getByRole('button', { name: `Remove tag ${TAG}` })).toBeVisible()
  await expect(tags.getByRole('combobox', { name: 'New tag' })).toHaveValue('')
  // The same tag twice is refused before it reaches the service.
  await tags.getByRole('combobox', { name: 'New tag' }).fill(TAG.toUpperCase())
  await tags.getByRole('button', { name: 'Add tag' }).click()
  await expect(tags.getByRole('combobox', { name: 'New tag' })).toHaveAccessibleDescription(new RegExp(`Already tagged “${TAG}”`, 'i'))
  await tags.getByRole('combobox', { name: 'New tag' }).fill('')

  await goToBoard(page)
  await openFilters(page)
  await expect(tagFilter.locator('option', { hasText: TAG })).toHaveCount(1)
  await tagFilter.selectOption(TAG)
  await expect(page.getByRole('status').filter({ hasText: new RegExp(`^Showing 1 of ${DATASET.measures.length} measures$`) })).toBeVisible()
  expect(await listedTitles(page)).toEqual([affiliates])
  await page.getByRole('button', { name: 'Clear filters' }).first().click()
  await expect(page.getByRole('status').filter({ hasText: new RegExp(`^${DATASET.measures.length} measures$`) })).toBeVisible()

  await openMeasureFromBoard(page, affiliates)
  await tags.getByRole('button', { name: `Remove tag ${TAG}` }).click()
  await expect(toasts(page)).toContainText(`Tag “${TAG}” removed`)
  await expect(tags.getByRole('listitem').filter({ hasText: TAG })).toHaveCount(0)

  await goToBoard(page)
  await openFilters(page)
  await expect(tagFilter).toBeVisible()
  await expect(tagFilter.locator('option', { hasText: TAG })).toHaveCount(0)
})
