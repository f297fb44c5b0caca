// What the API's methods answer (the result types of src/shared/api.ts's ApiOutputs) that is more
// than a domain type: the board's rows, a measure's detail view, reminders, backups and files.
import type {
  Locale,
  Measure,
  MeasureStatus,
  LocalizedText,
  Category,
  MeasureLink,
  MeasureTranslations,
  Status,
  Transition,
  TransitionKind,
} from './domain.ts'
import type { MethodName } from './api.ts'
import type { WatchTerms } from './watch.ts'

/** One row of the board: a measure's identity and its derived status at the asked instant. */
export interface MeasureSummary extends MeasureStatus {
  id: string
  title: LocalizedText
  shortName: string
  imposer: string
  target: string
  category: Category
  instrument: string
  /** The short name and instrument in Chinese (read through shared/translations.ts). */
  translations: Pick<MeasureTranslations, 'shortName' | 'instrument'>
  tags: string[]
  links: MeasureLink[]
  /** True when sources give conflicting dates for one of its events. */
  hasDateConflict: boolean
  noteCount: number
  deletedAt: string | null
}

export interface AuditEntry {
  id: number
  at: string
  actor: string
  action: MethodName | 'seed'
  measureId: string | null
  before: unknown
  after: unknown
}

export interface MeasureDetail extends Measure {
  /** What the measure watches for in official sources (issue 16); absent when nothing. */
  watch?: WatchTerms
  state: MeasureStatus
  /** All transitions of the measure's life in time order, past and future. */
  transitions: { kind: string; at: string; eventId: string }[]
  history: AuditEntry[]
  /** The stored measure's revision, which a change made from this page says it was based on (src/shared/revision.ts; not the dataset's `revision`). */
  editRevision: string
  deletedAt: string | null
  createdAt: string
  updatedAt: string
}

/** An earlier text of a note: what it read from `writtenAt` until an edit replaced it at `replacedAt`. */
export interface NoteRevision {
  body: string
  writtenAt: string
  replacedAt: string
}

export interface MetaInfo {
  dbPath: string
  schemaVersion: number
  /** The database file cannot be written (no write permission, read-only folder or media): show a banner; changes are refused. */
  readOnly: boolean
  /** Why, in words (e.g. "the file has no write permission (mode 0400)"); null when writable. */
  readOnlyReason: string | null
  measureCount: number
  locales: readonly string[]
}

/** A copy in the backups folder next to the database (see src/core/store/backup.ts). */
export interface BackupEntry {
  name: string
  kind: 'daily' | 'manual' | 'before-restore' | 'damaged'
  /** When the copy was written, ISO 8601 UTC. */
  createdAt: string
  bytes: number
}

/** What a backup holds, shown before anything is restored. */
export interface BackupContents {
  name: string
  schemaVersion: number
  measures: number
  deletedMeasures: number
  events: number
  notes: number
  /** The newest change recorded in the copy, ISO 8601 UTC, or null when it holds none. */
  newestChange: string | null
  bytes: number
}

/** A built report, ready to save or print (report.build). */
export interface ReportFile {
  filename: string
  mimeType: string
  content: string
}

/** A reminder to show now (reminders.due). */
export interface DueReminder {
  /** Stable identity of (measure, transition, lead): what reminders.markShown records. */
  key: string
  measureId: string
  title: LocalizedText
  transition: Transition
  leadDays: number
  /** When it fell due: `leadDays` calendar days before the transition, on its legal wall clock. */
  dueAtMs: number
  /** It fell due while the app was not running (after the last check), not just now. */
  missed: boolean
  /** A smaller lead of the same transition is due too: record this one as shown, do not show it. */
  superseded: boolean
}

export interface DueReminders {
  /** The instant the list was computed for. */
  nowMs: number
  reminders: DueReminder[]
  /** When the next reminder falls due (null: none scheduled); wake then and ask again. */
  nextWakeMs: number | null
}

/** One transition ahead, with its measure (reminders.upcoming: the Upcoming panel). */
export interface UpcomingTransition {
  measureId: string
  title: LocalizedText
  shortName: string
  /** The short name (and instrument) in Chinese, as a board row has them. */
  translations?: MeasureSummary['translations']
  imposer: string
  target: string
  category: Category
  /** The measure's status now (at the asked instant). */
  status: Status
  transition: Transition
}

export interface CalendarFile {
  filename: string
  mimeType: string
  content: string
  /**
   * When the same data would give another file by the passing of time alone (an alarm's moment
   * passes and it is left out; a cancellation's retention ends), if ever: a kept file is rewritten then.
   */
  refreshAt?: string
}

/** The subscribable calendar (issue 13): the file the app keeps up to date, and the browser host's address. */
export interface CalendarSubscription {
  /** The language of the kept file and the address's calendar. */
  locale: Locale
  /** The .ics file rewritten after every change, or null when none was chosen. */
  file: {
    path: string
    /** When it was last written (its modification time), or null when it is not there (yet). */
    writtenAt: string | null
  } | null
  /**
   * The secret of the browser host's calendar address (/calendar.ics?key=…), or null when that
   * address is off. A calendar program cannot send the page's cookie, so the address carries its
   * own read-only key, which can be renewed (the old address stops working) or turned off.
   */
  feedKey: string | null
}

/** One window of the board's list (measures.page): rows `offset`… of `total` in the asked order. */
export interface MeasurePage {
  /** The instant the statuses are at. */
  atMs: number
  offset: number
  rows: MeasureSummary[]
  /** Rows the filter leaves. */
  total: number
  /** Present when asked for (`counts: true`). */
  counts: PageCounts | null
}

/** Counts for the board's headings and summary lines, answered by the store. */
export interface PageCounts {
  /** Measures listed without any filter (not-yet-public ones left out unless asked for). */
  available: number
  /** Rows the filter leaves, per status (the status group headings). */
  byStatus: Partial<Record<Status, number>>
  /** Listed measures needing review, whatever the filter. */
  needsReview: number
  /** Their reasons by kind and day in the legal zone (YYYY-MM-DD, from the instant's own text), newest day first. */
  reviewDays: { kind: TransitionKind; day: string; at: string; atMs: number; count: number }[]
  /** The first instant after `atMs` at which any listed measure's answer changes (reload then), or null. */
  nextChangeMs: number | null
}

/** The values the board's filter selects offer: every live measure's parties and tags. */
export interface MeasureFacets {
  imposers: string[]
  targets: string[]
  tags: string[]
}
