// Settings → Calendar subscription in a real browser (issue 13): the browser host's address is
// created from the keyboard, shown in a labelled field, answers the calendar to a client with no
// cookie, and stops answering once renewed; a kept file's path is shown and the file follows a
// change made in the page.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { request } from '@playwright/test'
import { test, expect, WEB_ONLY_REASON } from './support/fixtures.ts'
import { audit, type Finding } from './support/axe.ts'

test.skip(({ projectName }) => projectName !== 'web', WEB_ONLY_REASON)

test('the subscription address and the kept file, set from Settings', async ({ page, app }) => {
  // A file kept for subscribers (the desktop app chooses it with its save dialog; here the host's service does).
  const kept = join(dirname(app.dbPath), 'deadlines.ics')
  expect((await app.host!.store.service.call('calendar.setSubscriptionFile', { path: kept })).ok).toBe(true)

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  const panel = page.getByRole('region', { name: 'Calendar subscription' })
  await expect(panel.getByTestId('calendar-file-path')).toHaveText(kept)
  await expect(panel.getByText('There is no subscription address.')).toBeVisible()

  await panel.getByRole('button', { name: 'Create address' }).focus()
  await page.keyboard.press('Enter')
  const field = panel.getByRole('textbox', { name: 'Address to subscribe to' })
  await expect(field).toHaveValue(
    new RegExp(`^${app.host!.baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}calendar\\.ics\\?key=[A-Za-z0-9_-]{43}$`),
  )
  const address = await field.inputValue()

  // A calendar program: no cookie, only the address.
  const calendarProgram = await request.newContext()
  try {
    const answer = await calendarProgram.get(address)
    expect(answer.status()).toBe(200)
    expect(answer.headers()['content-type']).toBe('text/calendar; charset=utf-8')
    expect(await answer.text()).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/)
    expect((await calendarProgram.get(address.replace(/key=.*/, 'key=wrong'))).status()).toBe(403)

    // The calendar in Chinese, chosen with the keyboard.
    await panel.getByRole('combobox', { name: 'Language of the calendar' }).selectOption('zh-Hant')
    await expect(page.getByText('The calendar is now in 繁體中文')).toBeVisible()
    expect(await (await calendarProgram.get(address)).text()).toContain('SUMMARY;LANGUAGE=zh-Hant:')

    await panel.getByRole('button', { name: 'New address' }).click()
    await expect(field).not.toHaveValue(address)
    expect((await calendarProgram.get(address)).status()).toBe(403)
    expect((await calendarProgram.get(await field.inputValue())).status()).toBe(200)
  } finally {
    await calendarProgram.dispose()
  }

  // The kept file follows changes made in the page (the host rewrites it a moment after each).
  await expect.poll(() => existsSync(kept)).toBe(true)
  await expect.poll(() => readFileSync(kept, 'utf8').includes('SUMMARY;LANGUAGE=zh-Hant:')).toBe(true)
  await page.reload()
  await expect(panel.getByText(/^Last written /)).toBeVisible()

  const findings: Finding[] = []
  await audit(page, 'calendar subscription', findings)
  expect(findings).toEqual([])

  await panel.getByRole('button', { name: 'Stop updating the file' }).click()
  await expect(panel.getByText('No calendar file is kept.')).toBeVisible()
})
