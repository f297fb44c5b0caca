// Watching official sources (issue 16), in Chromium against the browser host: the Federal Register
// watch is turned on in Settings → Network, the host (never the page) asks a local stand-in for
// the Federal Register API that serves the documented answer format (test/fixtures/watch/), and
// what it found shows on the measure and in Needs review. One item is dismissed; an event citing
// the other makes the document a source. No request leaves the machine.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './support/fixtures.ts'
import { datasetTitle, tallWindow } from './support/board.ts'
import { toasts } from './support/measure-page.ts'
import { sendFixture, startWatchServer, type WatchServer } from '../test/helpers/watch-server.ts'
import { startWebHost, type WebHost } from '../src/web/host.ts'

const SHIPS = datasetTitle('us-ustr-301-ships')
const NOTICE =
  "Notice of Action: Continued Suspension of Section 301 Actions on China's Targeting of the Maritime, Logistics, and Shipbuilding Sectors"
const COMMENTS = 'Request for Comments on Section 301 Port Fees Modification'

let server: WatchServer
let host: WebHost
let dir: string

test.skip(({ projectName }) => projectName !== 'web', 'web-only: the test points the browser host at a local Federal Register stand-in')

test.beforeEach(async ({ page }) => {
  server = await startWatchServer()
  // The embedded dataset watches the ships measure by USTR and the phrase below: only that search
  // finds the two fixture documents; every other measure's searches find nothing.
  const documents = sendFixture('federal-register-documents.json', 'application/json')
  const empty = sendFixture('federal-register-empty.json', 'application/json')
  server.route('/api/v1/documents.json', (request, response, url) =>
    (url.searchParams.get('conditions[term]') === '"Maritime, Logistics, and Shipbuilding"' ? documents : empty)(request, response, url),
  )
  dir = mkdtempSync(join(tmpdir(), 'mt-e2e-watch-'))
  host = await startWebHost({
    dbPath: join(dir, 'measures.db'),
    rendererDir: 'out/renderer',
    watch: { federalRegisterApi: server.federalRegisterApi },
  })
  await page.goto(host.url)
  await tallWindow(page)
})

test.afterEach(async () => {
  await host.close()
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

test('a Federal Register watch hit shows on the measure and in Needs review; dismiss one, cite the other', async ({ page }) => {
  // Off by default: nothing was contacted.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  const network = page.getByRole('region', { name: 'Network' })
  const federalRegister = network.getByRole('checkbox', { name: 'Watch the Federal Register' })
  await expect(federalRegister).not.toBeChecked()
  await expect(network.getByTestId('network-fr-last')).toHaveText('Not checked yet')
  expect(server.requests).toEqual([])

  // Turned on (keyboard): the host checks at once.
  await federalRegister.focus()
  await page.keyboard.press('Space')
  await expect(network.getByTestId('network-fr-last')).toHaveText(/^Last checked /)
  expect(server.requests.length).toBeGreaterThan(0)
  expect(server.requests.every((url) => url.pathname === '/api/v1/documents.json')).toBe(true)

  // Needs review lists both documents under the ships measure.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Needs review' }).click()
  const review = page.getByRole('region', { name: '2 new official documents' })
  await expect(review.getByRole('listitem')).toHaveCount(2)
  await expect(review.getByRole('listitem').filter({ hasText: NOTICE })).toContainText(
    `New Federal Register document may affect this measure: ${NOTICE}, Notice, published Nov 20, 2026, effective Nov 10, 2026`,
  )
  await expect(review.getByRole('link', { name: SHIPS })).toHaveCount(2)

  // On the measure page: dismiss the notice.
  await review.getByRole('link', { name: SHIPS }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: SHIPS })).toBeVisible()
  const official = page.getByRole('region', { name: 'Official sources' })
  await expect(official.getByRole('listitem')).toHaveCount(2)
  const notice = official.getByRole('listitem').filter({ hasText: NOTICE })
  await notice.getByRole('button', { name: 'Dismiss' }).click()
  await expect(toasts(page)).toContainText(`Dismissed: ${NOTICE}`)
  await expect(official.getByRole('listitem')).toHaveCount(1)

  // Record an event citing the request for comments: the document becomes a source.
  const comments = official.getByRole('listitem').filter({ hasText: COMMENTS })
  await expect(comments).toContainText(`${COMMENTS}, Proposed Rule, published Nov 25, 2026`)
  await comments.getByRole('button', { name: 'Record event citing it…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Record event' })
  await expect(dialog).toContainText(`The event will cite: ${COMMENTS}`)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  await expect(official.getByRole('listitem')).toHaveCount(0)
  await expect(official).toContainText('No new documents.')
  await expect(page.getByRole('region', { name: 'Sources' }).getByRole('link', { name: COMMENTS })).toBeVisible()

  // Needs review no longer lists either; the next check finds them again but lists nothing new.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  await network.getByRole('button', { name: 'Check now' }).click()
  await expect(network.getByRole('button', { name: 'Check now' })).toBeEnabled()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Needs review' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Needs review' })).toBeVisible()
  await expect(page.getByRole('region', { name: /new official document/ })).toHaveCount(0)
})

test('offline: Settings says "not checked since …" and nothing else changes', async ({ page }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  const network = page.getByRole('region', { name: 'Network' })
  await network.getByRole('checkbox', { name: 'Watch the Federal Register' }).check()
  await expect(network.getByTestId('network-fr-last')).toHaveText(/^Last checked /)
  await server.close()
  await network.getByRole('button', { name: 'Check now' }).click()
  await expect(network.getByTestId('network-fr-last')).toHaveText(/^Not checked since .+: 127\.0\.0\.1:\d+ could not be reached/)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Needs review' }).click()
  await expect(page.getByRole('region', { name: '2 new official documents' }).getByRole('listitem')).toHaveCount(2)
  server = await startWatchServer()
})
