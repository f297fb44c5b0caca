// The API contract: one table of methods, name → kind → input schema, and one map of output
// types. Every host (Electron IPC, HTTP, CLI) validates input against this table before calling
// core; the renderer's client is typed from it. Add a method here first, then its handler.
import { z } from 'zod'
import {
  CATEGORIES,
  LIMITS,
  EVENT_KINDS,
  STATUSES,
  LOCALES,
  STEP_POLICIES,
  checkEventKindFields,
  dateAlternativeSchema,
  rateValueSchema,
  suspendedPartSchema,
  idSchema,
  measureFactsSchema,
  measureFactsPatchSchema,
  partySchema,
  sourceSchema,
  zonedInstantSchema,
  type Measure,
  type MeasureEvent,
  type MeasureStatus,
  type Note,
  type ProgressEntry,
  type Source,
  type LocalizedText,
  type Category,
  type MeasureLink,
  type Status,
  type Transition,
} from './domain.ts'
import type { ExchangeFile, ImportReport } from './exchange.ts'
import { isValidTimeZone } from './time.ts'
import { outcomeInputSchema, type OutcomeResult } from './outcome.ts'

type MethodKind = 'query' | 'mutation'
interface MethodSpec<S extends z.ZodType> {
  kind: MethodKind
  input: S
}
const query = <S extends z.ZodType>(input: S): MethodSpec<S> => ({ kind: 'query', input })
const mutation = <S extends z.ZodType>(input: S): MethodSpec<S> => ({ kind: 'mutation', input })

const durationSchema = z
  .string()
  .max(40)
  .regex(/^P(?!$)([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+S)?)?$/, {
    message: 'must be an ISO 8601 duration such as P1Y, P90D or PT12H',
  })

export const listFilterSchema = z.object({
  /** Either side: imposer or target. */
  party: partySchema.optional(),
  imposer: partySchema.optional(),
  target: partySchema.optional(),
  category: z.enum(CATEGORIES).optional(),
  status: z.enum(STATUSES).optional(),
  tag: z.string().max(60).optional(),
  needsReview: z.boolean().optional(),
  /** Case-insensitive search over titles (every language), short name, instrument, tags and notes. */
  text: z.string().max(200).optional(),
})
export type ListFilter = z.infer<typeof listFilterSchema>

export const LIST_SORTS = ['next', 'title', 'imposer', 'category'] as const

const atInput = zonedInstantSchema.optional()

/** What a person enters to record an event; core turns a duration into an explicit `until`. */
export const eventInputSchema = z
  .object({
    kind: z.enum(EVENT_KINDS),
    at: zonedInstantSchema,
    until: zonedInstantSchema.nullable().optional(),
    duration: durationSchema.optional(),
    scheduled: z.boolean().default(false),
    rate: z.string().max(300).nullable().optional(),
    scope: z.string().max(20_000).nullable().optional(),
    sourceIds: z.array(idSchema).max(200).default([]),
    note: z.string().max(20_000).default(''),
    alternatives: z.array(dateAlternativeSchema).max(20).default([]),
    rateValue: rateValueSchema.nullable().optional(),
    part: suspendedPartSchema.nullable().optional(),
    whenSuspended: z.enum(STEP_POLICIES).nullable().optional(),
  })
  .superRefine((input, ctx) => {
    checkEventKindFields(input, ctx)
    const hasEnd = input.until !== undefined && input.until !== null
    if (hasEnd && input.duration !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['duration'], message: 'give either an end or a duration, not both' })
    }
    if ((hasEnd || input.duration !== undefined) && input.kind !== 'suspended' && input.kind !== 'extended') {
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'only a suspension or an extension has an end' })
    }
    if (input.kind === 'extended' && !hasEnd && input.duration === undefined) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'an extension needs its new end or a duration' })
    }
    if (input.kind === 'amended' && input.rate == null && input.scope == null) {
      ctx.addIssue({ code: 'custom', path: ['rate'], message: 'an amendment changes the rate or the scope' })
    }
  })
export type EventInput = z.input<typeof eventInputSchema>

const sourceInputSchema = sourceSchema.extend({ id: idSchema.optional() })

/** A figure towards a commitment, as a person records it (id and recordedAt are set by core). */
export const progressInputSchema = z
  .object({
    value: z.number().finite().min(0).max(1e15),
    asOf: zonedInstantSchema,
    sourceIds: z.array(idSchema).max(200).default([]),
    note: z.string().max(20_000).default(''),
  })
  .strict()
export type ProgressInput = z.input<typeof progressInputSchema>

/** A note's Markdown: up to 20,000 characters, not blank. Stored as typed (leading spaces matter in Markdown). */
export const noteBodySchema = z
  .string()
  .max(LIMITS.longText)
  .refine((body) => body.trim().length > 0, { message: 'a note cannot be empty' })
/** A tag as typed, trimmed: 1–60 characters, one line. Kept in its case; compared case-insensitively. */
export const tagSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[^\p{Cc}\p{Zl}\p{Zp}]*$/u, { message: 'a tag is one line of text' })

/** Status report (core/report): one model, rendered to every format. */
export const REPORT_FORMATS = ['html', 'md', 'csv', 'json'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]
export const reportOptionsSchema = z
  .object({
    /** The as-of instant; default now. */
    at: zonedInstantSchema.optional(),
    lang: z.enum(LOCALES).default('en'),
    /** Include the measures' pinned notes. */
    includeNotes: z.boolean().default(false),
    /** Deadlines listed: those in the next `days` days after the as-of instant. */
    days: z.number().int().min(1).max(3660).default(30),
    /** Which measures: the board's filters. */
    filter: listFilterSchema.default({}),
    paper: z.enum(['A4', 'Letter']).default('A4'),
    orientation: z.enum(['portrait', 'landscape']).default('landscape'),
    /** Zone for displayed times; default the as-of instant's zone, else UTC. */
    tz: z.string().max(64).refine(isValidTimeZone, { message: 'must be an IANA time zone such as Asia/Shanghai' }).optional(),
  })
  .strict()
export type ReportOptions = z.output<typeof reportOptionsSchema>
export interface ReportFile {
  filename: string
  mimeType: string
  content: string
}

/** Reminders (core/reminders): lead times in days before each scheduled transition. */
export const DEFAULT_LEAD_DAYS: readonly number[] = [90, 30, 7, 1]
export const leadDaysSchema = z
  .array(z.number().int().min(0).max(3650))
  .min(1)
  .max(10)
  .refine((days) => new Set(days).size === days.length, { message: 'each lead time once' })
/** `${measureId}|${transition kind}|${transition at}|${lead days}`: one reminder, shown at most once. */
export const reminderKeySchema = z
  .string()
  .max(300)
  .regex(/^[a-z0-9][a-z0-9._-]*\|[a-z_]+\|[^|]+\|[0-9]{1,4}$/, { message: 'must be a key from reminders.due' })

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
}

const backupNameSchema = z
  .string()
  .max(255)
  .regex(/^[^/\\]+\.db$/, { message: 'must be the file name of a backup, e.g. measure-tracker-2026-12-04.db' })

export const api = {
  'meta.info': query(z.object({}).strict()),
  'measures.list': query(
    z
      .object({
        at: atInput,
        filter: listFilterSchema.default({}),
        sort: z.enum(LIST_SORTS).default('next'),
        includeDeleted: z.boolean().default(false),
      })
      .strict(),
  ),
  'measures.get': query(z.object({ id: idSchema, at: atInput }).strict()),
  'measures.tags': query(z.object({}).strict()),
  'measures.create': mutation(z.object({ id: idSchema.optional(), facts: measureFactsSchema }).strict()),
  'measures.update': mutation(z.object({ id: idSchema, facts: measureFactsPatchSchema }).strict()),
  'measures.delete': mutation(z.object({ id: idSchema }).strict()),
  'measures.restore': mutation(z.object({ id: idSchema }).strict()),
  'events.record': mutation(z.object({ measureId: idSchema, event: eventInputSchema }).strict()),
  'events.remove': mutation(z.object({ measureId: idSchema, eventId: idSchema }).strict()),
  'events.chooseAlternative': mutation(
    z.object({ measureId: idSchema, eventId: idSchema, index: z.number().int().min(0).max(19) }).strict(),
  ),
  /** Issue 11: what happened at a lapsed deadline — event, source and link in one step (src/shared/outcome.ts). */
  'events.recordOutcome': mutation(outcomeInputSchema),
  'progress.record': mutation(z.object({ measureId: idSchema, entry: progressInputSchema }).strict()),
  'progress.remove': mutation(z.object({ measureId: idSchema, progressId: idSchema }).strict()),
  'sources.add': mutation(z.object({ measureId: idSchema, source: sourceInputSchema }).strict()),
  'sources.update': mutation(z.object({ measureId: idSchema, source: sourceSchema }).strict()),
  'sources.remove': mutation(z.object({ measureId: idSchema, sourceId: idSchema }).strict()),
  'links.add': mutation(
    z.object({ measureId: idSchema, targetId: idSchema, relation: z.enum(['counter', 'related']).default('counter') }).strict(),
  ),
  'links.remove': mutation(z.object({ measureId: idSchema, targetId: idSchema }).strict()),
  'notes.add': mutation(z.object({ measureId: idSchema, body: noteBodySchema, pinned: z.boolean().default(false) }).strict()),
  'notes.edit': mutation(z.object({ measureId: idSchema, noteId: idSchema, body: noteBodySchema }).strict()),
  'notes.pin': mutation(z.object({ measureId: idSchema, noteId: idSchema, pinned: z.boolean() }).strict()),
  'notes.remove': mutation(z.object({ measureId: idSchema, noteId: idSchema }).strict()),
  'notes.restore': mutation(z.object({ measureId: idSchema, noteId: idSchema }).strict()),
  'notes.history': query(z.object({ measureId: idSchema, noteId: idSchema }).strict()),
  'tags.add': mutation(z.object({ measureId: idSchema, tag: tagSchema }).strict()),
  'tags.remove': mutation(z.object({ measureId: idSchema, tag: tagSchema }).strict()),
  'reminders.settings': query(z.object({}).strict()),
  'reminders.setLeadDays': mutation(z.object({ leadDays: leadDaysSchema }).strict()),
  'reminders.due': query(z.object({}).strict()),
  'reminders.markShown': mutation(z.object({ keys: z.array(reminderKeySchema).max(10_000), missed: z.boolean().default(false) }).strict()),
  'reminders.upcoming': query(z.object({ days: z.number().int().min(1).max(3650), at: atInput }).strict()),
  'reminders.needsReview': query(z.object({ at: atInput }).strict()),
  'calendar.export': query(z.object({ measureId: idSchema.optional(), locale: z.enum(LOCALES).default('en') }).strict()),
  'exchange.export': query(z.object({}).strict()),
  'exchange.import': mutation(
    z.object({ file: z.unknown(), dryRun: z.boolean().default(false), replace: z.boolean().default(false) }).strict(),
  ),
  'report.build': query(z.object({ options: reportOptionsSchema.prefault({}), format: z.enum(REPORT_FORMATS).default('html') }).strict()),
  // Backups (src/core/service/backups.ts): a backup is named by its file name in the backups
  // folder, never by a path, so the page cannot make the host read or restore any other file.
  'backups.list': query(z.object({}).strict()),
  'backups.inspect': query(z.object({ name: backupNameSchema }).strict()),
  'backups.create': mutation(z.object({}).strict()),
  'backups.restore': mutation(z.object({ name: backupNameSchema }).strict()),
} as const

export type Api = typeof api
export type MethodName = keyof Api
export const METHOD_NAMES = Object.keys(api) as MethodName[]
export type Input<M extends MethodName> = z.input<Api[M]['input']>
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(api, name)
}

/** One row of the board: a measure's identity and its derived status at the asked instant. */
export interface MeasureSummary extends MeasureStatus {
  id: string
  title: LocalizedText
  shortName: string
  imposer: string
  target: string
  category: Category
  instrument: string
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
  state: MeasureStatus
  /** All transitions of the measure's life in time order, past and future. */
  transitions: { kind: string; at: string; eventId: string }[]
  history: AuditEntry[]
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

export interface ApiOutputs {
  'meta.info': MetaInfo
  'measures.list': MeasureSummary[]
  'measures.get': MeasureDetail
  'measures.tags': string[]
  'measures.create': MeasureDetail
  'measures.update': MeasureDetail
  'measures.delete': { id: string }
  'measures.restore': MeasureDetail
  'events.record': MeasureEvent
  'events.remove': { id: string }
  'events.chooseAlternative': MeasureEvent
  'events.recordOutcome': OutcomeResult
  /** The entry as stored (its id and recordedAt set). */
  'progress.record': ProgressEntry
  'progress.remove': { id: string }
  'sources.add': Source
  'sources.update': Source
  'sources.remove': { id: string }
  'links.add': MeasureLink
  'links.remove': { targetId: string }
  'notes.add': Note
  'notes.edit': Note
  'notes.pin': Note
  'notes.remove': { id: string }
  'notes.restore': Note
  'notes.history': NoteRevision[]
  /** The measure's tags after the change. */
  'tags.add': string[]
  'tags.remove': string[]
  'reminders.settings': { leadDays: number[] }
  'reminders.setLeadDays': { leadDays: number[] }
  'reminders.due': DueReminders
  /** How many keys were new, and the instant recorded as the last check. */
  'reminders.markShown': { recorded: number; lastRunMs: number }
  'reminders.upcoming': UpcomingTransition[]
  /** Measures whose passed deadline nobody confirmed, the oldest first (see reviewReason). */
  'reminders.needsReview': MeasureSummary[]
  'calendar.export': CalendarFile
  'exchange.export': ExchangeFile
  'exchange.import': ImportReport
  'report.build': ReportFile
  'backups.list': { folder: string; backups: BackupEntry[] }
  'backups.inspect': BackupContents
  'backups.create': BackupEntry
  /** What was restored, and the name of the backup that keeps the state it replaced. */
  'backups.restore': { restored: BackupContents; keptAs: string }
}
export type Output<M extends MethodName> = ApiOutputs[M]

export type { Note }
export { LOCALES }
