// Settings → Backups in a real browser: "Back up now", then "Restore…" chosen and confirmed from
// the keyboard, showing what the backup holds first; the data goes back to the backup's, and the
// contents it replaced are listed as a backup of their own.
import { test, expect } from './support/fixtures.ts'
import { AFFILIATES } from './support/board.ts'
import { cli } from './support/cli.ts'
import { audit, type Finding } from './support/axe.ts'

test('back up now, change the data, restore the backup from the keyboard', async ({ page, app }) => {
  const nav = page.getByRole('navigation', { name: 'Main' })
  await nav.getByRole('link', { name: 'Settings' }).click()
  const backups = page.getByRole('region', { name: 'Backups' })
  await backups.getByRole('button', { name: 'Back up now' }).click()
  await expect(page.getByText(/^Backup made: measures-.*-manual\.db$/)).toBeVisible()
  const list = backups.getByRole('table', { name: 'Backups, newest first' })
  await expect(list.getByRole('row')).toHaveCount(2)
  await expect(list.getByRole('cell', { name: 'Made by you' })).toBeVisible()

  // Another process writes after the backup.
  await cli(app.dbPath, 'note', 'add', AFFILIATES, 'Written after the backup')
  const notes = async () =>
    JSON.parse((await cli(app.dbPath, 'note', 'list', AFFILIATES, '--json')).stdout).map((n: { body: string }) => n.body)
  expect(await notes()).toEqual(['Written after the backup'])

  const findings: Finding[] = []
  await backups.getByRole('button', { name: 'Restore…' }).focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Restore a backup' })
  await expect(dialog).toBeVisible()
  const choice = dialog.getByRole('radio', { name: /Made by you/ })
  await choice.focus()
  await page.keyboard.press('Space')
  await expect(choice).toBeChecked()
  const holds = dialog.getByRole('status')
  await expect(holds).toContainText('Notes: 0')
  await expect(holds).toContainText(/Measures: \d+/)
  await expect(holds).toContainText('kept as a backup of their own')
  await audit(page, 'restore dialog', findings)
  expect(await notes()).toEqual(['Written after the backup'])

  await dialog.getByRole('button', { name: 'Restore this backup' }).focus()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page.getByText(/The previous contents were kept as measures-.*-before-restore\.db/)).toBeVisible()
  await expect(list.getByRole('cell', { name: 'Before a restore' })).toBeVisible()
  expect(await notes()).toEqual([])
  expect(findings).toEqual([])
})
