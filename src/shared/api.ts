// The API contract: one table of methods, name → kind → input schema, and one map of output
// types. Every host (Electron IPC, HTTP, CLI) validates input against this table before calling
// core; the renderer's client is typed from it. Add a method here first, then its handler.
// The longer input schemas live in api-inputs.ts, the result views in api-views.ts.
import { z } from 'zod'
import {
  LOCALES,
  idSchema,
  measureFactsSchema,
  measureFactsPatchSchema,
  sourceSchema,
  zonedInstantSchema,
  type MeasureEvent,
  type Note,
  type ProgressEntry,
  type Source,
  type MeasureLink,
} from './domain.ts'
import type { ExchangeFile, ImportReport } from './exchange.ts'
import { outcomeInputSchema, type OutcomeResult } from './outcome.ts'
import type { ChartView } from './charts/model.ts'
import {
  BRIEF_FORMATS,
  LIST_SORTS,
  REPORT_FORMATS,
  backupNameSchema,
  briefOptionsSchema,
  calendarFilePathSchema,
  calendarSubscriptionChangeSchema,
  eventInputSchema,
  leadDaysSchema,
  listFilterSchema,
  noteBodySchema,
  pageQuerySchema,
  progressInputSchema,
  reminderKeySchema,
  reportOptionsSchema,
  sourceInputSchema,
  tagSchema,
} from './api-inputs.ts'
import type {
  BackupContents,
  BackupEntry,
  CalendarFile,
  CalendarSubscription,
  DueReminders,
  MeasureDetail,
  MeasureFacets,
  MeasurePage,
  MeasureSummary,
  MetaInfo,
  NoteRevision,
  ReportFile,
  UpcomingTransition,
} from './api-views.ts'
import {
  feedInputSchema,
  watchConfigureSchema,
  watchFeedSwitchSchema,
  watchHitRefSchema,
  watchRecordSchema,
  watchSetTermsSchema,
  type WatchHit,
  type WatchPlan,
  type WatchStatus,
  type WatchTerms,
} from './watch.ts'
import {
  datasetApplyInputSchema,
  datasetFileInputSchema,
  type DatasetApplied,
  type DatasetDiff,
  type DatasetIdentity,
  type DatasetStatus,
} from './dataset-update.ts'
import {
  datasetFeedConfigureSchema,
  datasetFeedRecordSchema,
  type DatasetFeedPlan,
  type DatasetFeedResult,
  type DatasetFeedStatus,
} from './dataset-feed.ts'

import type { BasedOn } from './revision.ts'

type MethodKind = 'query' | 'mutation'
interface MethodSpec<S extends z.ZodType, K extends MethodKind = MethodKind> {
  kind: K
  input: S
}
const query = <S extends z.ZodType>(input: S): MethodSpec<S, 'query'> => ({ kind: 'query', input })
const mutation = <S extends z.ZodType>(input: S): MethodSpec<S, 'mutation'> => ({ kind: 'mutation', input })

const atInput = zonedInstantSchema.optional()

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
  /** A window of the board's filtered, sorted list with its counts (issue 14; src/core/service/measure-page.ts). */
  'measures.page': query(pageQuerySchema),
  'measures.facets': query(z.object({}).strict()),
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
  // The subscribable calendar (src/core/service/calendar-subscription.ts): a file kept up to date
  // and the browser host's /calendar.ics address. A path is set only by Electron main's save
  // dialog or the command line (not exposed to the page).
  'calendar.subscription': query(z.object({}).strict()),
  'calendar.configureSubscription': mutation(calendarSubscriptionChangeSchema),
  'calendar.setSubscriptionFile': mutation(z.object({ path: calendarFilePathSchema }).strict()),
  'exchange.export': query(z.object({}).strict()),
  'exchange.import': mutation(
    z.object({ file: z.unknown(), dryRun: z.boolean().default(false), replace: z.boolean().default(false) }).strict(),
  ),
  'report.build': query(z.object({ options: reportOptionsSchema.prefault({}), format: z.enum(REPORT_FORMATS).default('html') }).strict()),
  // One measure's one-page brief (a deleted measure has none: NOT_FOUND).
  'report.brief': query(
    z.object({ id: idSchema, options: briefOptionsSchema.prefault({}), format: z.enum(BRIEF_FORMATS).default('html') }).strict(),
  ),
  // Backups (src/core/service/backups.ts): a backup is named by its file name in the backups
  // folder, never by a path, so the page cannot make the host read or restore any other file.
  // Both charts of the timeline view (src/core/service/charts.ts): the board's filter at an instant.
  'charts.data': query(z.object({ at: atInput, filter: listFilterSchema.prefault({}) }).strict()),
  'backups.list': query(z.object({}).strict()),
  'backups.inspect': query(z.object({ name: backupNameSchema }).strict()),
  'backups.create': mutation(z.object({}).strict()),
  'backups.restore': mutation(z.object({ name: backupNameSchema }).strict()),
  // Watching official sources (issue 16; src/core/service/watch.ts). The page asks for a check or a
  // cancel; the host's check runner (core/watch/runner.ts) does the network work through watch.plan
  // and watch.record, which the page cannot call.
  'watch.status': query(z.object({}).strict()),
  'watch.configure': mutation(watchConfigureSchema),
  'watch.addFeed': mutation(feedInputSchema),
  'watch.setFeedEnabled': mutation(watchFeedSwitchSchema),
  'watch.removeFeed': mutation(z.object({ id: idSchema }).strict()),
  'watch.checkNow': mutation(z.object({}).strict()),
  'watch.cancel': mutation(z.object({}).strict()),
  'watch.setTerms': mutation(watchSetTermsSchema),
  'watch.hits': query(z.object({ measureId: idSchema.optional() }).strict()),
  'watch.dismiss': mutation(watchHitRefSchema),
  'watch.cite': mutation(watchHitRefSchema.extend({ event: eventInputSchema }).strict()),
  'watch.plan': query(z.object({}).strict()),
  'watch.record': mutation(watchRecordSchema),
  // Dataset updates (issue 16; src/core/service/datasets.ts): the three-way merge with a newer
  // version of the database's dataset, applied in one audited transaction, the last one undoable.
  'dataset.status': query(z.object({}).strict()),
  'dataset.diff': query(datasetFileInputSchema),
  'dataset.apply': mutation(datasetApplyInputSchema),
  'dataset.undo': mutation(z.object({}).strict()),
  // The signed dataset feed (issue 16; src/core/service/dataset-feed.ts): settings, a check request,
  // and the verified newer dataset waiting for the review. The runner's plan and record (the bytes
  // it fetched, verified by the service) are not exposed to the page.
  'datasetFeed.status': query(z.object({}).strict()),
  'datasetFeed.configure': mutation(datasetFeedConfigureSchema),
  'datasetFeed.checkNow': mutation(z.object({}).strict()),
  'datasetFeed.waitingFile': query(z.object({}).strict()),
  'datasetFeed.plan': query(z.object({}).strict()),
  'datasetFeed.record': mutation(datasetFeedRecordSchema),
} as const

export type Api = typeof api
export type MethodName = keyof Api
/** The methods that change something (each declares how it is audited: src/core/service/audit-rules.ts). */
export type MutationName = { [M in MethodName]: Api[M]['kind'] extends 'mutation' ? M : never }[MethodName]
export const METHOD_NAMES = Object.keys(api) as MethodName[]
/** A method's input; a change may also say which revision of its measure it was based on (src/shared/revision.ts). */
export type Input<M extends MethodName> = z.input<Api[M]['input']> & (M extends MutationName ? BasedOn : unknown)
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(api, name)
}

export interface ApiOutputs {
  'meta.info': MetaInfo
  'measures.list': MeasureSummary[]
  'measures.page': MeasurePage
  'measures.facets': MeasureFacets
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
  'calendar.subscription': CalendarSubscription
  'calendar.configureSubscription': CalendarSubscription
  'calendar.setSubscriptionFile': CalendarSubscription
  'exchange.export': ExchangeFile
  'exchange.import': ImportReport
  'report.build': ReportFile
  'report.brief': ReportFile
  'charts.data': ChartView
  'backups.list': { folder: string; backups: BackupEntry[] }
  'backups.inspect': BackupContents
  'backups.create': BackupEntry
  /** What was restored, and the name of the backup that keeps the state it replaced. */
  'backups.restore': { restored: BackupContents; keptAs: string }
  'watch.status': WatchStatus
  'watch.configure': WatchStatus
  'watch.addFeed': WatchStatus
  'watch.setFeedEnabled': WatchStatus
  'watch.removeFeed': WatchStatus
  'watch.checkNow': WatchStatus
  'watch.cancel': WatchStatus
  'watch.setTerms': WatchTerms
  /** Open watch items (not dismissed, not cited), newest first: one measure's, or every measure's. */
  'watch.hits': WatchHit[]
  'watch.dismiss': { id: string }
  /** The event recorded; the document is a source of the measure and the item is handled. */
  'watch.cite': MeasureEvent
  'watch.plan': WatchPlan
  'watch.record': { recorded: number }
  'dataset.status': DatasetStatus
  'dataset.diff': DatasetDiff
  'dataset.apply': DatasetApplied
  'dataset.undo': DatasetApplied
  'datasetFeed.status': DatasetFeedStatus
  'datasetFeed.configure': DatasetFeedStatus
  'datasetFeed.checkNow': DatasetFeedStatus
  /** The verified dataset waiting for the review: give `file` to dataset.diff / dataset.apply. */
  'datasetFeed.waitingFile': { dataset: DatasetIdentity; file: unknown }
  'datasetFeed.plan': DatasetFeedPlan
  'datasetFeed.record': { result: DatasetFeedResult | null }
}
export type Output<M extends MethodName> = ApiOutputs[M]
