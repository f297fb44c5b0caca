// The signed dataset feed (issue 16), in Chromium against the browser host: set up in Settings →
// Dataset feed with the keyboard, checked by the host (never the page) against a loopback HTTPS
// server whose test certificate only the host's injected fetch trusts. A tampered file is refused
// with a clear message; a signed newer version waits and "Review update" opens the update review.
// Settings is audited by axe with both results shown. No request leaves the machine.
import { generateKeyPairSync, sign } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './support/fixtures.ts'
import { audit, type Finding } from './support/axe.ts'
import { CORRECTED, datasetNextVersion } from '../test/fixtures/dataset-update.ts'
import { TEST_CA, fetchTrusting, sendBytes, startHttpsFeedServer, type HttpsFeedServer } from '../test/helpers/https-feed-server.ts'
import { startWebHost, type WebHost } from '../src/web/host.ts'

const trusted = generateKeyPairSync('ed25519')
const TRUSTED_KEY = trusted.publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64')

let server: HttpsFeedServer
let host: WebHost
let dir: string

test.skip(({ projectName }) => projectName !== 'web', 'web-only: the test gives the browser host a fetch that trusts the test certificate')

function serve(bytes: Buffer, signedBytes = bytes): void {
  server.route('/feed.json', sendBytes(bytes))
  server.route('/feed.json.sig', sendBytes(sign(null, signedBytes, trusted.privateKey).toString('base64'), 'text/plain'))
}

test.beforeEach(async ({ page }) => {
  server = await startHttpsFeedServer()
  dir = mkdtempSync(join(tmpdir(), 'mt-e2e-feed-'))
  host = await startWebHost({ dbPath: join(dir, 'measures.db'), rendererDir: 'out/renderer', watch: { fetch: fetchTrusting(TEST_CA) } })
  await page.goto(host.url)
})

test.afterEach(async () => {
  await host.close()
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

test('a tampered file is refused; a signed newer dataset waits and opens in the update review', async ({ page }) => {
  const signed = Buffer.from(JSON.stringify(datasetNextVersion()))
  serve(Buffer.from(signed.toString().replace(CORRECTED.at, '2030-01-01T00:00:00-05:00[America/New_York]')), signed)

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  const panel = page.getByRole('region', { name: 'Dataset feed' })
  await expect(panel.getByTestId('dataset-feed-last')).toHaveText('The feed has not been checked yet.')
  await expect(page.getByTestId('network-dataset-feed')).toContainText('Not set up: nothing is contacted.')

  // Set up with the keyboard.
  await panel.getByRole('textbox', { name: 'Feed address' }).focus()
  await page.keyboard.type(`${server.origin}/feed.json`)
  await page.keyboard.press('Tab')
  await expect(panel.getByRole('textbox', { name: 'Trusted public key' })).toBeFocused()
  await page.keyboard.type(TRUSTED_KEY)
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(panel.getByRole('button', { name: 'Save feed settings' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(panel.getByTestId('dataset-feed-key')).toContainText(TRUSTED_KEY)
  await expect(page.getByTestId('network-dataset-feed')).toContainText(
    `Contacts ${server.origin}/feed.json and ${server.origin}/feed.json.sig`,
  )
  expect(server.requests).toEqual([])

  await panel.getByRole('button', { name: 'Check feed now' }).click()
  await expect(panel.getByTestId('dataset-feed-last')).toContainText('the signature does not match the key you trust')
  await expect(panel.getByRole('button', { name: 'Review update' })).toHaveCount(0)
  const findings: Finding[] = []
  await audit(page, 'settings, dataset feed refused', findings)

  serve(signed)
  await panel.getByRole('button', { name: 'Check feed now' }).click()
  await expect(panel.getByTestId('dataset-feed-waiting')).toContainText('us-cn-truce-2025 v4 is verified and waiting for your review')
  await audit(page, 'settings, dataset feed waiting', findings)
  expect(findings).toEqual([])

  await panel.getByRole('button', { name: 'Review update' }).click()
  await expect(page).toHaveURL(/\/dataset-update\?source=feed$/)
  await expect(page.getByRole('heading', { level: 2, name: 'Review: the dataset feed' })).toBeVisible()
})
