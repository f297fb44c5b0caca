// The HTML report printed to PDF in Chromium (page.pdf with the app's print settings) and read
// back with pdftotext: what a manager holds in their hand. One browser per file.
import { chromium, type Browser, type Page } from '@playwright/test'
import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { reportOptionsSchema, type ReportOptions } from '../../shared/api-inputs.ts'
import { translator } from '../../shared/i18n/translate.ts'
import { loadReport } from '../service/report.ts'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import { CHROMIUM_ARGS, CHROMIUM_PATH as CHROMIUM } from '../../../test/helpers/chromium.ts'
import { HOSTILE_NOTES } from '../../../test/hostile-notes.ts'
import { renderHtml } from './html.ts'
import type { ReportMeasure, ReportModel } from './model-types.ts'
import { playwrightPdfOptions } from './print.ts'

const AT = '2026-11-01T12:00:00-05:00[America/New_York]'
const HOSTILE_NOTE = 'Hostile <img src=x onerror=alert(1)> and [x](javascript:alert(1)) and <script>window.__pwned=1</script> **bold**'
const HOSTILE_TITLE = 'Port fees <script>window.__pwned=2</script><img src=x onerror="window.__pwned=3">'

/** Printing a report takes a second or two; a loaded CI machine may take many times that. */
const TIMEOUT = 120_000

// Skipped only where Debian's chromium or poppler's pdftotext is missing: printing needs the one,
// reading the PDF back the other. .ci/run installs both, so CI always runs these.
const available = existsSync(CHROMIUM) && spawnSync('pdftotext', ['-v']).status === 0

let browser: Browser
let temp: TempStore

beforeAll(async () => {
  if (available) browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
}, 60_000)
afterAll(async () => {
  await browser?.close()
})
beforeEach(async () => {
  temp = await openTempStore({ nowMs: () => Date.parse('2026-11-02T08:00:00Z') })
})
afterEach(() => temp.cleanup())

function report(options: Partial<ReportOptions>): ReportModel {
  return loadReport(temp.store.core.context, reportOptionsSchema.parse({ at: AT, ...options }))
}

async function withPage<T>(work: (page: Page) => Promise<T>): Promise<T> {
  const page = await browser.newPage()
  try {
    return await work(page)
  } finally {
    await page.close()
  }
}

interface Printed {
  /** pdftotext -layout, pages separated by form feeds. */
  layout: string
  /** pdftotext -raw (content order: each table cell's text together), whitespace removed. */
  flat: string
  pages: string[]
}

function pdftotext(file: string, mode: '-layout' | '-raw'): string {
  const run = spawnSync('pdftotext', ['-enc', 'UTF-8', mode, file, '-'], { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`)
  return run.stdout
}

const squash = (text: string) => text.replace(/\s+/g, '')
const spaced = (text: string) => text.replace(/[ \t]+/g, ' ')

async function print(model: ReportModel, name: string): Promise<Printed> {
  const pdf = await withPage(async (page) => {
    await page.emulateMedia({ media: 'print' })
    await page.setContent(renderHtml(model))
    return page.pdf(playwrightPdfOptions(model.options))
  })
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  const file = join(temp.dir, `${name}.pdf`)
  writeFileSync(file, pdf)
  const layout = pdftotext(file, '-layout')
  return { layout, flat: squash(pdftotext(file, '-raw')), pages: layout.split('\f').filter((page) => page.trim() !== '') }
}

/** Every check the printed report must pass, in any language. */
function expectComplete(model: ReportModel, printed: Printed): void {
  const t = translator(model.lang)
  const asOf = t('report.asOf', { at: model.asOf.text })
  // The as-of line (the document's own, and the running header's on every page).
  expect(spaced(printed.layout)).toContain(spaced(asOf))
  const total = printed.pages.length
  expect(total).toBeGreaterThan(1)
  printed.pages.forEach((page, index) => {
    expect(spaced(page), `footer of page ${index + 1}`).toContain(spaced(t('report.page', { page: index + 1, pages: total })))
    expect(squash(page), `header of page ${index + 1}`).toContain(squash(`${model.title} — ${asOf}`))
  })
  // Every measure in the tables: its title with its footnote marks, then its status and next deadline.
  const check = (m: ReportMeasure) => {
    const marker = squash(`${m.title} [${m.footnotes.join(', ')}]`)
    const at = printed.flat.indexOf(marker)
    expect(at, `${m.id}: title "${m.title}" with its footnotes`).toBeGreaterThanOrEqual(0)
    const row = printed.flat.slice(at + marker.length, at + marker.length + 1500)
    expect(row, `${m.id}: status`).toContain(squash(m.statusLabel))
    if (m.next) {
      expect(row, `${m.id}: next deadline`).toContain(squash(`${m.next.label}${m.next.text}`))
    }
  }
  expect(model.measures.length).toBeGreaterThan(0)
  model.measures.forEach(check)
  // The deadlines and the needs-review list.
  for (const d of model.deadlines) expect(printed.flat, `deadline of ${d.measureId}`).toContain(squash(`${d.text}`))
  for (const r of model.needsReview) expect(printed.flat).toContain(squash(r.reason.reason))
  // The footnotes: each number once, with its source's title and URL.
  expect(model.footnotes.length).toBeGreaterThan(0)
  for (const f of model.footnotes) {
    expect(printed.flat, `footnote ${f.number}`).toContain(squash(`[${f.number}]${f.title}`))
    expect(printed.flat, `footnote ${f.number} URL`).toContain(squash(f.url))
  }
  expect(printed.flat).toContain(squash(t('report.sources.heading')))
}

describe.skipIf(!available)('report printed to PDF in Chromium', () => {
  it(
    'in English, A4 landscape: as-of line, every measure’s title, status and next deadline, footnotes, page numbers',
    async () => {
      const model = report({ lang: 'en' })
      const printed = await print(model, 'en')
      expectComplete(model, printed)
      expect(printed.layout).toContain('As of Nov 1, 2026, 12:00 EST')
      expect(printed.layout).toMatch(/Page 1 of \d+/)
    },
    TIMEOUT,
  )

  it(
    'in traditional Chinese, Letter portrait',
    async () => {
      const model = report({ lang: 'zh-Hant', paper: 'Letter', orientation: 'portrait' })
      const printed = await print(model, 'zh-Hant')
      expectComplete(model, printed)
      expect(printed.flat).toContain(squash('對美船舶收取船舶特別港務費'))
      expect(printed.layout).toContain('第 1 頁')
    },
    TIMEOUT,
  )

  it(
    'in simplified Chinese, with times in Beijing',
    async () => {
      const model = report({ lang: 'zh-Hans', tz: 'Asia/Shanghai' })
      const printed = await print(model, 'zh-Hans')
      expectComplete(model, printed)
      expect(printed.flat).toContain(squash('对美船舶收取船舶特别港务费'))
    },
    TIMEOUT,
  )

  it(
    'keeps a hostile note and a hostile title inert: no script, no handler, no javascript: link, nothing loaded',
    async () => {
      expect(temp.store.core.call('notes.add', { measureId: 'us-bis-affiliates-rule', body: HOSTILE_NOTE, pinned: true }).ok).toBe(true)
      // And the project's whole list of hostile notes, pinned on another measure.
      for (const body of HOSTILE_NOTES)
        expect(temp.store.core.call('notes.add', { measureId: 'us-ustr-301-ships', body, pinned: true }).ok).toBe(true)
      expect(temp.store.core.call('measures.update', { id: 'cn-mot-special-port-fees', facts: { title: { en: HOSTILE_TITLE } } }).ok).toBe(
        true,
      )
      const model = report({ includeNotes: true })
      const html = renderHtml(model)
      const seen = await withPage(async (page) => {
        const events: string[] = []
        page.on('dialog', (dialog) => {
          events.push(`dialog ${dialog.message()}`)
          // A failed dismissal is an event too: the test expects none.
          dialog.dismiss().catch((error: unknown) => events.push(`dismiss failed ${String(error)}`))
        })
        page.on('request', (request) => events.push(`request ${request.url()}`))
        await page.setContent(html)
        const dom = await page.evaluate(() => {
          // Runs in the page; typed structurally because this project compiles without the DOM lib.
          interface El {
            attributes: ArrayLike<{ name: string }>
            outerHTML: string
            textContent: string | null
            getAttribute(name: string): string | null
          }
          interface Doc {
            images: ArrayLike<unknown>
            querySelectorAll(selector: string): ArrayLike<El>
            querySelector(selector: string): El | null
            getElementById(id: string): El | null
          }
          const page = globalThis as unknown as { document: Doc; __pwned?: unknown }
          const document = page.document
          const elements = Array.from(document.querySelectorAll('*'))
          const urls = elements
            .flatMap((el) => ['href', 'src', 'action', 'formaction'].map((name) => el.getAttribute(name) ?? ''))
            .filter((url) => url !== '')
          return {
            scripts: document.querySelectorAll('script').length,
            pwned: typeof page.__pwned,
            handlers: elements
              .filter((el) => Array.from(el.attributes).some((a) => a.name.toLowerCase().startsWith('on')))
              .map((el) => el.outerHTML.slice(0, 80)),
            unsafeUrls: urls.filter((url) => !/^(https?:\/\/[^/]|mailto:|#[a-z0-9-]+$)/i.test(url)),
            images: document.images.length,
            noteText: document.querySelector('#note-us-bis-affiliates-rule .md')?.textContent ?? '',
            notes: document.querySelectorAll('.notes .md').length,
            noteLinks: Array.from(document.querySelectorAll('.notes .md a')).map((a) => a.getAttribute('href')),
            title: document.getElementById('m-cn-mot-special-port-fees')?.textContent ?? '',
          }
        })
        return { dom, events }
      })
      expect(seen.dom.scripts).toBe(0)
      expect(seen.dom.pwned).toBe('undefined')
      expect(seen.dom.handlers).toEqual([])
      expect(seen.dom.unsafeUrls).toEqual([])
      expect(seen.dom.images).toBe(0)
      expect(seen.events).toEqual([])
      // The hostile text is shown as the text it is.
      expect(seen.dom.noteText).toContain('<img src=x onerror=alert(1)>')
      expect(seen.dom.noteText).toContain('<script>window.__pwned=1</script>')
      expect(seen.dom.noteText).toContain('[x](javascript:alert(1))')
      expect(seen.dom.notes).toBe(HOSTILE_NOTES.length + 1)
      expect(seen.dom.noteLinks.filter((href) => !/^(https?:\/\/[^/]|mailto:)/i.test(href ?? ''))).toEqual([])
      expect(seen.dom.title).toContain(HOSTILE_TITLE)
      // And it prints as text.
      const printed = await print(model, 'hostile')
      expect(printed.flat).toContain(squash('<script>window.__pwned=1</script>'))
    },
    TIMEOUT,
  )
})
