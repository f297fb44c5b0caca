// The report as one self-contained, print-ready HTML document: inline <style>, no script, no
// external resource (a CSP meta forbids loading any), every piece of data escaped (escapeHtml),
// notes through the shared safe Markdown renderer only. The app shows it in a sandboxed iframe
// (print preview) and prints it or saves it as PDF; Chromium's page.pdf() prints the same bytes.
//
// Printing (Chromium ≥ 131, so Electron ≥ 34 and the Debian Chromium used in tests):
// - `@page { size }` from the paper and orientation; margins in the @page rule.
// - Running header and footer are CSS page-margin boxes (@top-left, @top-right, @bottom-left,
//   @bottom-right) whose `content` is the title, the as-of instant, the generation time and
//   "Page N of M" from counter(page) / counter(pages). They need no displayHeaderFooter: print with
//   printSettings() (print.ts): preferCSSPageSize, printBackground, no browser header/footer.
// - `thead { display: table-header-group }` repeats column headers on every page; each measure's
//   rows (the measure and its counter-measures) are one <tbody> with `break-inside: avoid`, and
//   every `tr` too, so no row is split across pages.
// - Fonts: a CJK stack per language (Noto Sans CJK TC/SC, PingFang, Microsoft JhengHei/YaHei) and
//   <html lang> set, so Han characters take the right regional glyphs.
//
// Density (issue 13: 8 landscape pages for 12 measures, with large gaps): the first page is the
// overview (counts in two small tables side by side, the deadlines, the needs-review list) and the
// tables follow on it without a forced break — no break is forced anywhere, only rows and measure
// groups avoid splitting, so no page but the last is left half empty. A measure's row holds its
// title with the instrument's number (or name) under it, status with its start, next deadline and
// rate; its counter-measures sit beside it by name and status (a counter-measure in the report has
// its own row with sources and deadlines; one outside the filter brings them along). The sources
// run in three columns (two in portrait). The embedded dataset's original 12 measures print on 4
// A4 landscape pages, its 26 on 6 (e2e/print.spec.ts).
import { renderMarkdown } from '../../shared/markdown.ts'
import { STATUSES, type Locale } from '../../shared/domain.ts'
import { translator, type Translate } from '../../shared/i18n/translate.ts'
import { deadlinesHeading, measureCount, noDeadlines, summaryLine } from './counted-text.ts'
import { cssString, escapeHtml as h, isHttpUrl } from './escape.ts'
import { chartsSection } from './charts-html.ts'
import type {
  ReportFootnote,
  ReportHead,
  ReportMeasure,
  ReportModel,
  ReportNoteGroup,
  ReportPartySection,
  ReportStream,
} from './model-types.ts'
import { streamOfModel } from './stream.ts'

export const FONT_STACKS: Record<Locale, string> = {
  en: '"Helvetica Neue", Helvetica, Arial, "Noto Sans", "Liberation Sans", "Noto Sans CJK TC", "Noto Sans CJK SC", "PingFang TC", "Microsoft JhengHei", sans-serif',
  'zh-Hant':
    '"Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei", "Heiti TC", "Noto Sans CJK SC", sans-serif',
  'zh-Hans':
    '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Heiti SC", "Noto Sans CJK TC", sans-serif',
}

/** A status as a badge, and the needs-review flag: the same in the report and the measure brief. */
export const STATUS_CSS = `.status { display: inline-block; padding: 0 1.2mm; border-radius: 1mm; font-weight: 600; }
.status.pending { background: #e3ecfa; }
.status.in_force { background: #fbe2dc; }
.status.suspended { background: #fff1c7; }
.status.terminated { background: #e4e6e8; }
.review { color: #a11; font-weight: 600; }`

/** Content width of the page in millimetres (for the on-screen preview). */
const PAGE_MM = { A4: [210, 297], Letter: [215.9, 279.4] } as const
/** The printed page's margins in millimetres; the running header and footer sit in them. */
export const PAGE_MARGIN_MM = { top: 14, side: 12, bottom: 13 }

/** `"Page " counter(page) " of " counter(pages)` from the localized "Page {page} of {pages}". */
export function pageCounterContent(template: string): string {
  const parts: string[] = []
  let rest = template
  for (;;) {
    const match = /\{(page|pages)\}/.exec(rest)
    if (!match) break
    if (match.index > 0) parts.push(cssString(rest.slice(0, match.index)))
    parts.push(`counter(${match[1]})`)
    rest = rest.slice(match.index + match[0].length)
  }
  if (rest) parts.push(cssString(rest))
  return parts.join(' ')
}

/** What a printed document says on every page, and the page it is printed on. */
export interface PageFrame {
  lang: Locale
  paper: 'A4' | 'Letter'
  orientation: 'portrait' | 'landscape'
  /** Top left of every page: the document's title and as-of line. */
  running: string
  /** Bottom left: when it was generated. */
  generated: string
}

/**
 * The page rules a printed document shares (the report and the measure brief): paper, margins,
 * the running header and footer with "Page N of M" in page-margin boxes, the language's font
 * stack, and on screen the sheet of paper.
 */
export function pageCss(frame: PageFrame, t: Translate): string {
  const font = FONT_STACKS[frame.lang]
  const [short, long] = PAGE_MM[frame.paper]
  const pageWidth = frame.orientation === 'landscape' ? long : short
  const box = `font-family: ${font}; font-size: 7.5pt; color: #555;`
  return `
@page {
  size: ${frame.paper === 'A4' ? 'A4' : 'letter'} ${frame.orientation};
  margin: ${PAGE_MARGIN_MM.top}mm ${PAGE_MARGIN_MM.side}mm ${PAGE_MARGIN_MM.bottom}mm;
  @top-left { content: ${cssString(frame.running)}; ${box} vertical-align: bottom; padding-bottom: 3mm; }
  @top-right { content: ${cssString(t('report.app'))}; ${box} vertical-align: bottom; padding-bottom: 3mm; }
  @bottom-left { content: ${cssString(frame.generated)}; ${box} vertical-align: top; padding-top: 3mm; }
  @bottom-right { content: ${pageCounterContent(t('report.page'))}; ${box} vertical-align: top; padding-top: 3mm; }
}
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { font-family: ${font}; font-size: 9pt; line-height: 1.35; color: #111; background: #fff;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
@media screen {
  html { background: #e9ebee; }
  body { background: #fff; width: ${pageWidth}mm; max-width: 100%; margin: 8mm auto; padding: ${PAGE_MARGIN_MM.top}mm ${PAGE_MARGIN_MM.side}mm ${PAGE_MARGIN_MM.bottom}mm;
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
}
`
}

function styles(model: ReportHead, t: Translate): string {
  const frame = {
    lang: model.lang,
    paper: model.options.paper,
    orientation: model.options.orientation,
    running: `${model.title} — ${t('report.asOf', { at: model.asOf.text })}`,
    generated: t('report.generated', { at: model.generatedAt.text }),
  }
  return `${pageCss(frame, t)}h1 { font-size: 15pt; margin: 0 0 1mm; }
h2 { font-size: 11.5pt; margin: 3.5mm 0 1.2mm; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 9.5pt; margin: 3mm 0 1mm; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 1.5mm; }
a { color: #0b4f9c; text-decoration: underline; }
.muted { color: #555; font-size: 8pt; }
table .muted, ol.footnotes .muted { font-size: inherit; }
.asof { font-size: 10.5pt; margin: 1mm 0 0.5mm; }
.rfc { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 8pt; color: #555; }
.filters { font-style: italic; }
.summary-line { font-size: 10pt; margin: 0 0 1.5mm; }
.summary { display: flex; flex-wrap: wrap; gap: 6mm; align-items: flex-start; }
.summary table { width: auto; min-width: 45mm; margin: 0; }
.summary h3 { margin-top: 0; }
.by-status th { background: none; }
table { width: 100%; border-collapse: collapse; margin: 0 0 3mm; font-size: 7pt; line-height: 1.25; }
table.fixed { table-layout: fixed; }
thead { display: table-header-group; }
tr, tbody.measure { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #b8bec6; padding: 0.6mm 1.1mm; vertical-align: top; text-align: start; overflow-wrap: break-word; }
th { background: #eceff3; font-weight: 600; }
th.group { text-align: center; }
.num { text-align: end; font-variant-numeric: tabular-nums; }
td.counter, th.counter { background: #f7f8fa; }
.split { border-left: 1.6pt solid #59616b; }
.title { font-weight: 600; }
a.title { color: inherit; text-decoration: none; }
.instrument { color: #444; font-size: 6.8pt; margin-top: 0.5mm; }
.cites { font-size: 7pt; font-weight: 400; white-space: nowrap; }
.cites a { color: #333; }
${STATUS_CSS}
.empty { color: #555; font-style: italic; }
.intro { break-after: avoid; page-break-after: avoid; }
.notes article { break-inside: avoid; page-break-inside: avoid; }
.note { border-left: 2pt solid #c5cbd3; padding: 0.5mm 0 0.5mm 3mm; margin: 0 0 3mm; }
.note .md > :first-child { margin-top: 0; }
.note .md > :last-child { margin-bottom: 0; }
.note pre, .note code { white-space: pre-wrap; overflow-wrap: anywhere; }
ol.footnotes { list-style: none; padding: 0; margin: 0; font-size: 6.5pt; line-height: 1.22; columns: ${model.options.orientation === 'landscape' ? 3 : 2}; column-gap: 5mm; }
ol.footnotes li { margin: 0 0 0.6mm; padding-left: 7mm; text-indent: -7mm; break-inside: avoid; overflow-wrap: anywhere; }
.fn-num { display: inline-block; width: 7mm; text-indent: 0; }
`
}

function statusBadge(m: ReportMeasure, t: Translate): string {
  const review = m.needsReview ? ` <span class="review">${h(t('review.flag'))}</span>` : ''
  return `<span class="status ${m.status}">${h(m.statusLabel)}</span>${review}`
}

function cites(m: ReportMeasure): string {
  if (m.footnotes.length === 0) return ''
  return ` <sup class="cites">[${m.footnotes.map((n) => `<a href="#fn-${n}">${n}</a>`).join(', ')}]</sup>`
}

function nextCell(m: ReportMeasure, none: string): string {
  if (!m.next) return h(none)
  return `<div class="muted">${h(m.next.label)}</div><div>${h(m.next.text)}</div>`
}

function measureGroup(m: ReportMeasure, counters: readonly ReportMeasure[], t: Translate): string {
  const none = t('cli.none')
  const span = Math.max(1, counters.length)
  const rowspan = span > 1 ? ` rowspan="${span}"` : ''
  // Under the title, smaller: the instrument's number (its citation), or its name when it has no
  // number. The full name is in the measure's brief, the Markdown and the CSV; as a column of its
  // own it made every row as tall as its longest text (issue 13).
  const instrument = m.instrumentNumber.trim() || m.instrument.trim()
  const since = m.since ? `<div class="muted">${h(t('report.since', { date: m.since.text }))}</div>` : ''
  const own = [
    `<td${rowspan} id="m-${h(m.id)}"><span class="title">${h(m.title)}</span>${cites(m)}${instrument ? `<div class="instrument">${h(instrument)}</div>` : ''}</td>`,
    `<td${rowspan}>${statusBadge(m, t)}${since}</td>`,
    `<td${rowspan}>${nextCell(m, none)}</td>`,
    `<td${rowspan}>${h(m.rate ?? none)}</td>`,
  ].join('')
  // Counter-measures beside it: name and status. One listed in the report has its own row with its
  // sources and deadlines; one outside the filter brings them here.
  const counterCell = (c: ReportMeasure) => {
    const name = `<span class="muted">${h(c.imposer)}</span> <a class="title" href="#m-${h(c.id)}">${h(c.title)}</a>`
    if (c.inScope) return `<td class="counter split">${name} ${statusBadge(c, t)}</td>`
    const next = c.next ? ` <span class="muted">${h(c.next.label)}</span> ${h(c.next.text)}` : ''
    return `<td class="counter split">${name}${cites(c)} ${statusBadge(c, t)}${next}<div class="muted">${h(t('report.parties.outside'))}</div></td>`
  }
  const rows =
    counters.length === 0
      ? [`<tr>${own}<td class="counter split">${h(none)}</td></tr>`]
      : counters.map((c, i) => `<tr>${i === 0 ? own : ''}${counterCell(c)}</tr>`)
  return `<tbody class="measure">${rows.join('')}</tbody>`
}

/** A party's section up to its first row group; its groups follow, one per line, then SECTION_END. */
function sectionStart(head: ReportHead, section: ReportPartySection, t: Translate): string {
  const cols = ['measure', 'status', 'next', 'rate']
  const widths = [33, 11, 12.5, 9, 34.5]
  return `<section class="party">
<h3>${h(t('report.parties.party', { party: section.name }))} <span class="muted">· ${h(measureCount(head, section.measureIds.length))}</span></h3>
<table class="fixed status-table">
<colgroup>${widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>
<thead>
<tr>${cols.map((c) => `<th scope="col">${h(t(`report.column.${c}`))}</th>`).join('')}<th scope="col" class="counter split">${h(t('report.column.counters'))}</th></tr>
</thead>
`
}

const SECTION_END = '\n</table>\n</section>'

function summary(model: ReportHead, t: Translate): string {
  // One row of counts (a column per status): as tall as two lines, beside the parties' table.
  const byStatus = `<table class="by-status"><thead><tr>${model.byStatus
    .map((s) => `<th scope="col" class="num"><span class="status ${s.status}">${h(s.label)}</span></th>`)
    .join('')}</tr></thead><tbody><tr>${model.byStatus.map((s) => `<td class="num">${s.count}</td>`).join('')}</tr></tbody></table>`
  const byParty =
    model.byParty.length === 0
      ? ''
      : `<table><thead><tr><th scope="col">${h(t('report.column.party'))}</th>${STATUSES.map((s) => `<th scope="col" class="num">${h(t(`status.${s}`))}</th>`).join('')}<th scope="col" class="num">${h(
          t('report.column.needsReview'),
        )}</th><th scope="col" class="num">${h(t('report.column.total'))}</th></tr></thead><tbody>${model.byParty
          .map(
            (p) =>
              `<tr><th scope="row">${h(p.name)}</th>${STATUSES.map((s) => `<td class="num">${p.byStatus[s]}</td>`).join('')}<td class="num">${p.needsReview}</td><td class="num">${p.total}</td></tr>`,
          )
          .join('')}</tbody></table>`
  return `<section class="summary-section">
<h2>${h(t('report.summary.heading'))}</h2>
<p class="summary-line">${h(summaryLine(model))}</p>
<div class="summary"><div><h3>${h(t('report.summary.byStatus'))}</h3>${byStatus}</div>${byParty ? `<div><h3>${h(t('report.summary.byParty'))}</h3>${byParty}</div>` : ''}</div>
</section>`
}

function deadlines(model: ReportHead, t: Translate): string {
  const heading = `<h2>${h(deadlinesHeading(model))}</h2>`
  if (model.deadlines.length === 0) return `<section class="deadlines">${heading}<p class="empty">${h(noDeadlines(model))}</p></section>`
  const none = t('cli.none')
  const head = ['when', 'legalTime', 'countdown', 'measure', 'party', 'change']
    .map((c) => `<th scope="col">${h(t(`report.column.${c}`))}</th>`)
    .join('')
  const rows = model.deadlines
    .map(
      (d) =>
        `<tr><td>${h(d.text)}</td><td class="muted">${h(d.legalText ?? none)}</td><td>${h(d.countdown)}</td><td><a href="#m-${h(d.measureId)}">${h(d.title)}</a></td><td>${h(
          d.imposer,
        )}</td><td>${h(d.label)}</td></tr>`,
    )
    .join('\n')
  return `<section class="deadlines">${heading}
<table class="fixed"><colgroup><col style="width:14%"><col style="width:14%"><col style="width:9%"><col style="width:43%"><col style="width:6%"><col style="width:14%"></colgroup>
<thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table></section>`
}

function needsReview(model: ReportHead, t: Translate): string {
  const heading = `<h2>${h(t('report.review.heading'))}</h2>`
  if (model.needsReview.length === 0)
    return `<section class="needs-review">${heading}<p class="empty">${h(t('report.review.none'))}</p></section>`
  const head = ['measure', 'party', 'status', 'reason', 'deadline', 'overdue']
    .map((c) => `<th scope="col">${h(t(`report.column.${c}`))}</th>`)
    .join('')
  const rows = model.needsReview
    .map(
      (r) =>
        `<tr><td><a href="#m-${h(r.measureId)}">${h(r.title)}</a></td><td>${h(r.imposer)}</td><td>${h(r.statusLabel)}</td><td class="review">${h(r.reason.reason)}</td><td>${h(
          r.reason.label,
        )} ${h(r.reason.text)}</td><td>${h(r.reason.countdown)}</td></tr>`,
    )
    .join('\n')
  return `<section class="needs-review">${heading}<p class="muted intro">${h(t('report.review.intro'))}</p>
<table class="fixed"><colgroup><col style="width:31%"><col style="width:5%"><col style="width:8%"><col style="width:23%"><col style="width:23%"><col style="width:10%"></colgroup>
<thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table></section>`
}

function notes(list: readonly ReportNoteGroup[] | null, t: Translate): string {
  if (list === null) return ''
  const heading = `<h2>${h(t('report.notes.heading'))}</h2>`
  if (list.length === 0) return `<section class="notes">${heading}<p class="empty">${h(t('report.notes.none'))}</p></section>`
  const groups = list
    .map(
      (group) =>
        `<article id="note-${h(group.measureId)}"><h3><a href="#m-${h(group.measureId)}">${h(group.title)}</a></h3>${group.notes
          .map(
            (note) =>
              `<div class="note"><p class="muted">${h(t('report.notes.updated', { at: note.updatedText }))}</p><div class="md">${renderMarkdown(note.body)}</div></div>`,
          )
          .join('')}</article>`,
    )
    .join('\n')
  return `<section class="notes">${heading}\n${groups}\n</section>`
}

/** Footnotes written per piece: the list runs to one per source URL (100,000 at that many measures). */
const FOOTNOTES_PER_CHUNK = 500

function* footnoteChunks(list: readonly ReportFootnote[], t: Translate): Generator<string, void, undefined> {
  const heading = `<h2>${h(t('report.sources.heading'))}</h2>`
  if (list.length === 0) {
    yield `<section class="sources">${heading}<p class="empty">${h(t('report.sources.none'))}</p></section>`
    return
  }
  yield `<section class="sources">${heading}<ol class="footnotes">`
  for (let start = 0; start < list.length; start += FOOTNOTES_PER_CHUNK)
    yield `\n${list
      .slice(start, start + FOOTNOTES_PER_CHUNK)
      .map(footnoteItem)
      .join('\n')}`
  yield '\n</ol></section>'
}

function footnoteItem(f: ReportFootnote): string {
  const meta = [f.publisher, f.date ?? ''].filter((part) => part !== '').join(', ')
  // External links open outside the report (the app routes new windows through its http(s) validator).
  const url = isHttpUrl(f.url) ? `<a href="${h(f.url)}" target="_blank" rel="noopener noreferrer">${h(f.url)}</a>` : h(f.url)
  return `<li id="fn-${f.number}"><span class="fn-num">[${f.number}]</span>${h(f.title)}${meta ? ` — ${h(meta)}` : ''}. <span class="muted">${h(f.confidenceLabel)}.</span> ${url}</li>`
}

/**
 * The report as HTML, a piece at a time: the head's sections, then each party's table a row group
 * at a time as the stream reads them, then the notes and sources.
 */
export function* htmlChunks(stream: ReportStream): Generator<string, void, undefined> {
  const { head } = stream
  const t = translator(head.lang)
  const asOf = t('report.asOf', { at: head.asOf.text })
  yield documentStart(head.lang, `${head.title} — ${asOf}`, styles(head, t))
  yield `<header class="report-head">
<h1>${h(head.title)}</h1>
${head.filterText ? `<p class="filters">${h(head.filterText)}</p>` : ''}
<p class="asof"><strong>${h(asOf)}</strong> <span class="rfc">${h(head.asOf.at)}</span></p>
<p class="muted">${h(t('report.generated', { at: head.generatedAt.text }))} · ${h(t('report.zone', { zone: head.zone }))}</p>
</header>
<main>
${summary(head, t)}
${deadlines(head, t)}
${needsReview(head, t)}
${chartsSection(head.charts, t)}
<section class="parties">
<h2>${h(t('report.parties.heading'))}</h2>
`
  if (head.parties.length === 0) yield `<p class="empty">${h(t('report.parties.none'))}</p>`
  let section: ReportPartySection | null = null
  for (const row of stream.rows()) {
    if (row.section !== section) {
      if (section !== null) yield `${SECTION_END}\n`
      section = row.section
      yield sectionStart(head, section, t)
    } else yield '\n'
    yield measureGroup(row.measure, row.counters, t)
  }
  if (section !== null) yield SECTION_END
  const tail = stream.tail()
  yield `
</section>
${notes(tail.notes, t)}
`
  yield* footnoteChunks(tail.footnotes, t)
  yield `\n</main>${DOCUMENT_END}`
}

/** The whole report as one HTML string (the app's preview and print, tests). */
export function renderHtml(model: ReportModel): string {
  return [...htmlChunks(streamOfModel(model))].join('')
}

/**
 * A whole printable document: language, charset, a policy that loads nothing and runs nothing,
 * inline styles. `body` is markup already escaped.
 */
export function printedDocument(lang: Locale, title: string, css: string, body: string): string {
  return `${documentStart(lang, title, css)}${body}${DOCUMENT_END}`
}

/** A printable document up to its body's content (see printedDocument). */
function documentStart(lang: Locale, title: string, css: string): string {
  return `<!DOCTYPE html>
<html lang="${h(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="generator" content="Measure Tracker">
<title>${h(title)}</title>
<style>${css}</style>
</head>
<body>
`
}

const DOCUMENT_END = `
</body>
</html>
`
