// The one-page measure brief (issue 13) as data: one measure at an as-of instant — title in the
// brief's language, parties, legal instrument, status with the dates on their legal clocks, the
// suspension chain, the next or lapsed deadline, pinned notes and numbered sources. Like the status
// report's model (model.ts), every display text is computed here, so the HTML and the Markdown say
// the same; brief-html.ts and brief-md.ts only lay it out.
//
// Decisions:
// - Dates are shown on the legal clock of the instant they belong to (the zone written in its
//   RFC 9557 string: "Nov 10, 2026, 00:01 EST"), and again in the brief's zone when that differs.
// - The deadline is the board's deadline state (shared/deadline.ts) at the as-of instant: a lapsed
//   one (passed, outcome not recorded) wins over the next upcoming one.
// - The suspension chain: the suspensions, extensions, resumptions and terminations recorded up to
//   the as-of instant, in time order; an end an extension moved before it came says so (the measure
//   page's "moved to … by the extension of …", shared/superseded.ts).
// - Sources: the measure's own, numbered in their order, one per URL.
import type { MeasureDetail } from '../../shared/api-views.ts'
import type { Category, Locale, Status, TransitionKind } from '../../shared/domain.ts'
import { deadlineState } from '../../shared/deadline.ts'
import { formatDate, formatInstant, zoneOf } from '../../shared/format.ts'
import { localizedText } from '../../shared/localized.ts'
import { translatedField } from '../../shared/translations.ts'
import { supersededEnds } from '../../shared/superseded.ts'
import { Temporal, epochMs, formatZoned } from '../../shared/time.ts'
import type { BriefOptions } from '../../shared/api-inputs.ts'
import { clean, footnoteOf, formatInstantText, partyName, rateCell, reasonKey, reportClock } from './model.ts'
import type { ReportFootnote, ReportInstant } from './model-types.ts'

export const BRIEF_MODEL_FORMAT = 'measure-tracker-brief'
export const BRIEF_MODEL_VERSION = 1

/** An instant on its legal clock, and in the brief's zone when that zone differs. */
export interface BriefInstant {
  at: string
  atMs: number
  /** On the legal clock (the zone inside `at`). */
  legalText: string
  /** In the brief's zone; null when it is the legal zone. */
  localText: string | null
}

export interface BriefDeadline {
  state: 'upcoming' | 'lapsed'
  kind: TransitionKind
  /** "Suspension ends". */
  label: string
  at: BriefInstant
  /** From the as-of instant: "in 8d 12h 1m", or "20d 12h ago". */
  countdown: string
  /** For a lapsed deadline: why it needs review ("Suspension ended — outcome not recorded"). */
  reason: string | null
}

export interface BriefChainLink {
  eventId: string
  kind: 'suspended' | 'extended' | 'resumed' | 'terminated'
  label: string
  at: BriefInstant
  /** A suspension's or extension's end; null when indefinite or for a resumption/termination. */
  until: BriefInstant | null
  indefinite: boolean
  /** "moved to Nov 10, 2027 by the extension of Nov 5, 2026" when an extension moved this end before it came. */
  superseded: string | null
}

export interface BriefModel {
  format: typeof BRIEF_MODEL_FORMAT
  version: typeof BRIEF_MODEL_VERSION
  lang: Locale
  zone: string
  /** "Measure brief". */
  title: string
  asOf: ReportInstant
  generatedAt: ReportInstant
  options: Pick<BriefOptions, 'paper'>
  measure: {
    id: string
    title: string
    shortName: string
    imposerName: string
    targetName: string
    category: Category
    categoryLabel: string
    authority: string
    instrument: string
    instrumentNumber: string
    rate: string | null
    status: Status
    statusLabel: string
    since: BriefInstant | null
    needsReview: boolean
  }
  deadline: BriefDeadline | null
  chain: BriefChainLink[]
  notes: { id: string; body: string; updatedText: string }[]
  sources: Omit<ReportFootnote, 'measureIds'>[]
}

/** What the brief reads of its measure: the measure page's detail at the as-of instant. */
export type BriefMeasure = Pick<
  MeasureDetail,
  | 'id'
  | 'title'
  | 'shortName'
  | 'imposer'
  | 'target'
  | 'category'
  | 'authority'
  | 'instrument'
  | 'instrumentNumber'
  | 'translations'
  | 'events'
  | 'sources'
  | 'notes'
  | 'state'
>

export interface BriefInput {
  measure: BriefMeasure
  /** The as-of instant, RFC 9557. */
  at: string
  /** When the brief is generated (epoch ms). */
  nowMs: number
}

const CHAIN_KINDS = new Set<string>(['suspended', 'extended', 'resumed', 'terminated'])

export function buildBrief(input: BriefInput, options: BriefOptions): BriefModel {
  const { locale, t, zone, asOfMs, instant, transition } = reportClock(options, input.at)
  const onLegalClock = (at: string, atMs = epochMs(at)): BriefInstant => {
    const legalZone = zoneOf(at)
    return {
      at,
      atMs,
      legalText: formatInstant(atMs, legalZone, locale),
      localText: legalZone === zone ? null : formatInstant(atMs, zone, locale),
    }
  }
  const { measure } = input
  const state = measure.state

  const lapsedOrNext = deadlineState(state, asOfMs)
  let deadline: BriefDeadline | null = null
  if (lapsedOrNext.kind !== 'none') {
    const { kind, at, atMs } = lapsedOrNext.transition
    const { label, countdown } = transition(kind, at, atMs)
    deadline = {
      state: lapsedOrNext.kind,
      kind,
      label,
      at: onLegalClock(at, atMs),
      countdown,
      reason: lapsedOrNext.kind === 'lapsed' ? t(reasonKey(kind)) : null,
    }
  }

  const recorded = measure.events.filter((event) => epochMs(event.at) <= asOfMs)
  const moved = new Map(supersededEnds(recorded).map((end) => [end.eventId, end]))
  const dateOnLegalClock = (at: string) => formatDate(epochMs(at), zoneOf(at), locale)
  const chain: BriefChainLink[] = recorded
    .filter((event) => CHAIN_KINDS.has(event.kind))
    .map((event) => ({ event, atMs: epochMs(event.at) }))
    .sort((a, b) => a.atMs - b.atMs)
    .map(({ event, atMs }) => {
      const end = moved.get(event.id)
      return {
        eventId: event.id,
        kind: event.kind as BriefChainLink['kind'],
        label: t(`eventKind.${event.kind}`),
        at: onLegalClock(event.at, atMs),
        until: event.until === null ? null : onLegalClock(event.until),
        indefinite: event.kind === 'suspended' && event.until === null,
        superseded: end
          ? t('measure.timeline.superseded', {
              until: end.newUntil ? dateOnLegalClock(end.newUntil) : t('measure.timeline.indefinite'),
              at: dateOnLegalClock(end.byAt),
            })
          : null,
      }
    })

  const sources: BriefModel['sources'] = []
  const seen = new Set<string>()
  for (const source of measure.sources) {
    const key = source.url.trim()
    if (seen.has(key)) continue
    seen.add(key)
    sources.push(footnoteOf(source, sources.length + 1, t, locale))
  }

  return {
    format: BRIEF_MODEL_FORMAT,
    version: BRIEF_MODEL_VERSION,
    lang: locale,
    zone,
    title: t('report.brief.title'),
    asOf: instant(input.at, asOfMs),
    generatedAt: instant(formatZoned(Temporal.Instant.fromEpochMilliseconds(input.nowMs).toZonedDateTimeISO(zone)), input.nowMs),
    options: { paper: options.paper },
    measure: {
      id: measure.id,
      title: clean(localizedText(measure.title, locale)),
      shortName: clean(translatedField(measure, 'shortName', locale)),
      imposerName: partyName(measure.imposer, locale),
      targetName: partyName(measure.target, locale),
      category: measure.category,
      categoryLabel: t(`category.${measure.category}`),
      authority: clean(translatedField(measure, 'authority', locale)),
      instrument: clean(translatedField(measure, 'instrument', locale)),
      instrumentNumber: clean(translatedField(measure, 'instrumentNumber', locale)),
      rate: rateCell(state, locale, t),
      status: state.status,
      statusLabel: t(`status.${state.status}`),
      since: state.since === null ? null : onLegalClock(state.since),
      needsReview: state.needsReview,
    },
    deadline,
    chain,
    notes: measure.notes
      .filter((note) => note.pinned)
      .map((note) => ({ id: note.id, body: note.body, updatedText: formatInstantText(note.updatedAt, zone, locale) })),
    sources,
  }
}
