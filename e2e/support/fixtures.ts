// One `page` for both projects: in `web` a Chromium page on the browser host over a temporary
// database; in `electron` the real app's first window over its own temporary database.
import { test as base, expect, _electron, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { startWebHost, type WebHost } from '../../src/web/host.ts'
import { electronBinaryPath, NO_ELECTRON_REASON } from './electron-binary.ts'

export interface AppFixture {
  /** The database file the app under test uses (for the command line to write to). */
  dbPath: string
  /** The browser host (web project only). */
  host: WebHost | null
}

/** For specs that talk to the browser host itself (its HTTP refusals): they have no Electron form. */
export const WEB_ONLY_REASON = 'web-only: these checks speak HTTP to the browser host, which the Electron app does not use (it talks IPC)'

export const test = base.extend<{ app: AppFixture; page: Page }, { projectName: string }>({
  /** The Playwright project (`web` or `electron`), for `test.skip(({ projectName }) => …)`. */
  // Playwright reads the fixtures a function needs from its first parameter: `{}` is none.
  // eslint-disable-next-line no-empty-pattern
  projectName: [async ({}, use, workerInfo) => use(workerInfo.project.name), { scope: 'worker' }],
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use, testInfo) => {
    const dir = mkdtempSync(join(tmpdir(), 'mt-e2e-'))
    const dbPath = join(dir, 'measures.db')
    const host = testInfo.project.name === 'web' ? await startWebHost({ dbPath, port: 0, rendererDir: 'out/renderer' }) : null
    await use({ dbPath, host })
    await host?.close()
    rmSync(dir, { recursive: true, force: true })
  },
  page: async ({ app, page }, use, testInfo) => {
    if (testInfo.project.name === 'web') {
      // The address the host prints, secret and all, as a person would open it: the host sets
      // its session cookie in this context and redirects to the clean address. Reloads, new
      // pages of the same context and the page's own requests then carry the cookie.
      await page.goto(app.host!.url)
      await expect(page).toHaveURL((url) => `${url.origin}${url.pathname}${url.search}` === app.host!.baseUrl)
      await use(page)
      return
    }
    const binary = electronBinaryPath()
    test.skip(binary === null, NO_ELECTRON_REASON)
    // A profile of its own per test: the single-instance lock, the remembered language
    // (localStorage) and window bounds live there, so tests neither collide nor leak into each other.
    // Language and zone as in the web project's `use` (which does not reach Electron).
    const electronApp = await _electron.launch({
      executablePath: binary!,
      args: [`--user-data-dir=${join(dirname(app.dbPath), 'profile')}`, '--lang=en-US', 'out/main/index.js', `--db=${app.dbPath}`],
      env: { ...process.env, MEASURE_TRACKER_DB: app.dbPath, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US', TZ: 'America/New_York' },
    })
    const window = await electronApp.firstWindow()
    await use(window)
    await electronApp.close()
  },
})

export { expect }
