// The report as Markdown (GitHub-flavoured: pipe tables, footnotes). Data is escaped
// (escapeMarkdown); notes are reduced to plain text first (markdownToPlainText), so a note's links,
// images and raw HTML cannot become live markup in whatever program shows the file.
import { markdownToPlainText } from '../../shared/markdown.ts'
import { STATUSES } from '../../shared/domain.ts'
import { translator, type Translate } from '../../shared/i18n/translate.ts'
import { deadlinesHeading, noDeadlines, summaryLine } from './counted-text.ts'
import { escapeMarkdown as e, isHttpUrl, markdownUrl } from './escape.ts'
import type { ReportFootnote, ReportMeasure, ReportModel, ReportPartySection, ReportStream } from './model-types.ts'
import { streamOfModel } from './stream.ts'
import { instrumentText } from './table.ts'

const tableLine = (cells: string[]) => `| ${cells.join(' | ')} |`

function table(header: string[], rows: string[][], align: ('l' | 'r')[] = []): string[] {
  return [tableLine(header), tableLine(header.map((_, i) => (align[i] === 'r' ? '---:' : '---'))), ...rows.map(tableLine)]
}

const cites = (m: ReportMeasure) => m.footnotes.map((n) => `[^${n}]`).join('')

/** A pinned note as inert quoted text: "updated" in italics, then the note reduced to plain text. */
export function quotedNote(note: { body: string; updatedText: string }, t: Translate): string[] {
  const lines = [`> *${e(t('report.notes.updated', { at: note.updatedText }))}*`, '>']
  for (const line of markdownToPlainText(note.body).split('\n')) lines.push(line.trim() ? `> ${e(line)}` : '>')
  return lines
}

/** "Title — Publisher, 2025-11-05. Official text. <https://…>": a source, escaped, its URL the only link. */
export function sourceText(f: Omit<ReportFootnote, 'measureIds'>): string {
  const meta = [f.publisher, f.date ?? ''].filter((part) => part !== '').join(', ')
  const link = isHttpUrl(f.url) ? ` <${markdownUrl(f.url)}>` : ` ${e(f.url)}`
  return `${e(f.title)}${meta ? ` — ${e(meta)}` : ''}. ${e(f.confidenceLabel)}.${link}`
}

/** The report as Markdown, a piece at a time: the head, each table row as the stream reads it, the notes and sources. */
export function* markdownChunks(stream: ReportStream): Generator<string, void, undefined> {
  const model = stream.head
  const t = translator(model.lang)
  const none = t('cli.none')
  // Lines, handed on at each `take()`: the document is these lines joined by LF.
  let out: string[] = []
  let started = false
  const take = (): string => {
    if (out.length === 0) return ''
    const text = (started ? '\n' : '') + out.join('\n')
    started = true
    out = []
    return text
  }
  const blank = () => out.push('')

  out.push(`# ${e(model.title)}`)
  blank()
  if (model.filterText) {
    out.push(e(model.filterText))
    blank()
  }
  out.push(`**${e(t('report.asOf', { at: model.asOf.text }))}** (\`${model.asOf.at.replace(/`/g, '')}\`)  `)
  out.push(`${e(t('report.generated', { at: model.generatedAt.text }))} · ${e(t('report.zone', { zone: model.zone }))}`)
  blank()

  out.push(`## ${e(t('report.summary.heading'))}`, '')
  out.push(e(summaryLine(model)))
  blank()
  out.push(`### ${e(t('report.summary.byStatus'))}`, '')
  out.push(
    ...table(
      [t('report.column.status'), t('report.column.count')].map(e),
      model.byStatus.map((s) => [e(s.label), String(s.count)]),
      ['l', 'r'],
    ),
  )
  blank()
  if (model.byParty.length > 0) {
    out.push(`### ${e(t('report.summary.byParty'))}`, '')
    out.push(
      ...table(
        [t('report.column.party'), ...STATUSES.map((s) => t(`status.${s}`)), t('report.column.needsReview'), t('report.column.total')].map(
          e,
        ),
        model.byParty.map((p) => [e(p.name), ...STATUSES.map((s) => String(p.byStatus[s])), String(p.needsReview), String(p.total)]),
        ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
      ),
    )
    blank()
  }

  out.push(`## ${e(deadlinesHeading(model))}`, '')
  if (model.deadlines.length === 0) out.push(e(noDeadlines(model)))
  else
    out.push(
      ...table(
        ['when', 'legalTime', 'countdown', 'measure', 'party', 'change'].map((c) => e(t(`report.column.${c}`))),
        model.deadlines.map((d) => [e(d.text), e(d.legalText ?? none), e(d.countdown), e(d.title), d.imposer, e(d.label)]),
      ),
    )
  blank()

  out.push(`## ${e(t('report.review.heading'))}`, '')
  if (model.needsReview.length === 0) out.push(e(t('report.review.none')))
  else {
    out.push(e(t('report.review.intro')), '')
    out.push(
      ...table(
        ['measure', 'party', 'status', 'reason', 'deadline', 'overdue'].map((c) => e(t(`report.column.${c}`))),
        model.needsReview.map((r) => [
          e(r.title),
          r.imposer,
          e(r.statusLabel),
          e(r.reason.reason),
          e(`${r.reason.label} ${r.reason.text}`),
          e(r.reason.countdown),
        ]),
      ),
    )
  }
  blank()

  out.push(`## ${e(t('report.parties.heading'))}`, '')
  if (model.parties.length === 0) {
    out.push(e(t('report.parties.none')))
    blank()
  }
  const nextText = (m: ReportMeasure) => (m.next ? e(`${m.next.label} ${m.next.text} (${m.next.countdown})`) : none)
  const statusText = (m: ReportMeasure) => e(m.needsReview ? `${m.statusLabel} (${t('review.flag')})` : m.statusLabel)
  const columns = ['measure', 'instrument', 'status', 'since', 'next', 'rate', 'counters'].map((c) => e(t(`report.column.${c}`)))
  let section: ReportPartySection | null = null
  for (const { section: rowSection, measure: m, counters } of stream.rows()) {
    if (rowSection !== section) {
      if (section !== null) blank()
      section = rowSection
      out.push(`### ${e(t('report.parties.party', { party: section.name }))}`, '', ...table(columns, []))
    }
    const counterText = counters.map((c) => `${c.imposer}: ${e(c.title)}${cites(c)} — ${statusText(c)} — ${nextText(c)}`)
    out.push(
      tableLine([
        `${e(m.title)}${cites(m)}`,
        e(instrumentText(m) || none),
        statusText(m),
        e(m.since?.text ?? none),
        nextText(m),
        e(m.rate ?? none),
        counterText.length ? counterText.join('; ') : none,
      ]),
    )
    yield take()
  }
  if (section !== null) blank()
  const tail = stream.tail()

  if (tail.notes !== null) {
    out.push(`## ${e(t('report.notes.heading'))}`, '')
    if (tail.notes.length === 0) {
      out.push(e(t('report.notes.none')))
      blank()
    }
    for (const group of tail.notes) {
      out.push(`### ${e(group.title)}`, '')
      for (const note of group.notes) {
        out.push(...quotedNote(note, t))
        blank()
      }
    }
  }

  out.push(`## ${e(t('report.sources.heading'))}`, '')
  if (tail.footnotes.length === 0) out.push(e(t('report.sources.none')))
  for (const f of tail.footnotes) {
    out.push(`[^${f.number}]: ${sourceText(f)}`)
    // One per source URL: handed on as they go (100,000 at that many measures).
    if (out.length >= 500) yield take()
  }
  blank()
  yield take()
}

/** The whole report as one Markdown string. */
export function renderMarkdownReport(model: ReportModel): string {
  return [...markdownChunks(streamOfModel(model))].join('')
}
