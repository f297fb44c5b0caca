// The measure brief as Markdown: the same sections as the printed page (brief-html.ts), data
// escaped, pinned notes as inert quoted plain text and sources as a numbered list — the report's
// own Markdown pieces (md.ts), so a note or a source reads the same in both files.
import { translator } from '../../shared/i18n/translate.ts'
import type { BriefInstant, BriefModel } from './brief-model.ts'
import { escapeMarkdown as e } from './escape.ts'
import { quotedNote, sourceText } from './md.ts'

/** A date on its legal clock, with the brief's zone after it in brackets when they differ. */
function when(instant: Pick<BriefInstant, 'legalText' | 'localText'>): string {
  return e(instant.localText ? `${instant.legalText} (${instant.localText})` : instant.legalText)
}

export function renderBriefMarkdown(model: BriefModel): string {
  const t = translator(model.lang)
  const none = t('cli.none')
  const m = model.measure
  const out: string[] = []
  const item = (label: string, value: string) => out.push(`- **${e(label)}:** ${value}`)

  out.push(`# ${e(m.title)}`, '')
  out.push(e([model.title, m.shortName, m.categoryLabel].filter((part) => part !== '').join(' · ')), '')
  out.push(`**${e(t('report.asOf', { at: model.asOf.text }))}** · ${e(t('report.brief.zones', { zone: model.zone }))}`, '')

  out.push(`## ${e(t('measure.facts.title'))}`, '')
  item(t('report.brief.imposer'), e(m.imposerName))
  item(t('report.brief.target'), e(m.targetName))
  item(t('report.column.category'), e(m.categoryLabel))
  item(t('measure.facts.authority'), e(m.authority || none))
  item(t('measure.facts.instrument'), e([m.instrument, m.instrumentNumber].filter((part) => part !== '').join(' — ') || none))
  item(t('measure.facts.rate'), e(m.rate ?? none))
  out.push('')

  out.push(`## ${e(t('measure.status.title'))}`, '')
  const review = m.needsReview ? ` (${t('review.flag')})` : ''
  const since = m.since ? ` — ${when({ legalText: t('report.since', { date: m.since.legalText }), localText: m.since.localText })}` : ''
  item(t('measure.status.current'), `${e(`${m.statusLabel}${review}`)}${since}`)
  const d = model.deadline
  if (d === null) item(t('report.brief.deadline.upcoming'), e(t('report.brief.deadline.none')))
  else {
    item(t(`report.brief.deadline.${d.state}`), `${e(d.label)} — ${when(d.at)} — ${e(d.countdown)}${d.reason ? ` — ${e(d.reason)}` : ''}`)
  }
  out.push('')

  out.push(`## ${e(t('report.brief.chain.heading'))}`, '')
  if (model.chain.length === 0) out.push(e(t('report.brief.chain.none')))
  model.chain.forEach((link, index) => {
    const until = link.until
      ? ` · ${e(t('measure.timeline.until'))} ${link.superseded ? `~~${when(link.until)}~~ — ${e(link.superseded)}` : when(link.until)}`
      : link.indefinite
        ? ` · ${e(t('measure.timeline.indefinite'))}`
        : ''
    out.push(`${index + 1}. **${e(link.label)}** ${when(link.at)}${until}`)
  })
  out.push('')

  out.push(`## ${e(t('report.notes.heading'))}`, '')
  if (model.notes.length === 0) out.push(e(t('report.notes.none')), '')
  for (const note of model.notes) out.push(...quotedNote(note, t), '')

  out.push(`## ${e(t('report.sources.heading'))}`, '')
  if (model.sources.length === 0) out.push(e(t('report.sources.none')))
  for (const f of model.sources) out.push(`${f.number}. ${sourceText(f)}`)
  out.push('')
  return out.join('\n')
}
