// One `page` for both projects: in `web` a Chromium page on the browser host over a temporary
// database; in `electron` the real app's first window over its own temporary database.
import { test as base, expect, _electron, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startWebHost, type WebHost } from '../../src/web/host.ts'
import { electronBinaryPath, NO_ELECTRON_REASON } from './electron-binary.ts'

export interface AppFixture {
  /** The database file the app under test uses (for the command line to write to). */
  dbPath: string
  /** The browser host (web project only). */
  host: WebHost | null
}

export const test = base.extend<{ app: AppFixture; page: Page }>({
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
      await page.goto(app.host!.url)
      await use(page)
      return
    }
    const binary = electronBinaryPath()
    test.skip(binary === null, NO_ELECTRON_REASON)
    const electronApp = await _electron.launch({
      executablePath: binary!,
      args: ['out/main/index.js', `--db=${app.dbPath}`],
      env: { ...process.env, MEASURE_TRACKER_DB: app.dbPath },
    })
    const window = await electronApp.firstWindow()
    await use(window)
    await electronApp.close()
  },
})

export { expect }
