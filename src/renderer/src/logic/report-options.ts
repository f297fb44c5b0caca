// The report view's form, as plain data, and how it becomes a `report.build` input and a print
// request. Pure functions, unit-tested (report-options.test.ts).
import type { Input } from '../../../shared/api.ts'
import type { ListFilter } from '../../../shared/api-inputs.ts'
import type { PrintRequest } from '../../../shared/bridge.ts'
import { LOCALES, type Locale } from '../../../shared/domain.ts'
import { nowParts, partsFromZoned, zonedFromParts, type ZonedParts } from './as-of.ts'
import { emptyFilter, type BoardFilter } from './board-filter.ts'

export type ReportOptionsInput = NonNullable<Input<'report.build'>['options']>
export type Paper = 'A4' | 'Letter'
export type Orientation = 'portrait' | 'landscape'
export const PAPERS: readonly Paper[] = ['A4', 'Letter']
export const ORIENTATIONS: readonly Orientation[] = ['portrait', 'landscape']
/** The service's bounds for the deadlines window (reportOptionsSchema.days). */
export const DAYS_MIN = 1
export const DAYS_MAX = 3660
/** The preview is rebuilt this long after the last change to the form. */
export const PREVIEW_DELAY_MS = 300

export interface ReportForm {
  /** 'now': the service's current instant, shown in the reader's zone; 'at': the instant in `at`. */
  when: 'now' | 'at'
  at: ZonedParts
  lang: Locale
  includeNotes: boolean
  /** Include the timeline and rate charts (issue 15); unset is off, so the options stay as before. */
  charts?: boolean
  /** Deadlines within this many days (a number input: a number, or '' while it is being typed). */
  days: number | string
  paper: Paper
  orientation: Orientation
  /** A copy of the board's filters when the view opened; clearing it here leaves the board alone. */
  filter: BoardFilter
}

/** What the form keeps between visits (localStorage): the choices about the paper, not the data. */
export interface ReportPrefs {
  includeNotes: boolean
  days: number
  paper: Paper
  orientation: Orientation
}

export const REPORT_PREFS_KEY = 'measure-tracker.report'

/** Regions whose default paper is US Letter; everywhere else A4. */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'PR', 'GT', 'CR', 'PA', 'DO', 'SV', 'NI', 'BZ'])

export function defaultPaper(language: string | undefined): Paper {
  if (!language) return 'A4'
  try {
    const region = new Intl.Locale(language).maximize().region
    return region && LETTER_REGIONS.has(region) ? 'Letter' : 'A4'
  } catch {
    return 'A4'
  }
}

export function defaultPrefs(language: string | undefined): ReportPrefs {
  return { includeNotes: false, days: 30, paper: defaultPaper(language), orientation: 'landscape' }
}

export function loadPrefs(storage: Pick<Storage, 'getItem'> | undefined, language: string | undefined): ReportPrefs {
  const prefs = defaultPrefs(language)
  try {
    const saved = JSON.parse(storage?.getItem(REPORT_PREFS_KEY) ?? 'null') as Partial<Record<keyof ReportPrefs, unknown>> | null
    if (!saved || typeof saved !== 'object') return prefs
    if (typeof saved.includeNotes === 'boolean') prefs.includeNotes = saved.includeNotes
    if (validDays(saved.days)) prefs.days = saved.days
    if (PAPERS.includes(saved.paper as Paper)) prefs.paper = saved.paper as Paper
    if (ORIENTATIONS.includes(saved.orientation as Orientation)) prefs.orientation = saved.orientation as Orientation
  } catch {
    // Unreadable: the defaults.
  }
  return prefs
}

export function savePrefs(storage: Pick<Storage, 'setItem'> | undefined, form: ReportForm): void {
  const days = Number(form.days)
  const prefs: ReportPrefs = {
    includeNotes: form.includeNotes,
    days: validDays(days) ? days : 30,
    paper: form.paper,
    orientation: form.orientation,
  }
  try {
    storage?.setItem(REPORT_PREFS_KEY, JSON.stringify(prefs))
  } catch {
    // Full or refused: the choices are simply not remembered.
  }
}

export function validDays(days: unknown): days is number {
  return typeof days === 'number' && Number.isInteger(days) && days >= DAYS_MIN && days <= DAYS_MAX
}

/** A language the report is written in: the UI language when it is one, else English. */
export function reportLocale(value: string): Locale {
  return (LOCALES as readonly string[]).includes(value) ? (value as Locale) : 'en'
}

export interface FormStart {
  /** The board's as-of instant (RFC 9557), or null when it shows now. */
  asOf: string | null
  filter: BoardFilter
  locale: string
  prefs: ReportPrefs
  /** The reader's zone, for the as-of fields when starting from now. */
  zone: string
  nowMs?: number
}

/** The form as the view opens it: the board's as-of and filters, the UI language, remembered paper choices. */
export function initialForm(start: FormStart): ReportForm {
  return {
    when: start.asOf ? 'at' : 'now',
    at: start.asOf ? partsFromZoned(start.asOf) : nowParts(start.zone, start.nowMs),
    lang: reportLocale(start.locale),
    includeNotes: start.prefs.includeNotes,
    days: start.prefs.days,
    paper: start.prefs.paper,
    orientation: start.prefs.orientation,
    filter: { ...emptyFilter(), ...start.filter },
  }
}

/** The board's filters as the service's list filter: only what is set (an unticked "needs review only" is no filter). */
export function listFilterOf(filter: BoardFilter): ListFilter {
  const out: ListFilter = {}
  if (filter.party) out.party = filter.party
  if (filter.imposer) out.imposer = filter.imposer
  if (filter.target) out.target = filter.target
  if (filter.category) out.category = filter.category
  if (filter.status) out.status = filter.status
  if (filter.tag) out.tag = filter.tag
  if (filter.needsReview) out.needsReview = true
  const text = filter.text.trim()
  if (text) out.text = text
  return out
}

export type FormField = 'at' | 'days'
export type OptionsResult = { ok: true; options: ReportOptionsInput } | { ok: false; field: FormField }

/**
 * The `report.build` options for the form, or the first field that is not valid. "Now" sends no
 * instant (the service uses its clock) and asks for times in the reader's zone; a chosen instant
 * is shown in its own zone (the service's default).
 */
export function optionsOf(form: ReportForm, readerZone: string): OptionsResult {
  let at: string | undefined
  if (form.when === 'at') {
    const value = zonedFromParts(form.at)
    if (value === null) return { ok: false, field: 'at' }
    at = value
  }
  const days = typeof form.days === 'number' ? form.days : Number(form.days)
  if (form.days === '' || !validDays(days)) return { ok: false, field: 'days' }
  return {
    ok: true,
    options: {
      ...(at === undefined ? { tz: readerZone } : { at }),
      lang: form.lang,
      includeNotes: form.includeNotes,
      ...(form.charts === true ? { charts: true } : {}),
      days,
      filter: listFilterOf(form.filter),
      paper: form.paper,
      orientation: form.orientation,
    },
  }
}

/** What the host's printer needs: the document, the paper and the orientation it was built for. */
export function printRequestOf(html: string, options: Pick<ReportOptionsInput, 'paper' | 'orientation'>): PrintRequest {
  return { html, paper: options.paper ?? 'A4', landscape: (options.orientation ?? 'landscape') === 'landscape' }
}

/** "measure-report-2026-11-09.html" → "measure-report-2026-11-09.pdf". */
export function pdfFilename(filename: string): string {
  return /\.html?$/i.test(filename) ? filename.replace(/\.html?$/i, '.pdf') : `${filename}.pdf`
}

/** A stable key for "these options were already built" (JSON of the options). */
export function optionsKey(options: ReportOptionsInput): string {
  return JSON.stringify(options)
}
