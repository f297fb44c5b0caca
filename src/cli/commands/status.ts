// `status`: every measure with status, since, next deadline, countdown and review flag.
import type { MeasureSummary } from '../../shared/api-views.ts'
import { formatCountdown, formatInstant } from '../../shared/format.ts'
import { translatePlural } from '../../shared/i18n/plural.ts'
import { statusText } from '../../shared/rate.ts'
import { Temporal, epochMs, formatZoned, parseInstantInput } from '../../shared/time.ts'
import { listFilterOf } from '../args.ts'
import type { CliContext } from '../context.ts'
import { unwrap } from '../context.ts'
import { renderTable } from '../table.ts'

/** The instant a command works at: --at, read in --tz, or now. */
export function resolveAt(ctx: CliContext): string {
  const zdt = ctx.args.at === undefined ? Temporal.Now.zonedDateTimeISO(ctx.zone) : parseInstantInput(ctx.args.at, ctx.zone)
  return formatZoned(zdt)
}

export function statusJson(row: MeasureSummary) {
  return {
    id: row.id,
    title: row.title,
    shortName: row.shortName,
    imposer: row.imposer,
    target: row.target,
    category: row.category,
    status: row.status,
    since: row.since,
    next: row.next ? { kind: row.next.kind, at: row.next.at } : null,
    needsReview: row.needsReview,
    reviewReason: row.reviewReason ? { kind: row.reviewReason.kind, at: row.reviewReason.at } : null,
    rate: row.rate,
    rateValue: row.rateValue,
    rateInEffect: row.rateInEffect,
    suspendedPart: row.suspendedPart,
    commitment: row.commitment
      ? {
          target: row.commitment.target,
          deadline: row.commitment.deadline,
          progress: row.commitment.progress,
          progressAsOf: row.commitment.progressAsOf,
          outcome: row.commitment.outcome,
        }
      : null,
    tags: row.tags,
    links: row.links.map((l) => l.targetId),
  }
}

export async function statusCommand(ctx: CliContext): Promise<void> {
  const at = resolveAt(ctx)
  const rows = unwrap(await ctx.store.service.call('measures.list', { at, filter: listFilterOf(ctx.args) }))
  if (ctx.args.json) {
    ctx.out(JSON.stringify(rows.map(statusJson), null, 2))
    return
  }
  const { t, locale, zone } = ctx
  const atMs = epochMs(at)
  const none = t('cli.none')
  const table = rows.map((row) => [
    row.id,
    `${row.imposer}→${row.target}`,
    // "Partly suspended — 10% in effect (34%, 24 points suspended)"; a commitment adds its outcome.
    row.commitment ? `${statusText(row, locale, t)} · ${t(`commitment.outcome.${row.commitment.outcome}`)}` : statusText(row, locale, t),
    row.since ? formatInstant(epochMs(row.since), zone, locale) : none,
    row.next ? `${t(`eventKind.${row.next.kind}`)} ${formatInstant(row.next.atMs, zone, locale)}` : none,
    row.next ? formatCountdown(atMs, row.next.atMs, t) : none,
    row.needsReview ? t('review.flag') : '',
  ])
  const header = ['id', 'parties', 'status', 'since', 'next', 'countdown', 'review'].map((c) => t(`cli.column.${c}`))
  ctx.out(t('cli.asOf', { at: formatInstant(atMs, zone, locale) }))
  ctx.out(renderTable(header, table))
  const review = rows.filter((r) => r.needsReview).length
  if (review > 0) ctx.out(`\n${translatePlural(locale, 'cli.needsReviewCount', review)}`)
}
