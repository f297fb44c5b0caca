// The one service every host calls: validate input against the contract, run the handler (a
// mutation in one write transaction, audited), and answer with a Result — never a throw.
// `createCore` is that service run synchronously where the database is open (the core's worker,
// the command line); hosts hold a `Service`, whose answers are promises (issue 17), whether the
// core runs in their thread (`inProcessService`) or in a worker (src/core/worker).
import { api, isMethodName, type MethodName, type MutationName, type Output } from '../../shared/api.ts'
import type { AuditEntry, MeasureDetail } from '../../shared/api-views.ts'
import { ServiceError, fail, ok, type Result } from '../../shared/result.ts'
import { validationFailure } from '../../shared/validation-failure.ts'
import { inTransaction } from '../store/database.ts'
import { storageError } from '../store/storage-errors.ts'
import { readMeasure } from '../store/measure-rows.ts'
import { writeAudit } from './audit.ts'
import { AUDIT_RULES, measureBefore, type AuditRule } from '../../shared/audit-rules.ts'
import { refuseIfStale } from './stale-changes.ts'
import { takeBaseRevision } from '../../shared/revision.ts'
import { timestamp } from './clock.ts'
import type { Handler, Handlers, ServiceContext } from './context.ts'
import { auditOf } from './detail.ts'
import { eventHandlers } from './events.ts'
import { outcomeHandlers } from './outcomes.ts'
import { calendarHandlers } from './calendar.ts'
import { calendarLifeNow, recordCalendarChange } from './calendar-ledger.ts'
import { calendarSubscriptionHandlers } from './calendar-subscription.ts'
import { exchangeHandlers } from './exchange.ts'
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
import { backupHandlers } from './backups.ts'
import { watchHandlers } from './watch.ts'
import { datasetHandlers } from './datasets.ts'
import { datasetFeedHandlers } from './dataset-feed.ts'
import { resolveCitedHits } from '../store/watch-rows.ts'
import { isPostgres } from '../store/db.ts'

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

/** The service where the database is open: each call runs to its end before it returns. */
export interface Core {
  readonly context: ServiceContext
  call<M extends MethodName>(method: M, input: unknown): Result<Output<M>>
  call(method: string, input: unknown): Result<unknown>
}

/** The service as every host holds it: the same contract, answered asynchronously. */
export interface Service {
  call<M extends MethodName>(method: M, input: unknown): Promise<Result<Output<M>>>
  call(method: string, input: unknown): Promise<Result<unknown>>
}

/** A Service over a core in this thread (the command line, and tests of hosts). */
export function inProcessService(core: Core): Service {
  return { call: ((method: string, input: unknown) => Promise.resolve(core.call(method, input))) as Service['call'] }
}

export function createCore(context: ServiceContext): Core {
  /** A mutation inside the service's write transaction, audited as its rule declares (audit-rules.ts). */
  function runAudited(rule: AuditRule, method: string, handler: Handler<MethodName>, input: never, baseRevision: string | null): unknown {
    const measureId = measureBefore(rule, input)
    const before = measureId ? readMeasure(context.db, measureId) : null
    if (before && baseRevision !== null) refuseIfStale(context, before, baseRevision)
    const calendarBefore = before ? calendarLifeNow(context.db, before.id) : null
    const output = handler(context, input)
    if (rule.audit !== 'self') {
      const auditedId = rule.audit === 'measure' && rule.from === 'answer' ? (output as { id: string }).id : measureId
      writeAudit(context.db, {
        at: timestamp(context.nowMs()),
        actor: context.actor,
        action: method as AuditEntry['action'],
        measureId: auditedId,
        before,
        after: auditedId ? readMeasure(context.db, auditedId) : output,
      })
      if (auditedId) {
        // What the change means for calendars that imported or subscribed to an export (issue 13).
        recordCalendarChange(context, auditedId, calendarBefore)
        // A watched document an event now cites has been dealt with (issue 16).
        resolveCitedHits(context.db, auditedId, timestamp(context.nowMs()))
        // A returned measure page includes its history: let it show the change just made.
        if (rule.audit === 'measure' && rule.answersPage) (output as MeasureDetail).history = auditOf(context, auditedId)
      }
    }
    // The board's summary rows this change made dirty, recomputed before it commits (issue 14).
    refreshSummaries(context.db, context.nowMs(), { dirtyOnly: true })
    return output
  }

  function run(method: string, rawInput: unknown): Result<unknown> {
    if (!isMethodName(method)) return fail('NOT_FOUND', `Unknown method "${method}"`)
    const spec = api[method]
    // A change of one measure may carry the revision it was based on: taken off before the
    // contract's own (strict) schema sees the input, checked in the write transaction.
    const { input: contractInput, baseRevision, refusal } = takeBaseRevision(method, rawInput ?? {})
    if (refusal) return refusal
    const parsed = spec.input.safeParse(contractInput)
    if (!parsed.success) return validationFailure(parsed.error)
    const handler = handlers[method] as Handler<MethodName>
    try {
      if (spec.kind === 'query') return ok(handler(context, parsed.data as never))
      const rule = AUDIT_RULES[method as MutationName]
      if ('transaction' in rule) return ok(handler(context, parsed.data as never))
      return ok(inTransaction(context.db, () => runAudited(rule, method, handler, parsed.data as never, baseRevision)))
    } catch (error) {
      if (error instanceof ServiceError) return fail(error.code, error.message, error.details)
      const message = (error as Error).message ?? String(error)
      // SQLite errors (disk full, locked past the busy timeout, corruption) and a team database's
      // (unreachable, refused) surface as STORAGE or FORBIDDEN, naming the store and the next step
      // (store/storage-errors.ts).
      if ((error as { code?: string }).code === 'ERR_SQLITE_ERROR' || isPostgres(context.db)) {
        const wrapped = storageError(context.dbPath, spec.kind === 'query' ? 'Reading' : 'Writing to', error)
        if (wrapped instanceof ServiceError) return fail(wrapped.code, wrapped.message, wrapped.details)
      }
      return fail('INTERNAL', message)
    }
  }
  return { context, call: run as Core['call'] }
}
