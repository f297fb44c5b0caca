// Issue 4, section 1: "A test feeds a list of at least 30 hostile inputs … and proves in Chromium
// that none runs." Every entry of test/hostile-notes.ts becomes a note on one measure (imported
// with the command line before the page loads), the measure page shows them all, and:
// - nothing ran: no dialog in any frame, alert/confirm/prompt never called, window.__pwned never
//   written, no Content-Security-Policy violation reported (nothing even tried to load or run);
// - nothing is there that could run: the Notes region holds no <script>, <iframe>, <object>,
//   <embed>, <style>, <svg>, <img> (or other active) element, no on* attribute, no URL attribute
//   with a scheme other than http(s)/mailto, and the rendered notes use only the tags markdown-it
//   writes (test/helpers/html-safety.ts audits each note's HTML as well);
// - nothing was fetched: every request of the page went to the browser host on 127.0.0.1;
// - the markup is shown as text, as typed;
// - every link, clicked as a person clicks, leaves the app where it was and opens (if at all) an
//   http(s) page outside it (web project; the desktop app hands links to the system browser).
// The same notes, pinned, go into the status report's preview (issue 5: "A hostile note stays
// inert in the report"), checked the same way inside the preview frame.
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './support/fixtures.ts'
import { AFFILIATES, datasetTitle, tallWindow } from './support/board.ts'
import { importNotes } from './support/exchange.ts'
import { noteItems, notesRegion, openMeasureFromBoard, toasts } from './support/measure-page.ts'
import { armTripwires, type Tripwires } from './support/traps.ts'
import { HOSTILE_NOTES } from '../test/hostile-notes.ts'
import { SAFE_TAGS, schemeOf, unsafeHtmlFindings } from '../test/helpers/html-safety.ts'

const affiliates = datasetTitle(AFFILIATES)
const ALLOWED_SCHEMES = ['http:', 'https:', 'mailto:']

/** Elements that can run, load or embed something: none may appear where notes are shown. */
const ACTIVE_ELEMENTS = [
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'style',
  'link',
  'meta',
  'base',
  'svg',
  'math',
  'img',
  'picture',
  'source',
  'video',
  'audio',
  'track',
  'image',
  'form',
  'template',
  'portal',
]
const URL_ATTRIBUTES = [
  'href',
  'src',
  'srcset',
  'srcdoc',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'background',
  'ping',
  'codebase',
  'cite',
]

interface DomAudit {
  active: string[]
  handlers: string[]
  urls: { tag: string; attribute: string; value: string }[]
  tags: string[]
  markdownHtml: string[]
}

/** What is in `root`: active elements, on* attributes, URL attributes, the tags inside rendered Markdown. */
async function auditDom(root: Locator, active: string[], urlAttributes: string[]): Promise<DomAudit> {
  return root.evaluate(
    (element, { active, urlAttributes }) => {
      const all = [element, ...element.querySelectorAll('*')]
      const audit: DomAudit = { active: [], handlers: [], urls: [], tags: [], markdownHtml: [] }
      for (const node of all) {
        const tag = node.localName
        if (active.includes(tag)) audit.active.push(node.outerHTML.slice(0, 120))
        for (const attribute of node.getAttributeNames()) {
          const lower = attribute.toLowerCase()
          if (lower.startsWith('on')) audit.handlers.push(`<${tag} ${attribute}="${(node.getAttribute(attribute) ?? '').slice(0, 60)}">`)
          if (urlAttributes.includes(lower)) audit.urls.push({ tag, attribute: lower, value: node.getAttribute(attribute) ?? '' })
        }
      }
      for (const markdown of element.querySelectorAll('.markdown')) {
        audit.markdownHtml.push(markdown.innerHTML)
        for (const inner of markdown.querySelectorAll('*')) audit.tags.push(inner.localName)
      }
      return audit
    },
    { active, urlAttributes },
  )
}

/** A short pause after rendering: an onerror/onload/timer would have fired by now. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  await page.waitForTimeout(750)
}

/**
 * The app's own CSP violations at start-up, before any note is shown: none. (zod's eval probe used
 * to be refused here on every load, because the bundler ran the schemas' chunk before the module
 * that sets `z.config({ jitless: true })`; the build now keeps both in zod's own chunk.)
 */
async function startupViolations(page: Page, traps: Tripwires): Promise<string[]> {
  await settle(page)
  const { violations } = await traps.inPage()
  expect(violations, 'CSP violations at start-up').toEqual([])
  return violations
}

async function expectNothingRan(page: Page, traps: Tripwires, baseline: string[]): Promise<void> {
  const inPage = await traps.inPage()
  expect(traps.dialogs, 'dialogs opened').toEqual([])
  expect(inPage.trapped, 'alert/confirm/prompt calls, __pwned writes').toEqual([])
  expect(inPage.violations, 'CSP violations since start-up (something tried to run or load)').toEqual(baseline)
  expect(inPage.pwned).toBeUndefined()
  expect(await page.evaluate(() => typeof (window as Window & { __pwned?: unknown }).__pwned)).toBe('undefined')
  expect(traps.strayRequests, 'requests that left 127.0.0.1 or used javascript:/data:').toEqual([])
  expect(traps.requests.length).toBeGreaterThan(0)
}

test.beforeEach(async ({ page }) => {
  await tallWindow(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Status board' })).toBeVisible()
})

test(`all ${HOSTILE_NOTES.length} hostile notes render on a measure page and none of them runs, loads or links anywhere but http(s)/mailto`, async ({
  page,
  app,
  projectName,
}) => {
  test.slow()
  expect(HOSTILE_NOTES.length).toBeGreaterThanOrEqual(30)
  await importNotes(app.dbPath, AFFILIATES, HOSTILE_NOTES, { prefix: 'hostile' })
  const traps = await armTripwires(page, page.context())
  // Popups (external links opened with window.open): counted and closed at once.
  let popups = 0
  page.context().on('page', (popup) => {
    popups++
    void popup.close().catch(() => undefined)
  })
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Status board' })).toBeVisible()
  const baseline = await startupViolations(page, traps)

  await openMeasureFromBoard(page, affiliates)
  const notes = notesRegion(page)
  await expect(noteItems(page)).toHaveCount(HOSTILE_NOTES.length)
  // Every note's Markdown has rendered (the renderer is loaded on first use).
  await expect(notes.locator('.markdown')).toHaveCount(HOSTILE_NOTES.length)
  await settle(page)
  const url = page.url()

  // Shown as text, exactly as typed.
  const text = await notes.innerText()
  for (const sample of [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<style>@import url("https://evil.example/x.css");',
  ]) {
    expect(text, `shows ${sample} as text`).toContain(sample)
  }

  const audit = await auditDom(notes, ACTIVE_ELEMENTS, URL_ATTRIBUTES)
  expect(audit.active, 'active elements in the Notes region').toEqual([])
  expect(audit.handlers, 'event-handler attributes in the Notes region').toEqual([])
  const badUrls = audit.urls.filter(({ value }) => !ALLOWED_SCHEMES.includes(schemeOf(value) ?? 'relative'))
  expect(badUrls, 'URL attributes other than http(s)/mailto').toEqual([])
  expect(audit.urls.every(({ attribute }) => attribute === 'href')).toBe(true)
  expect(
    [...new Set(audit.tags)].filter((tag) => !SAFE_TAGS.has(tag)),
    'tags markdown-it does not write',
  ).toEqual([])
  expect(audit.markdownHtml).toHaveLength(HOSTILE_NOTES.length)
  const findings = audit.markdownHtml.flatMap((html, i) => unsafeHtmlFindings(html).map((finding) => `note ${i}: ${finding}`))
  expect(findings, 'html-safety audit of each rendered note').toEqual([])
  await expectNothingRan(page, traps, baseline)

  // The editor's preview renders through the same component: a few of the worst, previewed.
  for (const index of [0, 2, 4, 11, 46]) {
    const item = noteItems(page).nth(index)
    await item.getByRole('button', { name: 'Edit note' }).click()
    await item.getByRole('button', { name: 'Preview' }).click()
    const preview = item.getByRole('region', { name: 'Preview of the note' })
    await expect(preview).toBeVisible()
    await expect(preview.locator('.markdown')).toHaveCount(1)
    const previewed = await auditDom(preview, ACTIVE_ELEMENTS, URL_ATTRIBUTES)
    expect(previewed.active).toEqual([])
    expect(previewed.handlers).toEqual([])
    expect(previewed.urls.filter(({ value }) => !ALLOWED_SCHEMES.includes(schemeOf(value) ?? 'relative'))).toEqual([])
    await item.getByRole('button', { name: 'Cancel' }).click()
    await expect(item.getByRole('button', { name: 'Edit note' })).toBeVisible()
  }
  await settle(page)
  await expectNothingRan(page, traps, baseline)

  // Every link, clicked as a person clicks it: the app stays where it is.
  const links = notes.locator('.markdown a')
  const count = await links.count()
  expect(count).toBeGreaterThan(0)
  const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''))
  for (const href of hrefs) expect(ALLOWED_SCHEMES, href).toContain(schemeOf(href))
  if (projectName !== 'web') {
    // The desktop app opens links in the system browser (shell.openExternal): not from a test.
    test.info().annotations.push({ type: 'skipped part', description: 'link clicks: the electron app would open the system browser' })
    return
  }
  for (let i = 0; i < count; i++) {
    await links.nth(i).click()
    await expect(page).toHaveURL(url)
  }
  const webLinks = hrefs.filter((href) => /^https?:/i.test(href))
  // Each web link went to window.open (noopener), once; mailto: is refused by openExternal with a toast.
  await expect.poll(async () => (await traps.inPage()).opened.length).toBe(webLinks.length)
  const opened = (await traps.inPage()).opened
  expect(opened).toEqual(webLinks)
  for (const target of opened) expect(['http:', 'https:']).toContain(schemeOf(target))
  if (hrefs.some((href) => href.startsWith('mailto:'))) await expect(toasts(page)).toContainText('Could not open the link')
  await expect.poll(() => popups).toBe(webLinks.length)
  await expect.poll(() => page.context().pages().length).toBe(1)
  await expect(page).toHaveURL(url)
  await expect(page.getByRole('heading', { level: 1, name: affiliates })).toBeVisible()
  await expect(noteItems(page)).toHaveCount(HOSTILE_NOTES.length)
  await expectNothingRan(page, traps, baseline)
})

test('the same notes, pinned, stay inert in the status report’s preview', async ({ page, app }) => {
  test.slow()
  await importNotes(app.dbPath, AFFILIATES, HOSTILE_NOTES, { prefix: 'hostile', pinned: true })
  const traps = await armTripwires(page, page.context())
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Status board' })).toBeVisible()
  const baseline = await startupViolations(page, traps)

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Report' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Status report' })).toBeVisible()
  const include = page.getByRole('checkbox', { name: 'Include pinned notes' })
  await include.check()
  await expect(page.getByRole('status').filter({ hasText: 'Preview up to date.' })).toBeVisible()
  const frame = page.getByTitle('Report preview').contentFrame()
  await expect(frame.locator('body')).toContainText('<script>alert(1)</script>')
  await expect(frame.locator('body')).toContainText('<img src=x onerror=alert(1)>')
  await settle(page)

  const audit = await auditDom(
    frame.locator('body'),
    ACTIVE_ELEMENTS.filter((tag) => tag !== 'template'),
    URL_ATTRIBUTES,
  )
  expect(audit.active, 'active elements in the report').toEqual([])
  expect(audit.handlers, 'event-handler attributes in the report').toEqual([])
  // The report's own footnote links are fragments; everything else is http(s)/mailto.
  const badUrls = audit.urls.filter(({ value }) => !value.startsWith('#') && !ALLOWED_SCHEMES.includes(schemeOf(value) ?? 'relative'))
  expect(badUrls, 'URL attributes other than http(s)/mailto/#fragment in the report').toEqual([])
  // The frame may never run anything: no allow-scripts in its sandbox.
  expect((await page.getByTitle('Report preview').getAttribute('sandbox'))?.split(/\s+/)).not.toContain('allow-scripts')
  await expectNothingRan(page, traps, baseline)
})
