// The status report as data: one model, built once from the store's measures, that every output
// (HTML for print and PDF, Markdown, CSV, JSON) renders without deciding anything of its own. All
// display text — localized labels, dates in the report's zone, countdowns from the as-of instant —
// is computed here, so the formats cannot disagree.
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
import type { MeasureSummary } from '../../shared/api-views.ts'
import { STATUSES, type Locale, type MeasureStatus, type Source, type Status, type TransitionKind } from '../../shared/domain.ts'
import { formatCountdown, formatDate, formatInstant, zoneOf } from '../../shared/format.ts'
import { translator, type Translate } from '../../shared/i18n/translate.ts'
import { Temporal, epochMs, formatZoned } from '../../shared/time.ts'
import { transitionsOf, type TimedEvent } from '../status/engine.ts'
import { formatRateValue, partialSuspensionText, rateText } from '../../shared/rate.ts'
import { commitmentText } from '../../shared/commitment-text.ts'
import { localizedText } from '../../shared/localized.ts'
import { translatedField } from '../../shared/translations.ts'
import { isWithinDays, zonedDeadline } from '../../shared/within-days.ts'
import { regionName } from '../../shared/parties.ts'
import {
  REPORT_MODEL_FORMAT,
  REPORT_MODEL_VERSION,
  type ReportDeadline,
  type ReportFootnote,
  type ReportInput,
  type ReportInstant,
  type ReportMeasure,
  type ReportModel,
  type ReportNoteGroup,
  type ReportPartySection,
  type ReportReviewItem,
  type ReportTransition,
} from './model-types.ts'

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

function filterText(filter: ReportOptions['filter'], t: Translate, locale: Locale): string | null {
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

const byNext = (a: MeasureSummary, b: MeasureSummary) =>
  (a.next?.atMs ?? Infinity) - (b.next?.atMs ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export function buildReport(input: ReportInput, options: ReportOptions): ReportModel {
  const { locale, t, zone, asOfMs, instant, transition } = reportClock(options, input.at)

  const allById = new Map(input.allSummaries.map((s) => [s.id, s]))
  const inScope = new Set(input.summaries.map((s) => s.id))
  // Counter links read in both directions: a US measure's counter-measures are the Chinese ones it
  // links to and the Chinese ones linking to it.
  const counters = new Map<string, Set<string>>()
  const addCounter = (a: string, b: string) => {
    if (a === b || !allById.has(a) || !allById.has(b)) return
    let set = counters.get(a)
    if (!set) counters.set(a, (set = new Set()))
    set.add(b)
  }
  for (const summary of input.allSummaries) {
    for (const link of summary.links) {
      if (link.relation !== 'counter') continue
      addCounter(summary.id, link.targetId)
      addCounter(link.targetId, summary.id)
    }
  }
  const countersOf = (id: string): string[] => {
    const set = counters.get(id)
    if (!set) return []
    return [...set]
      .map((cid) => allById.get(cid) as MeasureSummary)
      .sort(byNext)
      .map((s) => s.id)
  }

  // Party sections: most measures first, then by code.
  const byImposer = new Map<string, MeasureSummary[]>()
  for (const summary of input.summaries) {
    const list = byImposer.get(summary.imposer)
    if (list) list.push(summary)
    else byImposer.set(summary.imposer, [summary])
  }
  const partyCodes = [...byImposer.keys()].sort(
    (a, b) => (byImposer.get(b)?.length ?? 0) - (byImposer.get(a)?.length ?? 0) || (a < b ? -1 : 1),
  )
  const parties: ReportPartySection[] = partyCodes.map((party) => ({
    party,
    name: partyName(party, locale),
    measureIds: (byImposer.get(party) ?? [])
      .slice()
      .sort(byNext)
      .map((s) => s.id),
  }))

  // Measures in table order; footnotes numbered as the tables first cite them, one per URL.
  const footnotes: ReportFootnote[] = []
  const footnoteByUrl = new Map<string, ReportFootnote>()
  const measures = new Map<string, ReportMeasure>()
  const describe = (summary: MeasureSummary): ReportMeasure => {
    const data = input.details.get(summary.id)
    const numbers: number[] = []
    for (const source of data?.sources ?? []) {
      const key = source.url.trim()
      let note = footnoteByUrl.get(key)
      if (!note) {
        note = { ...footnoteOf(source, footnotes.length + 1, t, locale), measureIds: [] }
        footnotes.push(note)
        footnoteByUrl.set(key, note)
      }
      if (!note.measureIds.includes(summary.id)) note.measureIds.push(summary.id)
      if (!numbers.includes(note.number)) numbers.push(note.number)
    }
    const reason = summary.reviewReason
    const fullRate = rateText(summary, locale)
    return {
      id: summary.id,
      title: clean(localizedText(summary.title, locale)),
      shortName: clean(translatedField(summary, 'shortName', locale)),
      imposer: summary.imposer,
      imposerName: partyName(summary.imposer, locale),
      target: summary.target,
      targetName: partyName(summary.target, locale),
      category: summary.category,
      categoryLabel: t(`category.${summary.category}`),
      instrument: clean(translatedField(summary, 'instrument', locale)),
      instrumentNumber: clean(data ? translatedField(data, 'instrumentNumber', locale) : ''),
      status: summary.status,
      statusLabel: t(`status.${summary.status}`),
      since: summary.since === null ? null : instant(summary.since, instantMs(data?.events ?? [], summary.since), true),
      next: summary.next === null ? null : transition(summary.next.kind, summary.next.at, summary.next.atMs),
      rate: rateCell(summary, locale, t),
      fullRate: fullRate === null ? null : clean(fullRate),
      rateInEffect: summary.rateInEffect === null ? null : formatRateValue(summary.rateInEffect, locale),
      commitment:
        summary.commitment === null
          ? null
          : {
              outcome: summary.commitment.outcome,
              outcomeLabel: t(`commitment.outcome.${summary.commitment.outcome}`),
              text: clean(commitmentText(summary.commitment, locale, t)),
            },
      needsReview: summary.needsReview,
      reviewReason: reason === null ? null : { ...transition(reason.kind, reason.at, reason.atMs), reason: t(reasonKey(reason.kind)) },
      counterIds: countersOf(summary.id),
      footnotes: numbers.sort((a, b) => a - b),
      inScope: inScope.has(summary.id),
    }
  }
  const visit = (id: string) => {
    const summary = allById.get(id)
    if (summary && !measures.has(id)) measures.set(id, describe(summary))
  }
  for (const section of parties) {
    for (const id of section.measureIds) {
      visit(id)
      for (const counterId of measures.get(id)?.counterIds ?? []) visit(counterId)
    }
  }
  const measureList = [
    ...parties.flatMap((section) => section.measureIds.map((id) => measures.get(id) as ReportMeasure)),
    ...[...measures.values()].filter((m) => !m.inScope),
  ]
  const scoped = measureList.filter((m) => m.inScope)

  // Counts.
  const zeroCounts = () => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>
  const statusCounts = zeroCounts()
  for (const m of scoped) statusCounts[m.status] += 1
  const byParty = parties.map((section) => {
    const counts = zeroCounts()
    let review = 0
    for (const id of section.measureIds) {
      const m = measures.get(id) as ReportMeasure
      counts[m.status] += 1
      if (m.needsReview) review += 1
    }
    return { party: section.party, name: section.name, byStatus: counts, needsReview: review, total: section.measureIds.length }
  })

  // Deadlines in the window, and the needs-review list.
  const deadlines: ReportDeadline[] = []
  for (const m of scoped) {
    const events = input.details.get(m.id)?.events ?? []
    for (const tr of transitionsOf(events, { commitment: allById.get(m.id)?.commitment ?? null })) {
      if (!isWithinDays(zonedDeadline(tr), asOfMs, options.days)) continue
      const row: ReportDeadline = { ...transition(tr.kind, tr.at, tr.atMs), measureId: m.id, title: m.title, imposer: m.imposer }
      // A rate step says what it steps to: "Rate step — new rate USD 80 / net ton".
      if (tr.kind === 'rate_step') {
        const step = events.find((e) => e.id === tr.eventId)
        const rate = step?.rate ?? (step?.rateValue ? formatRateValue(step.rateValue, locale) : null)
        if (rate) row.label = `${row.label} — ${t('rate.step', { rate: clean(rate) })}`
      }
      deadlines.push(row)
    }
  }
  deadlines.sort((a, b) => a.atMs - b.atMs || (a.measureId < b.measureId ? -1 : a.measureId > b.measureId ? 1 : 0))
  const needsReview: ReportReviewItem[] = scoped
    .filter((m) => m.reviewReason !== null)
    .map((m) => ({
      measureId: m.id,
      title: m.title,
      imposer: m.imposer,
      statusLabel: m.statusLabel,
      reason: m.reviewReason as ReportReviewItem['reason'],
    }))
    .sort((a, b) => a.reason.atMs - b.reason.atMs || (a.measureId < b.measureId ? -1 : 1))

  const notes: ReportNoteGroup[] | null = options.includeNotes
    ? scoped.flatMap((m) => {
        const pinned = (input.details.get(m.id)?.notes ?? []).filter((n) => n.pinned)
        if (pinned.length === 0) return []
        return [
          {
            measureId: m.id,
            title: m.title,
            notes: pinned.map((n) => ({
              id: n.id,
              body: n.body,
              createdAt: n.createdAt,
              updatedAt: n.updatedAt,
              updatedText: formatInstantText(n.updatedAt, zone, locale),
            })),
          },
        ]
      })
    : null

  return {
    format: REPORT_MODEL_FORMAT,
    version: REPORT_MODEL_VERSION,
    lang: locale,
    zone,
    title: t('report.title'),
    filterText: filterText(options.filter, t, locale),
    asOf: instant(input.at, asOfMs),
    generatedAt: instant(formatZoned(Temporal.Instant.fromEpochMilliseconds(input.nowMs).toZonedDateTimeISO(zone)), input.nowMs),
    options: {
      days: options.days,
      includeNotes: options.includeNotes,
      paper: options.paper,
      orientation: options.orientation,
      filter: options.filter,
    },
    totals: { measures: scoped.length, needsReview: needsReview.length, deadlines: deadlines.length },
    byStatus: STATUSES.map((status) => ({ status, label: t(`status.${status}`), count: statusCounts[status] })),
    byParty,
    deadlines,
    needsReview,
    parties,
    measures: measureList,
    notes,
    footnotes,
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
function instantMs(events: readonly TimedEvent[], at: string): number {
  for (const event of events) {
    if (event.at === at) return event.atMs
    if (event.until === at && event.untilMs !== null) return event.untilMs
  }
  return epochMs(at)
}
