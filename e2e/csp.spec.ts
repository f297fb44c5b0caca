// The Content-Security-Policy in force on the Electron app's page, checked in a real Chromium.
//
// web project: the built page (out/renderer) served by the app scheme's own handler
// (src/main/app-protocol.ts) behind a loopback HTTP server (support/app-scheme-server.ts), so
// Chromium enforces exactly the header and the <meta> tag that measure-tracker://app/ sends — once
// with both, once with the <meta> tag alone (what still applies if anything bypassed the header).
// electron project: the same checks in the real app's window, on the real scheme (only where an
// Electron binary exists).
//
// The attack: a script that got into the page (a future XSS) tries to load a script from the
// disk or from a data: URL, or to read a local file with fetch. On the old file:// page, `'self'`
// meant every local file and both worked; here each must be refused by the policy (a
// securitypolicyviolation event, the script never runs, fetch rejects).
//
// Chromium's own rule that an http page may not load file: URLs would refuse the file: attempts
// before the policy is even asked (no violation event, nothing learnt about the policy). Electron
// has no such rule for its app scheme's pages to lean on, so the web tests run Chromium with
// --disable-web-security: that rule is off, and the policy alone stands between page and disk.
import { test, expect, type Page } from '@playwright/test'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { APP_INDEX_URL } from '../src/main/app-scheme.ts'
import { strictPolicyProblems } from '../src/main/csp-check.ts'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config.ts'
import { startAppSchemeServer } from './support/app-scheme-server.ts'
import { electronBinaryPath, NO_ELECTRON_REASON } from './support/electron-binary.ts'
import { launchElectronApp } from './support/electron-launch.ts'

const WEB_PROJECT_ONLY =
  'Chromium against the scheme handler over loopback HTTP: run once, in the web project (the electron project checks the real scheme below)'
const ELECTRON_PROJECT_ONLY = 'the real app window: electron project only (the web project checks the same handler in Chromium above)'

interface Violation {
  directive: string
  blocked: string
}

declare global {
  interface Window {
    __cspViolations?: Violation[]
    __fileScriptRan?: boolean
    __dataScriptRan?: boolean
  }
}

/** Records every policy violation from the first moment of the page (before the app's scripts). */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: { directive: string; blocked: string }[] = []
    Object.defineProperty(window, '__cspViolations', { value: seen, configurable: false })
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI })
    })
  })
}

const violations = (page: Page) => page.evaluate(() => [...(window.__cspViolations ?? [])])

/** Adds <script src> to the page; resolves 'load' or 'error'. */
const injectScript = (page: Page, src: string) =>
  page.evaluate(
    (source) =>
      new Promise<string>((resolve) => {
        const script = document.createElement('script')
        script.src = source
        script.onload = () => resolve('load')
        script.onerror = () => resolve('error')
        document.head.append(script)
      }),
    src,
  )

/** The attacks, and what the page must observe: each refused by the policy. */
async function expectLocalFilesOutOfReach(page: Page, scriptDir: string): Promise<void> {
  // The app's own scripts ran under the policy and nothing of its own was refused — not even
  // zod's eval probe, which the build keeps behind `z.config({ jitless: true })`.
  await expect(page.locator('#app > *').first()).toBeAttached()
  expect(await violations(page)).toEqual([])

  const scriptFile = join(scriptDir, 'injected.js')
  writeFileSync(scriptFile, 'window.__fileScriptRan = true\n')
  expect(await injectScript(page, pathToFileURL(scriptFile).href)).toBe('error')
  expect(await page.evaluate(() => window.__fileScriptRan)).toBeUndefined()
  await expect.poll(() => violations(page)).toContainEqual({ directive: 'script-src-elem', blocked: expect.stringMatching(/^file/) })

  expect(await injectScript(page, 'data:text/javascript,window.__dataScriptRan=true')).toBe('error')
  expect(await page.evaluate(() => window.__dataScriptRan)).toBeUndefined()
  await expect.poll(() => violations(page)).toContainEqual({ directive: 'script-src-elem', blocked: 'data' })

  const fetched = await page.evaluate(() =>
    fetch('file:///etc/hostname').then(
      async (response) => `read ${response.status}: ${await response.text()}`,
      (error: unknown) => `rejected: ${(error as Error).name}`,
    ),
  )
  expect(fetched).toBe('rejected: TypeError')
  await expect.poll(() => violations(page)).toContainEqual({ directive: 'connect-src', blocked: expect.stringMatching(/^file/) })
}

// The whole file (Playwright cannot change the browser's launch options for one group only).
test.use({
  launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--disable-web-security'] },
})

test.describe('the policy the app scheme sends, enforced by Chromium', () => {
  let scriptDir: string
  // Playwright reads fixtures from the first parameter's destructuring: none are needed here.
  // eslint-disable-next-line no-empty-pattern
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== 'web', WEB_PROJECT_ONLY)
    scriptDir = mkdtempSync(join(tmpdir(), 'mt-csp-'))
  })
  test.afterEach(() => {
    if (scriptDir) rmSync(scriptDir, { recursive: true, force: true })
  })

  test('the header and the <meta> tag together keep file: and data: scripts and file: fetches out', async ({ page }) => {
    const server = await startAppSchemeServer({ rendererDir: 'out/renderer' })
    try {
      await recordViolations(page)
      const response = await page.goto(server.url)
      const header = response?.headers()['content-security-policy'] ?? ''
      expect(strictPolicyProblems(header, 'header')).toEqual([])
      await expectLocalFilesOutOfReach(page, scriptDir)
    } finally {
      await server.close()
    }
  })

  test('the <meta> tag alone (no header) keeps them out too', async ({ page }) => {
    const server = await startAppSchemeServer({ rendererDir: 'out/renderer', withoutCspHeader: true })
    try {
      await recordViolations(page)
      const response = await page.goto(server.url)
      expect(response?.headers()['content-security-policy']).toBeUndefined()
      await expectLocalFilesOutOfReach(page, scriptDir)
    } finally {
      await server.close()
    }
  })

  test('the scheme refuses paths out of the renderer folder', async ({ page }) => {
    const server = await startAppSchemeServer({ rendererDir: 'out/renderer' })
    try {
      const origin = new URL(server.url).origin
      for (const path of ['/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/.%2e/main/index.js']) {
        const response = await page.request.get(`${origin}${path}`)
        expect([403, 404], path).toContain(response.status())
      }
    } finally {
      await server.close()
    }
  })
})

test.describe('the policy in force in the real app', () => {
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixtures from this destructuring; none are needed
  test('the window is on measure-tracker://app/ and keeps file: and data: scripts and file: fetches out', async ({}, testInfo) => {
    test.skip(testInfo.project.name !== 'electron', ELECTRON_PROJECT_ONLY)
    test.skip(electronBinaryPath() === null, NO_ELECTRON_REASON)
    const dir = mkdtempSync(join(tmpdir(), 'mt-csp-electron-'))
    const { electronApp, window } = await launchElectronApp(join(dir, 'measures.db'))
    try {
      // The first window was already loading: record from a fresh load of the same page.
      await recordViolations(window)
      await window.reload()
      expect(window.url().split('#')[0]).toBe(APP_INDEX_URL)
      await expectLocalFilesOutOfReach(window, dir)
    } finally {
      await electronApp.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
