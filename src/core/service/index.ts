// The one service every host calls: validate input against the contract, run the handler (a
// mutation in one write transaction, audited), and answer with a Result — never a throw.
import { api, isMethodName, type MethodName, type Output } from '../../shared/api.ts'
import type { MeasureDetail } from '../../shared/api-views.ts'
import { ServiceError, fail, formatIssuePath, ok, type Result } from '../../shared/result.ts'
import { inTransaction } from '../store/database.ts'
import { storageError } from '../store/storage-errors.ts'
import { readMeasure } from '../store/measure-rows.ts'
import { writeAudit } from './audit.ts'
import { timestamp } from './clock.ts'
import type { Handler, Handlers, ServiceContext } from './context.ts'
import { auditOf } from './detail.ts'
import { eventHandlers } from './events.ts'
import { outcomeHandlers } from './outcomes.ts'
import { calendarHandlers } from './calendar.ts'
import { calendarLifeNow, recordCalendarChange } from './calendar-ledger.ts'
import { calendarSubscriptionHandlers } from './calendar-subscription.ts'
import { EXCHANGE_METHODS_OWN_TRANSACTION, exchangeHandlers, issuesOf } from './exchange.ts'
import { measureHandlers } from './measures.ts'
import { measurePageHandlers } from './measure-page.ts'
import { refreshSummaries } from '../store/summary-table.ts'
import { metaHandlers } from './meta.ts'
import { reportHandlers } from './report.ts'
import { chartHandlers } from './charts.ts'
import { reminderHandlers } from './reminders.ts'
import { noteHandlers, tagHandlers } from './notes.ts'
import { progressHandlers } from './progress.ts'
import { sourceHandlers } from './sources.ts'
import { BACKUP_METHODS_OWN_TRANSACTION, backupHandlers } from './backups.ts'
import { watchHandlers } from './watch.ts'
import { datasetHandlers } from './datasets.ts'
import { datasetFeedHandlers } from './dataset-feed.ts'
import { resolveCitedHits } from '../store/watch-rows.ts'

export const handlers: Handlers<MethodName> = {
  ...metaHandlers,
  ...measureHandlers,
  ...measurePageHandlers,
  ...eventHandlers,
  ...outcomeHandlers,
  ...progressHandlers,
  ...sourceHandlers,
  ...noteHandlers,
  ...tagHandlers,
  ...exchangeHandlers,
  ...reportHandlers,
  ...chartHandlers,
  ...reminderHandlers,
  ...calendarHandlers,
  ...calendarSubscriptionHandlers,
  ...backupHandlers,
  ...watchHandlers,
  ...datasetHandlers,
  ...datasetFeedHandlers,
}

/** Mutations that write their own audit rows (many measures at once; a setting with its value before; reminders shown; the calendar subscription without its key). */
const SELF_AUDITED: ReadonlySet<MethodName> = new Set([
  'exchange.import',
  'reminders.setLeadDays',
  'reminders.markShown',
  'calendar.configureSubscription',
  'calendar.setSubscriptionFile',
  // Watching (issue 16): settings changes with their value before, and the runner's compact record of a check.
  'watch.configure',
  'watch.addFeed',
  'watch.setFeedEnabled',
  'watch.removeFeed',
  'watch.record',
  // Dataset updates: one summary row naming the versions ("dataset us-cn-truce-2025 v3 → v4").
  'dataset.apply',
  'dataset.undo',
  // The dataset feed: its settings with their value before; a check's compact result (no file bytes).
  'datasetFeed.configure',
  'datasetFeed.record',
])

function isDetail(output: unknown): output is MeasureDetail {
  return typeof output === 'object' && output !== null && 'history' in output && 'state' in output
}

function measureIdOf(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null
  const record = input as { measureId?: unknown; id?: unknown }
  const id = record.measureId ?? record.id
  return typeof id === 'string' ? id : null
}

export interface Service {
  readonly context: ServiceContext
  call<M extends MethodName>(method: M, input: unknown): Result<Output<M>>
  call(method: string, input: unknown): Result<unknown>
}

export function createService(context: ServiceContext): Service {
  function run(method: string, rawInput: unknown): Result<unknown> {
    if (!isMethodName(method)) return fail('NOT_FOUND', `Unknown method "${method}"`)
    const spec = api[method]
    const parsed = spec.input.safeParse(rawInput ?? {})
    if (!parsed.success) {
      const issues = issuesOf(parsed.error)
      return fail('VALIDATION', issues.map((i) => (i.path.length ? `${formatIssuePath(i.path)}: ${i.message}` : i.message)).join('; '), {
        issues,
      })
    }
    const handler = handlers[method] as Handler<MethodName>
    try {
      if (spec.kind === 'query' || BACKUP_METHODS_OWN_TRANSACTION.has(method) || EXCHANGE_METHODS_OWN_TRANSACTION.has(method))
        return ok(handler(context, parsed.data as never))
      return ok(
        inTransaction(context.db, () => {
          const measureId = measureIdOf(parsed.data)
          const before = measureId && !SELF_AUDITED.has(method) ? readMeasure(context.db, measureId) : null
          const calendarBefore = before ? calendarLifeNow(context.db, before.id) : null
          const output = handler(context, parsed.data as never)
          if (!SELF_AUDITED.has(method)) {
            const auditedId = measureId ?? measureIdOf(output)
            writeAudit(context.db, {
              at: timestamp(context.nowMs()),
              actor: context.actor,
              action: method,
              measureId: auditedId,
              before,
              after: auditedId ? readMeasure(context.db, auditedId) : output,
            })
            // What the change means for calendars that imported or subscribed to an export (issue 13).
            if (auditedId) recordCalendarChange(context, auditedId, calendarBefore)
            // A watched document an event now cites has been dealt with (issue 16).
            if (auditedId) resolveCitedHits(context.db, auditedId, timestamp(context.nowMs()))
            // A returned measure page includes its history: let it show the change just made.
            if (auditedId && isDetail(output)) output.history = auditOf(context, auditedId)
          }
          // The board's summary rows this change made dirty, recomputed before it commits (issue 14).
          refreshSummaries(context.db, context.nowMs(), { dirtyOnly: true })
          return output
        }),
      )
    } catch (error) {
      if (error instanceof ServiceError) return fail(error.code, error.message, error.details)
      const message = (error as Error).message ?? String(error)
      // SQLite errors (disk full, locked past the busy timeout, corruption) surface as STORAGE,
      // naming the file and the next step (store/storage-errors.ts).
      if ((error as { code?: string }).code === 'ERR_SQLITE_ERROR') {
        const wrapped = storageError(context.dbPath, spec.kind === 'query' ? 'Reading' : 'Writing to', error)
        return wrapped instanceof ServiceError ? fail(wrapped.code, wrapped.message, wrapped.details) : fail('STORAGE', message)
      }
      return fail('INTERNAL', message)
    }
  }
  return { context, call: run as Service['call'] }
}
