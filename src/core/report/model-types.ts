// The status report's model as data: the shape every renderer (HTML, Markdown, CSV, JSON) reads
// and the JSON format publishes, and the one lookup they share. model.ts builds it; nothing here
// decides what goes in it.
import type { ReportOptions } from '../../shared/api-inputs.ts'
import type {
  Category,
  CommitmentOutcome,
  Confidence,
  Locale,
  MeasureTranslations,
  Note,
  Source,
  Status,
  TransitionKind,
} from '../../shared/domain.ts'
import type { TimedEvent } from '../status/engine.ts'
import type { ReportCharts } from './charts.ts'

export const REPORT_MODEL_FORMAT = 'measure-tracker-report'
export const REPORT_MODEL_VERSION = 1

/** An instant as the report shows it: the stored RFC 9557 string and its text in the report's zone. */
export interface ReportInstant {
  at: string
  atMs: number
  text: string
}

export interface ReportTransition extends ReportInstant {
  kind: TransitionKind
  label: string
  /** The same instant on its legal wall clock, when that zone differs from the report's. */
  legalText: string | null
  /** From the as-of instant: "in 3d 4h 5m", or "3d 4h 5m ago". */
  countdown: string
}

export interface ReportMeasure {
  id: string
  /** In the report's language, English when it has no title in that language. */
  title: string
  shortName: string
  imposer: string
  imposerName: string
  target: string
  targetName: string
  category: Category
  categoryLabel: string
  instrument: string
  instrumentNumber: string
  status: Status
  statusLabel: string
  /** When the current status began; `text` is the date only. */
  since: ReportInstant | null
  next: ReportTransition | null
  /**
   * The rate as the table shows it: the full rate, or what a partial suspension leaves in effect
   * ("10% in effect (34%, 24 points suspended)"), or a commitment's progress and outcome.
   */
  rate: string | null
  /** The full rate (text, else its number). */
  fullRate: string | null
  /** What applies at the as-of instant, when the rate has a number ("10%"). */
  rateInEffect: string | null
  /** For a commitment: its outcome at the as-of instant. */
  commitment: { outcome: CommitmentOutcome; outcomeLabel: string; text: string } | null
  needsReview: boolean
  reviewReason: (ReportTransition & { reason: string }) | null
  /** Counter-measures shown beside it (links with relation 'counter', either direction). */
  counterIds: string[]
  /** Footnote numbers of its sources. */
  footnotes: number[]
  /** False for a measure shown only as another's counter-measure (it does not match the filter). */
  inScope: boolean
}

export interface ReportPartySection {
  party: string
  name: string
  /** Measure ids imposed by this party, in table order; counter-measures via ReportMeasure.counterIds. */
  measureIds: string[]
}

export interface ReportDeadline extends ReportTransition {
  measureId: string
  title: string
  imposer: string
}

export interface ReportReviewItem {
  measureId: string
  title: string
  imposer: string
  statusLabel: string
  reason: ReportTransition & { reason: string }
}

export interface ReportFootnote {
  number: number
  url: string
  title: string
  publisher: string
  date: string | null
  confidence: Confidence
  confidenceLabel: string
  /** Measures citing it. */
  measureIds: string[]
}

export interface ReportNoteGroup {
  measureId: string
  title: string
  notes: { id: string; body: string; createdAt: string; updatedAt: string; updatedText: string }[]
}

export interface ReportModel {
  format: typeof REPORT_MODEL_FORMAT
  version: typeof REPORT_MODEL_VERSION
  lang: Locale
  /** Zone of every displayed time. */
  zone: string
  title: string
  /** The filters, in words; null when the report covers every measure. */
  filterText: string | null
  asOf: ReportInstant
  generatedAt: ReportInstant
  options: Pick<ReportOptions, 'days' | 'includeNotes' | 'paper' | 'orientation' | 'filter'>
  totals: { measures: number; needsReview: number; deadlines: number }
  byStatus: { status: Status; label: string; count: number }[]
  byParty: { party: string; name: string; byStatus: Record<Status, number>; needsReview: number; total: number }[]
  deadlines: ReportDeadline[]
  needsReview: ReportReviewItem[]
  parties: ReportPartySection[]
  /** Every measure in the tables: the filtered ones first (table order), then counter-measures outside the filter. */
  measures: ReportMeasure[]
  /** Pinned notes by measure; null when the report leaves notes out. */
  notes: ReportNoteGroup[] | null
  footnotes: ReportFootnote[]
  /** The timeline and rate charts as SVG, when asked for (`charts`); absent otherwise. */
  charts?: ReportCharts
}

/** The report before its tables: everything its first pages say (the model without what the tables produce). */
export type ReportHead = Omit<ReportModel, 'measures' | 'notes' | 'footnotes'>

/** One row group of a party's table: a measure in the filter, and its counter-measures beside it. */
export interface ReportRow {
  section: ReportPartySection
  measure: ReportMeasure
  /** Its counter-measures, as ReportMeasure.counterIds orders them. */
  counters: ReportMeasure[]
}

/** What the document says after its tables, known once every row has been produced. */
export interface ReportTail {
  /** Counter-measures outside the filter, in the order the tables first show them. */
  outside: ReportMeasure[]
  notes: ReportNoteGroup[] | null
  footnotes: ReportFootnote[]
}

/**
 * The report as it is written (issue 14): the head first, then the tables' rows one at a time
 * (read from the store a batch at a time), then the tail. Every output (HTML, Markdown, CSV,
 * JSON) is written from this, so a report of any size is never held whole as text or as
 * measures; `collectReport` gathers it into the model.
 */
export interface ReportStream {
  head: ReportHead
  /** The rows, party sections in order. Iterate once. */
  rows(): Iterable<ReportRow>
  /** After rows() is exhausted. */
  tail(): ReportTail
  /** A footnote a row already produced cites, by its number. */
  footnote(number: number): ReportFootnote | undefined
}

/** What the report reads of one measure beyond its board summary. */
export interface ReportMeasureData {
  instrumentNumber: string
  /** The instrument number in Chinese (read through shared/translations.ts). */
  translations?: Pick<MeasureTranslations, 'instrumentNumber'>
  events: readonly TimedEvent[]
  sources: readonly Source[]
  notes: readonly Note[]
}

/** Looks a measure of the model up by id. */
export function measureIndex(model: Pick<ReportModel, 'measures'>): Map<string, ReportMeasure> {
  return new Map(model.measures.map((m) => [m.id, m]))
}
