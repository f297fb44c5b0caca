// Type-checked with tsconfig.browser-tests.json (Node plus the DOM types page.evaluate needs).
// Two projects run the same specs: `web` (Debian's Chromium against the browser host) and
// `electron` (the real app, only where an Electron binary exists; skipped with the reason
// otherwise). Playwright's own browser download is never used.
import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/helpers/chromium.ts'

export { CHROMIUM_ARGS, CHROMIUM_PATH }

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  // On GitHub Actions (.github/workflows/ci.yml) also an HTML report, uploaded when a run fails.
  reporter: process.env.GITHUB_ACTIONS ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    locale: 'en-US',
    timezoneId: 'America/New_York',
    // Traces and screenshots of failures on GitHub, where nobody can look at the run afterwards.
    trace: process.env.GITHUB_ACTIONS ? 'retain-on-failure' : 'off',
    screenshot: process.env.GITHUB_ACTIONS ? 'only-on-failure' : 'off',
  },
  projects: [{ name: 'web' }, { name: 'electron' }],
})
