// The report as Markdown (GitHub-flavoured: pipe tables, footnotes). Data is escaped
// (escapeMarkdown); notes are reduced to plain text first (markdownToPlainText), so a note's links,
// images and raw HTML cannot become live markup in whatever program shows the file.
import { markdownToPlainText } from '../../shared/markdown.ts'
import { STATUSES } from '../../shared/domain.ts'
import { translator, type Translate } from '../../shared/i18n/translate.ts'
import { deadlinesHeading, noDeadlines, summaryLine } from './counted-text.ts'
import { escapeMarkdown as e, isHttpUrl, markdownUrl } from './escape.ts'
import { measureIndex, type ReportFootnote, type ReportMeasure, type ReportModel } from './model-types.ts'
import { instrumentText } from './table.ts'

function table(header: string[], rows: string[][], align: ('l' | 'r')[] = []): string[] {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map((_, i) => (align[i] === 'r' ? '---:' : '---'))), ...rows.map(line)]
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

export function renderMarkdownReport(model: ReportModel): string {
  const t = translator(model.lang)
  const none = t('cli.none')
  const byId = measureIndex(model)
  const out: string[] = []
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
  for (const section of model.parties) {
    out.push(`### ${e(t('report.parties.party', { party: section.name }))}`, '')
    out.push(
      ...table(
        ['measure', 'instrument', 'status', 'since', 'next', 'rate', 'counters'].map((c) => e(t(`report.column.${c}`))),
        section.measureIds.map((id) => {
          const m = byId.get(id) as ReportMeasure
          const counters = m.counterIds
            .map((cid) => byId.get(cid))
            .filter((c): c is ReportMeasure => c !== undefined)
            .map((c) => `${c.imposer}: ${e(c.title)}${cites(c)} — ${statusText(c)} — ${nextText(c)}`)
          return [
            `${e(m.title)}${cites(m)}`,
            e(instrumentText(m) || none),
            statusText(m),
            e(m.since?.text ?? none),
            nextText(m),
            e(m.rate ?? none),
            counters.length ? counters.join('; ') : none,
          ]
        }),
      ),
    )
    blank()
  }

  if (model.notes !== null) {
    out.push(`## ${e(t('report.notes.heading'))}`, '')
    if (model.notes.length === 0) {
      out.push(e(t('report.notes.none')))
      blank()
    }
    for (const group of model.notes) {
      out.push(`### ${e(group.title)}`, '')
      for (const note of group.notes) {
        out.push(...quotedNote(note, t))
        blank()
      }
    }
  }

  out.push(`## ${e(t('report.sources.heading'))}`, '')
  if (model.footnotes.length === 0) out.push(e(t('report.sources.none')))
  for (const f of model.footnotes) out.push(`[^${f.number}]: ${sourceText(f)}`)
  blank()
  return out.join('\n')
}
