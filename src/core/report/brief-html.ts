// The measure brief as one self-contained, print-ready HTML page (portrait A4 or Letter): the same
// document frame as the status report (html.ts: policy, fonts, running header and footer with page
// numbers), every piece of data escaped, pinned notes through the shared safe Markdown renderer.
// Laid out to fit one page for every measure of the embedded dataset (e2e/print.spec.ts prints each
// in English and Traditional Chinese on both papers): two columns of facts, the status and deadline
// in one box, the chain as a short list, the sources in small type.
import { renderMarkdown } from '../../shared/markdown.ts'
import { translator, type Translate } from '../../shared/i18n/translate.ts'
import type { BriefChainLink, BriefInstant, BriefModel } from './brief-model.ts'
import { escapeHtml as h, isHttpUrl } from './escape.ts'
import { pageCss, printedDocument, STATUS_CSS } from './html.ts'

function styles(model: BriefModel, t: Translate): string {
  const frame = {
    lang: model.lang,
    paper: model.options.paper,
    orientation: 'portrait' as const,
    running: `${model.title} — ${t('report.asOf', { at: model.asOf.text })}`,
    generated: t('report.generated', { at: model.generatedAt.text }),
  }
  return `${pageCss(frame, t)}
h1 { font-size: 14pt; line-height: 1.25; margin: 0 0 1mm; }
h2 { font-size: 10pt; margin: 3mm 0 1mm; padding-bottom: 0.5mm; border-bottom: 0.5pt solid #b8bec6; break-after: avoid; }
p { margin: 0 0 1mm; }
a { color: #0b4f9c; }
.muted { color: #555; }
.kicker { font-size: 8.5pt; color: #444; margin-bottom: 1mm; }
.asof { font-size: 9.5pt; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.6mm 4mm; margin: 0; }
dl.facts dt { font-weight: 600; color: #333; }
dl.facts dd { margin: 0; }
.state { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; }
.state .label { font-weight: 600; color: #333; margin-bottom: 0.5mm; }
.local { color: #555; font-size: 8pt; }
ol.chain { margin: 0; padding-left: 5mm; }
ol.chain li { margin: 0 0 0.5mm; }
.superseded { text-decoration: line-through; }
.empty { color: #555; font-style: italic; }
.note { border-left: 2pt solid #c5cbd3; padding: 0.3mm 0 0.3mm 3mm; margin: 0 0 2mm; font-size: 8.5pt; }
.note .md > :first-child { margin-top: 0; }
.note .md > :last-child { margin-bottom: 0; }
.note pre, .note code { white-space: pre-wrap; overflow-wrap: anywhere; }
ol.sources { list-style: none; padding: 0; margin: 0; font-size: 7.2pt; line-height: 1.25; }
ol.sources li { margin: 0 0 0.5mm; padding-left: 6mm; text-indent: -6mm; overflow-wrap: anywhere; }
.fn-num { display: inline-block; width: 6mm; text-indent: 0; }
${STATUS_CSS}
`
}

/** " (Nov 10, 2026, 13:01 GMT+8)": the brief's own zone beside a legal-clock date, when they differ. */
function local(text: string | null): string {
  return text ? ` <span class="local">(${h(text)})</span>` : ''
}

/** A date on its legal clock, with the brief's own zone beside it when they differ. */
function when(instant: BriefInstant): string {
  return `${h(instant.legalText)}${local(instant.localText)}`
}

function facts(model: BriefModel, t: Translate): string {
  const m = model.measure
  const instrument = [m.instrument, m.instrumentNumber].filter((part) => part !== '')
  const rows: [string, string][] = [
    [t('report.brief.imposer'), h(m.imposerName)],
    [t('report.brief.target'), h(m.targetName)],
    [t('report.column.category'), h(m.categoryLabel)],
    [t('measure.facts.authority'), h(m.authority || t('cli.none'))],
    [
      t('measure.facts.instrument'),
      instrument.length === 0
        ? h(t('cli.none'))
        : instrument.map((part, i) => (i === 0 ? h(part) : `<div class="muted">${h(part)}</div>`)).join(''),
    ],
    [t('measure.facts.rate'), h(m.rate ?? t('cli.none'))],
  ]
  return `<section class="facts-section"><h2>${h(t('measure.facts.title'))}</h2>
<dl class="facts">${rows.map(([label, value]) => `<dt>${h(label)}</dt><dd>${value}</dd>`).join('')}</dl></section>`
}

function status(model: BriefModel, t: Translate): string {
  const m = model.measure
  const review = m.needsReview ? ` <span class="review">${h(t('review.flag'))}</span>` : ''
  const since = m.since ? `<div>${h(t('report.since', { date: m.since.legalText }))}${local(m.since.localText)}</div>` : ''
  const d = model.deadline
  const deadline =
    d === null
      ? `<div class="label">${h(t('report.brief.deadline.upcoming'))}</div><p class="empty">${h(t('report.brief.deadline.none'))}</p>`
      : `<div class="label">${h(t(`report.brief.deadline.${d.state}`))}</div>
<div><strong>${h(d.label)}</strong></div>
<div>${when(d.at)}</div>
<div>${h(d.countdown)}${d.reason ? ` · <span class="review">${h(d.reason)}</span>` : ''}</div>`
  return `<section class="status-section"><h2>${h(t('measure.status.title'))}</h2>
<div class="state"><div><div class="label">${h(t('measure.status.current'))}</div><div><span class="status ${m.status}">${h(m.statusLabel)}</span>${review}</div>${since}</div>
<div class="deadline">${deadline}</div></div></section>`
}

function link(item: BriefChainLink, t: Translate): string {
  const until = item.until
    ? ` · ${h(t('measure.timeline.until'))} <span${item.superseded ? ' class="superseded"' : ''}>${when(item.until)}</span>${item.superseded ? ` — ${h(item.superseded)}` : ''}`
    : item.indefinite
      ? ` · ${h(t('measure.timeline.indefinite'))}`
      : ''
  return `<li><strong>${h(item.label)}</strong> ${when(item.at)}${until}</li>`
}

function chain(model: BriefModel, t: Translate): string {
  const heading = `<h2>${h(t('report.brief.chain.heading'))}</h2>`
  if (model.chain.length === 0)
    return `<section class="chain-section">${heading}<p class="empty">${h(t('report.brief.chain.none'))}</p></section>`
  return `<section class="chain-section">${heading}<ol class="chain">${model.chain.map((item) => link(item, t)).join('')}</ol></section>`
}

function notes(model: BriefModel, t: Translate): string {
  const heading = `<h2>${h(t('report.notes.heading'))}</h2>`
  if (model.notes.length === 0) return `<section class="notes">${heading}<p class="empty">${h(t('report.notes.none'))}</p></section>`
  return `<section class="notes">${heading}${model.notes
    .map(
      (note) =>
        `<div class="note"><p class="muted">${h(t('report.notes.updated', { at: note.updatedText }))}</p><div class="md">${renderMarkdown(note.body)}</div></div>`,
    )
    .join('')}</section>`
}

function sources(model: BriefModel, t: Translate): string {
  const heading = `<h2>${h(t('report.sources.heading'))}</h2>`
  if (model.sources.length === 0) return `<section class="sources">${heading}<p class="empty">${h(t('report.sources.none'))}</p></section>`
  const items = model.sources.map((f) => {
    const meta = [f.publisher, f.date ?? ''].filter((part) => part !== '').join(', ')
    const url = isHttpUrl(f.url) ? `<a href="${h(f.url)}" target="_blank" rel="noopener noreferrer">${h(f.url)}</a>` : h(f.url)
    return `<li><span class="fn-num">[${f.number}]</span>${h(f.title)}${meta ? ` — ${h(meta)}` : ''}. <span class="muted">${h(f.confidenceLabel)}.</span> ${url}</li>`
  })
  return `<section class="sources">${heading}<ol class="sources">${items.join('\n')}</ol></section>`
}

export function renderBriefHtml(model: BriefModel): string {
  const t = translator(model.lang)
  const m = model.measure
  const asOf = t('report.asOf', { at: model.asOf.text })
  const kicker = [model.title, m.shortName, m.categoryLabel].filter((part) => part !== '').join(' · ')
  return printedDocument(
    model.lang,
    `${m.title} — ${model.title}`,
    styles(model, t),
    `<header class="brief-head">
<p class="kicker">${h(kicker)}</p>
<h1>${h(m.title)}</h1>
<p class="asof"><strong>${h(asOf)}</strong> <span class="muted">· ${h(t('report.brief.zones', { zone: model.zone }))}</span></p>
</header>
<main>
${facts(model, t)}
${status(model, t)}
${chain(model, t)}
${notes(model, t)}
${sources(model, t)}
</main>`,
  )
}
