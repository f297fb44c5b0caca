// The status report as data: one model that every output (HTML for print and PDF, Markdown, CSV,
// JSON) renders without deciding anything of its own. All display text — localized labels, dates in
// the report's zone, countdowns from the as-of instant — is computed here and in stream.ts (which
// builds the model from the store in two passes, a batch of measures at a time), so the formats
// cannot disagree.
//
// Decisions (see also model.test.ts):
// - Measures: those matching the board's filter at the as-of instant (deleted ones never).
// - Tables: one per imposing party, most measures first (then party code); rows soonest next
//   deadline first (the board's default order). Each row carries its counter-measures (links with
//   relation 'counter', read in both directions) side by side, even when a counter-measure does not
//   match the filter itself (it is then marked `inScope: false` and not counted).
// - Deadlines: every transition of a measure's life within `days` of the as-of instant by the app's
//   one rule (shared/within-days.ts: after the as-of instant, at most `days` calendar days ahead on
//   the transition's legal clock — as the Upcoming list and the reminders count); countdowns from
//   the as-of instant.
// - Footnotes: sources numbered in the order the tables first cite them; one footnote per URL, so a
//   notice cited by several measures is listed once.
// - Notes: pinned notes of the filtered measures, only with includeNotes.
// The model's types (what every renderer reads) are in model-types.ts.
import type { ReportOptions } from '../../shared/api-inputs.ts'
import type { Locale, MeasureStatus, Source, TransitionKind } from '../../shared/domain.ts'
import { formatCountdown, formatDate, formatInstant, zoneOf } from '../../shared/format.ts'
import { translator, type Translate } from '../../shared/i18n/translate.ts'
import { Temporal, epochMs, formatZoned } from '../../shared/time.ts'
import type { TimedEvent } from '../status/engine.ts'
import { partialSuspensionText, rateText } from '../../shared/rate.ts'
import { commitmentText } from '../../shared/commitment-text.ts'
import { translatedField } from '../../shared/translations.ts'
import { regionName } from '../../shared/parties.ts'
import type { ReportFootnote, ReportInstant, ReportTransition } from './model-types.ts'

// Characters that never belong in a printed report (terminal escapes, bidi overrides).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g
export const clean = (text: string): string => text.replace(UNSAFE, '')

/** "United States (US)", "美國 (US)": the party's name in the report language, with its code. */
export function partyName(code: string, locale: Locale): string {
  const name = regionName(code, locale)
  return name !== code ? `${name} (${code})` : code
}

/** The message naming why a passed transition needs review. */
export const reasonKey = (kind: TransitionKind) =>
  kind === 'suspension_end'
    ? 'review.suspensionEnded'
    : kind === 'commitment_deadline'
      ? 'review.commitmentDeadline'
      : 'review.scheduledPassed'

/** The report's display zone: the asked one, else the as-of instant's own, else UTC. */
export function reportZone(options: Pick<ReportOptions, 'tz' | 'at'>): string {
  return options.tz ?? (options.at === undefined ? 'UTC' : zoneOf(options.at))
}

/** The as-of instant as RFC 9557: the asked one, or `nowMs` in the display zone. */
export function reportAt(options: Pick<ReportOptions, 'tz' | 'at'>, nowMs: number): string {
  if (options.at !== undefined) return options.at
  return formatZoned(Temporal.Instant.fromEpochMilliseconds(nowMs).toZonedDateTimeISO(reportZone(options)))
}

export function filterText(filter: ReportOptions['filter'], t: Translate, locale: Locale): string | null {
  const parts: string[] = []
  if (filter.party) parts.push(t('report.filter.party', { value: partyName(filter.party, locale) }))
  if (filter.imposer) parts.push(t('report.filter.imposer', { value: partyName(filter.imposer, locale) }))
  if (filter.target) parts.push(t('report.filter.target', { value: partyName(filter.target, locale) }))
  if (filter.category) parts.push(t('report.filter.category', { value: t(`category.${filter.category}`) }))
  if (filter.status) parts.push(t('report.filter.status', { value: t(`status.${filter.status}`) }))
  if (filter.tag) parts.push(t('report.filter.tag', { value: clean(filter.tag) }))
  if (filter.needsReview !== undefined) parts.push(t(filter.needsReview ? 'report.filter.needsReview' : 'report.filter.reviewed'))
  if (filter.text?.trim()) parts.push(t('report.filter.text', { value: clean(filter.text.trim()) }))
  return parts.length === 0 ? null : t('report.filter.label', { filters: parts.join(locale === 'en' ? ', ' : '；') })
}

/**
 * The language, zone and as-of instant a report (or a brief) is written in, and how it writes
 * instants there: `instant` (date and time, or the date only) and `transition` (its label, the legal
 * wall clock when that zone differs, the countdown from the as-of instant).
 */
export function reportClock(options: Pick<ReportOptions, 'lang' | 'tz'>, asOf: string) {
  const locale = options.lang
  const t = translator(locale)
  const zone = reportZone({ tz: options.tz, at: asOf })
  const asOfMs = epochMs(asOf)
  const instant = (at: string, atMs: number, dateOnly = false): ReportInstant => ({
    at,
    atMs,
    text: dateOnly ? formatDate(atMs, zone, locale) : formatInstant(atMs, zone, locale),
  })
  const transition = (kind: TransitionKind, at: string, atMs: number): ReportTransition => {
    const legalZone = zoneOf(at)
    const countdown = formatCountdown(asOfMs, atMs, t, true)
    return {
      ...instant(at, atMs),
      kind,
      label: t(`eventKind.${kind}`),
      legalText: legalZone === zone ? null : formatInstant(atMs, legalZone, locale),
      countdown: atMs >= asOfMs ? t('report.countdownIn', { value: countdown }) : countdown,
    }
  }
  return { locale, t, zone, asOfMs, instant, transition }
}

/** A source as a numbered footnote, its title in the report's language, its text cleaned. */
export function footnoteOf(source: Source, number: number, t: Translate, locale: Locale): Omit<ReportFootnote, 'measureIds'> {
  return {
    number,
    url: clean(source.url.trim()),
    title: clean(translatedField(source, 'title', locale)),
    publisher: clean(source.publisher),
    date: source.date,
    confidence: source.confidence,
    confidenceLabel: t(`confidence.${source.confidence}`),
  }
}

/** The rate cell: a partial suspension's rate in effect, a commitment's progress, else the full rate. */
export function rateCell(summary: MeasureStatus, locale: Locale, t: Translate): string | null {
  const partial = partialSuspensionText(summary, locale, t)
  if (partial !== null) return clean(partial)
  if (summary.commitment !== null) return clean(commitmentText(summary.commitment, locale, t))
  const full = rateText(summary, locale)
  return full === null ? null : clean(full)
}

/** A stored note timestamp (ISO instant, or RFC 9557) in the report's zone; the raw text if unreadable. */
export function formatInstantText(value: string, zone: string, locale: Locale): string {
  try {
    const ms = value.includes('[') ? epochMs(value) : Temporal.Instant.from(value).epochMilliseconds
    return formatInstant(ms, zone, locale)
  } catch {
    return clean(value)
  }
}

/** Epoch ms of one of a measure's own event instants (the store keeps them); parsed only if absent. */
export function instantMs(events: readonly TimedEvent[], at: string): number {
  for (const event of events) {
    if (event.at === at) return event.atMs
    if (event.until === at && event.untilMs !== null) return event.untilMs
  }
  return epochMs(at)
}
