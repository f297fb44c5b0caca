// Two people on one team database (issue 17): two browser hosts (`npm run web -- --db
// postgres://…`, as each person would start one) on one PostgreSQL database, started here on
// loopback in a temporary directory from Debian's `postgresql` binaries, with one database role
// per person as README "A team database" sets them up. An edit in one appears in the other without
// a reload; a stale edit is refused with CONFLICT and the other's change; a role granted only
// reading gets a read-only app, and the server refuses its writes anyway. Web project only: the
// Electron app reaches the same core through IPC, and there is no Electron binary here.
import type { Browser, Page } from '@playwright/test'
import { startWebHost, type WebHost } from '../src/web/host.ts'
import { postgresSkipReason } from '../test/helpers/postgres-database.ts'
import { startPostgres, type PostgresServer } from '../test/helpers/postgres-server.ts'
import { test, expect } from './support/fixtures.ts'
import { AFFILIATES, datasetTitle, rowOf, tallWindow } from './support/board.ts'
import { notesRegion, openMeasureFromBoard, toasts } from './support/measure-page.ts'

const affiliates = datasetTitle(AFFILIATES)
const skipReason = postgresSkipReason()

test.describe('two browser hosts on one team database', () => {
  test.skip(({ projectName }) => projectName !== 'web', 'web only: two browser hosts; the Electron app has no binary here')
  test.skip(skipReason !== null, skipReason ?? '')
  // One server and one database for the file's tests, which therefore run in order.
  test.describe.configure({ mode: 'serial' })

  let server: PostgresServer
  const hosts: WebHost[] = []
  /** postgres://<role>:<password>@127.0.0.1:<port>/team */
  const as = (role: string) => {
    const url = new URL(server.url)
    url.username = role
    url.password = `${role}-secret`
    url.pathname = '/team'
    return url.href
  }

  test.beforeAll(async () => {
    server = await startPostgres()
    server.psql(`CREATE ROLE mt_owner LOGIN PASSWORD 'mt_owner-secret'; CREATE DATABASE team OWNER mt_owner;`)
    server.psql('CREATE EXTENSION IF NOT EXISTS pg_trgm', 'team')
    // The first start, as the owner, creates the schema and seeds the dataset once for the team.
    const first = await startWebHost({ dbPath: as('mt_owner'), port: 0, rendererDir: 'out/renderer' })
    await first.close()
    server.psql(
      `CREATE ROLE alice LOGIN PASSWORD 'alice-secret';
       CREATE ROLE bob LOGIN PASSWORD 'bob-secret';
       CREATE ROLE carol LOGIN PASSWORD 'carol-secret';
       GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO alice, bob;
       GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO alice, bob;
       GRANT SELECT ON ALL TABLES IN SCHEMA public TO carol;`,
      'team',
    )
  })
  test.afterAll(async () => {
    await Promise.all(hosts.map((host) => host.close()))
    await server?.stop()
  })

  /** A browser host started as `role`, and a page of its own (its own browser context) opened on it. */
  async function personAt(browser: Browser, role: string): Promise<{ host: WebHost; page: Page }> {
    const host = await startWebHost({ dbPath: as(role), port: 0, rendererDir: 'out/renderer' })
    hosts.push(host)
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York' })
    const page = await context.newPage()
    await page.goto(host.url)
    await tallWindow(page)
    await expect(page.getByRole('heading', { level: 1, name: 'Status board' })).toBeVisible()
    return { host, page }
  }

  test('a note added through one host appears on the other’s open page without a reload', async ({ browser }) => {
    const alice = await personAt(browser, 'alice')
    const bob = await personAt(browser, 'bob')
    expect(alice.host.url).not.toContain('alice-secret')
    await openMeasureFromBoard(bob.page, affiliates)
    await bob.page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true))

    await openMeasureFromBoard(alice.page, affiliates)
    const notes = notesRegion(alice.page)
    await notes.getByRole('button', { name: 'Add note' }).click()
    await notes.getByRole('textbox', { name: 'Note' }).fill('Seen by the whole team: checked with counsel.')
    await notes.getByRole('button', { name: 'Save note' }).click()
    await expect(toasts(alice.page)).toContainText('Note added')

    // Told by the server (LISTEN/NOTIFY) and pushed to the page; team-store.test.ts measures the
    // server's part against the 2 s. The bound here leaves room for a loaded machine.
    await expect(notesRegion(bob.page)).toContainText('Seen by the whole team', { timeout: 5_000 })
    expect(await bob.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true)
    // Who did it: the database user first.
    await expect(bob.page.locator('.history tbody tr').first()).toContainText('alice (web:')
  })

  test('a stale edit is refused with the other’s change, keeps what was typed, and saves on the new revision', async ({ browser }) => {
    const alice = await personAt(browser, 'alice')
    const bob = await personAt(browser, 'bob')
    for (const { page } of [alice, bob]) {
      await rowOf(page, affiliates).getByRole('link', { name: affiliates, exact: true }).click()
      await page.getByRole('link', { name: 'Edit' }).click()
      await expect(page.getByRole('heading', { level: 1, name: 'Edit measure' })).toBeVisible()
    }
    await alice.page.getByRole('textbox', { name: 'Title (English)' }).fill('Affiliates rule (retitled by Alice)')
    await alice.page.getByRole('button', { name: 'Save' }).click()
    await expect(alice.page.getByRole('heading', { level: 1, name: 'Affiliates rule (retitled by Alice)' })).toBeVisible()

    await bob.page.getByRole('textbox', { name: 'Scope', exact: true }).fill('Affiliates at 50% or more, as Bob read it')
    await bob.page.getByRole('button', { name: 'Save' }).click()
    const notice = bob.page.getByRole('alert').filter({ hasText: /alice \(web:.*\) changed this measure/ })
    await expect(notice).toBeVisible()
    await expect(bob.page.getByRole('textbox', { name: 'Title (English)' })).toHaveValue('Affiliates rule (retitled by Alice)')
    await expect(bob.page.getByRole('textbox', { name: 'Scope', exact: true })).toHaveValue('Affiliates at 50% or more, as Bob read it')
    await bob.page.getByRole('button', { name: 'Save' }).click()
    await expect(bob.page.getByRole('heading', { level: 1, name: 'Affiliates rule (retitled by Alice)' })).toBeVisible()
    await expect(bob.page.getByText('Affiliates at 50% or more, as Bob read it')).toBeVisible()
  })

  test('a role granted only reading gets a read-only app, and the server refuses its writes anyway', async ({ browser }) => {
    const carol = await personAt(browser, 'carol')
    const banner = carol.page.getByRole('status').filter({ hasText: 'Read-only database' })
    await expect(banner).toContainText('carol may read')
    await expect(banner).not.toContainText('carol-secret')
    const newMeasure = carol.page.getByRole('button', { name: 'New measure' })
    await expect(newMeasure).toBeDisabled()
    await expect(newMeasure).toHaveAttribute('aria-describedby', 'change-blocked-reason')

    await carol.page.goto(`${carol.host.baseUrl}#/measure/${AFFILIATES}`)
    await expect(carol.page.getByRole('button', { name: 'Record event' })).toBeDisabled()
    await expect(notesRegion(carol.page).getByRole('button', { name: 'Add note' })).toBeDisabled()

    // A write sent anyway, as the page would send it: refused, and nothing is written.
    const answer = await carol.page.evaluate(async (measureId) => {
      const response = await fetch('/api/notes.add', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ measureId, body: 'written by a reader' }),
      })
      return (await response.json()) as { ok: boolean; error?: { code: string; message: string } }
    }, AFFILIATES)
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(server.psql(`SELECT count(*) FROM notes WHERE body = 'written by a reader'`, 'team').trim()).toBe('0')
    // The server itself refuses the role's writes (not only the app).
    expect(() => server.psql(`SET ROLE carol; INSERT INTO settings (key, value) VALUES ('by-carol', 'x');`, 'team')).toThrow(
      /permission denied/,
    )
  })
})
