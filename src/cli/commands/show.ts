// `show <id>`: one measure with facts, derived status, events, sources, links and notes.
import { formatInstant, zoneOf } from '../../shared/format.ts'
import { epochMs } from '../../shared/time.ts'
import { markdownToPlainText } from '../../shared/markdown.ts'
import { commitmentText } from '../../shared/commitment-text.ts'
import { formatRateValue, formatSuspendedRate, partialSuspensionText, statusText } from '../../shared/rate.ts'
import type { CliContext } from '../context.ts'
import { unwrap } from '../context.ts'
import { UsageError } from '../usage.ts'
import { localizedText } from '../../shared/localized.ts'
import { scopeInForce, translatedField } from '../../shared/translations.ts'
import { resolveAt } from './status.ts'

export async function showCommand(ctx: CliContext): Promise<void> {
  const id = ctx.args.positionals[0]
  if (!id) throw new UsageError('show needs a measure id, e.g. show us-bis-affiliates-rule')
  const detail = unwrap(await ctx.store.service.call('measures.get', { id, at: resolveAt(ctx) }))
  if (ctx.args.json) {
    ctx.out(JSON.stringify(detail, null, 2))
    return
  }
  const { t, locale, zone } = ctx
  // Times in the reader's zone, with the legal zone's wall clock beside them when it differs.
  const when = (at: string) => {
    const ms = epochMs(at)
    const legal = zoneOf(at)
    const local = formatInstant(ms, zone, locale)
    return legal === zone ? local : `${local} (${formatInstant(ms, legal, locale)})`
  }
  const none = t('cli.none')
  const field = (key: string, value: string) => ctx.out(`${t(`cli.field.${key}`)}: ${value || none}`)
  ctx.out(`${localizedText(detail.title, locale)}  [${detail.id}]`)
  ctx.out(`${detail.imposer}→${detail.target} · ${t(`category.${detail.category}`)} · ${statusText(detail.state, locale, t)}`)
  if (detail.state.since) ctx.out(`${t('cli.column.since')}: ${when(detail.state.since)}`)
  ctx.out(
    `${t('cli.column.next')}: ${detail.state.next ? `${t(`eventKind.${detail.state.next.kind}`)} ${when(detail.state.next.at)}` : none}`,
  )
  if (detail.state.needsReview && detail.state.reviewReason) {
    const kind = detail.state.reviewReason.kind
    const reason =
      kind === 'suspension_end'
        ? 'review.suspensionEnded'
        : kind === 'commitment_deadline'
          ? 'review.commitmentDeadline'
          : 'review.scheduledPassed'
    ctx.out(`⚠ ${t(reason)} (${when(detail.state.reviewReason.at)})`)
  }
  // The measure's words in the --lang language (English where that language has none).
  const text = (field: 'authority' | 'instrument' | 'instrumentNumber' | 'summary') => translatedField(detail, field, locale)
  field('authority', text('authority'))
  field('instrument', [text('instrument'), text('instrumentNumber')].filter(Boolean).join(' — '))
  field('rate', detail.state.rate ?? (detail.state.rateValue ? formatRateValue(detail.state.rateValue, locale) : ''))
  const partial = partialSuspensionText(detail.state, locale, t)
  if (partial !== null) field('rateInEffect', partial)
  if (detail.state.commitment) field('commitment', commitmentText(detail.state.commitment, locale, t))
  field('scope', localizedText(scopeInForce(detail), locale))
  field('tags', detail.tags.join(', '))
  field('links', detail.links.map((l) => l.targetId).join(', '))
  if (text('summary')) field('summary', text('summary'))
  ctx.out(`\n${t('cli.field.events')}:`)
  for (const event of detail.events) {
    const until = event.until ? ` → ${when(event.until)}` : ''
    const cites = event.sourceIds.length
      ? ` [${event.sourceIds.map((s) => detail.sources.findIndex((x) => x.id === s) + 1).join(', ')}]`
      : ''
    const rate = event.rate ?? (event.rateValue ? formatRateValue(event.rateValue, locale) : null)
    const fullRate = detail.state.rateValue ?? detail.rateValue
    const partRate =
      event.part?.rate == null ? null : fullRate ? formatSuspendedRate(event.part.rate, fullRate, locale, t) : String(event.part.rate)
    const partText = [partRate, event.part?.scope ?? null].filter((x): x is string => Boolean(x)).join('; ')
    const part = partText ? ` — ${t('rate.partSuspended', { suspended: partText })}` : ''
    // What the instrument says a step does inside a suspension, when recorded.
    const policy = event.whenSuspended ? ` — ${t(`rate.policy.${event.whenSuspended}`)}` : ''
    ctx.out(`  ${when(event.at)}  ${t(`eventKind.${event.kind}`)}${until}${rate ? ` (${rate})` : ''}${part}${policy}${cites}`)
    if (event.note) ctx.out(`      ${translatedField(event, 'note', locale)}`)
    for (const alt of event.alternatives)
      ctx.out(`      ⚠ ${t('cli.field.conflict')}: ${alt.field} = ${when(alt.value)}${alt.note ? ` — ${alt.note}` : ''}`)
  }
  if (detail.progress.length) {
    ctx.out(`\n${t('cli.field.progress')}:`)
    for (const entry of detail.progress) {
      const cites = entry.sourceIds.length
        ? ` [${entry.sourceIds.map((s) => detail.sources.findIndex((x) => x.id === s) + 1).join(', ')}]`
        : ''
      ctx.out(`  ${when(entry.asOf)}  ${entry.value}${cites}${entry.note ? ` — ${entry.note}` : ''}`)
    }
  }
  ctx.out(`\n${t('cli.field.sources')}:`)
  detail.sources.forEach((source, i) => {
    ctx.out(
      `  [${i + 1}] ${translatedField(source, 'title', locale)} — ${source.publisher}${source.date ? `, ${source.date}` : ''} (${t(`confidence.${source.confidence}`)})`,
    )
    ctx.out(`      ${source.url}`)
  })
  if (detail.notes.length) {
    ctx.out(`\n${t('cli.field.notes')}:`)
    for (const note of detail.notes)
      ctx.out(`  ${note.pinned ? '📌 ' : ''}${note.createdAt}\n${markdownToPlainText(note.body).replace(/^/gm, '      ')}`)
  }
}
