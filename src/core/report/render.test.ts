import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { reportOptionsSchema, type ReportOptions } from '../../shared/api-inputs.ts'
import { loadReport } from '../service/report.ts'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import { HOSTILE_NOTES } from '../../../test/hostile-notes.ts'
import { BOM, renderCsv } from './csv.ts'
import { cssString, csvSafe, escapeHtml, escapeMarkdown } from './escape.ts'
import { pageCounterContent, renderHtml } from './html.ts'
import { renderMarkdownReport } from './md.ts'
import type { ReportModel } from './model-types.ts'
import { statusTable } from './table.ts'

const AT = '2026-11-01T12:00:00-05:00[America/New_York]'
const HOSTILE_NOTE = 'Hostile <img src=x onerror=alert(1)> and [x](javascript:alert(1)) and <script>window.__pwned=1</script> **bold**'
const HOSTILE_TITLE = '=HYPERLINK("http://evil.example","x") <b onmouseover="alert(1)">|pipe|</b> "quoted"'

let temp: TempStore
beforeEach(async () => {
  temp = await openTempStore({ nowMs: () => Date.parse('2026-11-02T08:00:00Z') })
})
afterEach(() => temp.cleanup())

function report(options: Partial<ReportOptions> = {}): ReportModel {
  return loadReport(temp.store.core.context, reportOptionsSchema.parse({ at: AT, ...options }))
}

function makeHostile(): void {
  const note = temp.store.core.call('notes.add', { measureId: 'us-bis-affiliates-rule', body: HOSTILE_NOTE, pinned: true })
  expect(note.ok).toBe(true)
  const update = temp.store.core.call('measures.update', { id: 'cn-mot-special-port-fees', facts: { title: { en: HOSTILE_TITLE } } })
  expect(update.ok).toBe(true)
}

function parseCsv(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.slice(BOM.length), { skipEmptyLines: true })
  expect(parsed.errors).toEqual([])
  return parsed.data
}

describe('CSV', () => {
  for (const lang of ['en', 'zh-Hant', 'zh-Hans'] as const) {
    it(`starts with a byte-order mark and parses back to the status table (${lang})`, () => {
      const model = report({ lang })
      const csv = renderCsv(model)
      expect(csv.startsWith(BOM)).toBe(true)
      expect(csv.charCodeAt(1)).not.toBe(0xfeff)
      const { header, rows } = statusTable(model)
      expect(parseCsv(csv)).toEqual([header, ...rows])
      expect(rows).toHaveLength(model.totals.measures)
      expect(rows.map((row) => row[1])).toEqual(model.parties.flatMap((p) => p.measureIds))
    })
  }

  it('has localized headers and one row per measure with its status, next deadline and sources', () => {
    const model = report({ lang: 'zh-Hant' })
    const [header, ...rows] = parseCsv(renderCsv(model))
    expect(header?.slice(0, 3)).toEqual(['實施方', '代號', '措施'])
    const ports = rows.find((row) => row[1] === 'cn-mot-special-port-fees')
    expect(ports?.[2]).toBe('對美船舶收取船舶特別港務費')
    expect(ports?.[6]).toBe('暫停中')
    expect(ports?.[16]).toMatch(/^2026-11-10T00:01:00-05:00\[America\/New_York\]$|^2026-11-10T13:01:00\+08:00\[Asia\/Shanghai\]$/)
    expect(ports?.[14]).toMatch(/^https?:\/\//)
  })

  it('keeps a hostile title from running as a spreadsheet formula, and round-trips quotes and commas', () => {
    makeHostile()
    const model = report()
    const rows = parseCsv(renderCsv(model))
    const row = rows.find((r) => r[1] === 'cn-mot-special-port-fees')
    expect(row?.[2]).toBe(`'${HOSTILE_TITLE}`)
    const { rows: tableRows } = statusTable(model)
    expect(rows.slice(1)).toEqual(tableRows.map((r) => r.map(csvSafe)))
  })

  it('guards only formula-like cells', () => {
    expect(csvSafe('=1+1')).toBe("'=1+1")
    expect(csvSafe('+1')).toBe("'+1")
    expect(csvSafe('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvSafe('-cmd|x')).toBe("'-cmd|x")
    expect(csvSafe('-5%')).toBe('-5%')
    expect(csvSafe('10–15%')).toBe('10–15%')
    expect(csvSafe('暫停中')).toBe('暫停中')
  })
})

describe('HTML', () => {
  it('is one self-contained document: language, charset, CSP, inline style, no script, no external resource', () => {
    const html = renderHtml(report({ lang: 'zh-Hant' }))
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-Hant">')).toBe(true)
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"`)
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i)
    expect(html).not.toMatch(/\son[a-z]+=/i)
    expect(html).toContain('font-family: "Noto Sans CJK TC"')
  })

  it('sets the page size and orientation, margins, running header and footer with page numbers', () => {
    const landscape = renderHtml(report())
    expect(landscape).toContain('size: A4 landscape;')
    expect(landscape).toMatch(/@top-left \{ content: "Measure status report — As of Nov 1, 2026, 12:00 EST"/)
    expect(landscape).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);')
    expect(renderHtml(report({ paper: 'Letter', orientation: 'portrait' }))).toContain('size: letter portrait;')
    expect(renderHtml(report({ lang: 'zh-Hans' }))).toContain(
      `@bottom-right { content: ${cssString('第 ')} counter(page) ${cssString(' 页，共 ')} counter(pages) ${cssString(' 页')};`,
    )
  })

  it('keeps table rows whole and repeats table headers on every page', () => {
    const html = renderHtml(report())
    expect(html).toContain('thead { display: table-header-group; }')
    expect(html).toContain('tr, tbody.measure { break-inside: avoid; page-break-inside: avoid; }')
    // The measure with two counter-measures is one row group of two rows.
    const group = /<tbody class="measure"><tr><td rowspan="2" id="m-us-ustr-301-ships">[\s\S]*?<\/tbody>/.exec(html)?.[0] ?? ''
    expect(group.match(/<tr>/g)).toHaveLength(2)
    expect(group).toContain('Special port fees on US-linked vessels')
    expect(group).toContain('Countermeasures against five US subsidiaries of Hanwha Ocean')
  })

  it('escapes every piece of data and renders notes only through the safe Markdown renderer', () => {
    makeHostile()
    const html = renderHtml(report({ includeNotes: true }))
    expect(html).not.toMatch(/<script|<img|<b |href="javascript:/i)
    expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i)
    expect(html).toContain(escapeHtml(HOSTILE_TITLE))
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;')
    expect(html).toContain('<strong>bold</strong>')
  })

  it('cites each measure’s sources and lists every footnote once with its number and link', () => {
    const model = report()
    const html = renderHtml(model)
    for (const f of model.footnotes) {
      expect(html.split(`<li id="fn-${f.number}">`)).toHaveLength(2)
      expect(html).toContain(`<a href="${escapeHtml(f.url)}" target="_blank" rel="noopener noreferrer">`)
    }
    expect(html).toMatch(/<sup class="cites">\[<a href="#fn-\d+">\d+<\/a>/)
  })
})

describe('Markdown', () => {
  it('has the sections, a table per party, and footnote definitions for every source', () => {
    const model = report({ includeNotes: true })
    const md = renderMarkdownReport(model)
    expect(md.startsWith('# Measure status report\n')).toBe(true)
    expect(md).toContain('**As of Nov 1, 2026, 12:00 EST** (`2026-11-01T12:00:00-05:00[America/New_York]`)')
    expect(md).toContain('## Deadlines in the next 30 days')
    expect(md).toContain('### Measures imposed by United States (US)')
    for (const f of model.footnotes) expect(md).toContain(`\n[^${f.number}]: `)
    expect(md).toContain('## Pinned notes')
  })

  it('keeps data and notes inert: no raw HTML, no links but the sources’, table cells intact', () => {
    makeHostile()
    const md = renderMarkdownReport(report({ includeNotes: true }))
    expect(md).not.toMatch(/<script|<img|<b |(?<!\\)\]\(javascript:/i)
    expect(md).toContain('\\[x\\](javascript:alert(1))')
    expect(md).toContain('\\|pipe\\|')
    // The party table's row (the title cell carries footnotes): every | inside the title is
    // escaped, so the row has exactly the table's 7 cells.
    const row = md.split('\n').find((line) => line.startsWith('| \\=HYPERLINK') && line.includes('[^'))
    expect(row?.replace(/\\\|/g, '').split('|')).toHaveLength(9)
  })

  it('turns every hostile note into inert quoted text', () => {
    for (const body of HOSTILE_NOTES)
      expect(temp.store.core.call('notes.add', { measureId: 'us-ustr-301-ships', body, pinned: true }).ok).toBe(true)
    const md = renderMarkdownReport(report({ includeNotes: true }))
    const notes = md.slice(md.indexOf('## Pinned notes'), md.indexOf('## Sources'))
    const lines = notes
      .split('\n')
      .slice(1)
      .filter((line) => line !== '' && !line.startsWith('### '))
    expect(lines.length).toBeGreaterThan(HOSTILE_NOTES.length)
    for (const line of lines) {
      expect(line.startsWith('>'), line).toBe(true)
      // No raw HTML, no brackets that could open a link or a reference definition.
      expect(line, line).not.toMatch(/<|(?<!\\)[[\]]/)
    }
  })

  it('escapes Markdown markup in text', () => {
    expect(escapeMarkdown('a*b*_c_ [x](y) <i> | # h')).toBe('a\\*b\\*\\_c\\_ \\[x\\](y) &lt;i&gt; \\| # h')
    expect(escapeMarkdown('# heading')).toBe('\\# heading')
    expect(escapeMarkdown('line\nbreak')).toBe('line break')
  })
})

describe('escaping helpers', () => {
  it('cssString cannot end the string or the style element', () => {
    const css = cssString('a"b\\c\n</style><script>')
    expect(css).not.toMatch(/<|>|\n/)
    expect(css.slice(1, -1)).not.toContain('"')
    expect(cssString('措施')).toBe('"\\63aa \\65bd "')
  })

  it('pageCounterContent turns the localized template into counters', () => {
    expect(pageCounterContent('Page {page} of {pages}')).toBe('"Page " counter(page) " of " counter(pages)')
    expect(pageCounterContent('{page}/{pages}')).toBe('counter(page) "\\2f " counter(pages)')
  })
})
