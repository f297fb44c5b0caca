// One measure as the measure page shows it: stored facts and life, derived status, audit trail.
import type { AuditEntry, MeasureDetail } from '../../shared/api-views.ts'
import { ServiceError } from '../../shared/result.ts'
import { baseOf, statusAt, toTimedEvent, transitionsOf } from '../status/engine.ts'
import { readMeasure, type StoredMeasure } from '../store/measure-rows.ts'
import { statement } from '../store/statements.ts'
import type { ServiceContext } from './context.ts'
import { measureRevision } from './revision.ts'

export function requireMeasure(ctx: ServiceContext, id: string, options: { allowDeleted?: boolean } = {}): StoredMeasure {
  const measure = readMeasure(ctx.db, id)
  if (!measure || (measure.deletedAt !== null && !options.allowDeleted)) {
    throw new ServiceError('NOT_FOUND', `No measure with id "${id}"`, { id })
  }
  return measure
}

export function auditOf(ctx: ServiceContext, measureId: string): AuditEntry[] {
  const rows = statement(ctx.db, 'SELECT * FROM audit WHERE measure_id = ? ORDER BY id DESC').all(measureId) as Record<
    string,
    string | number | null
  >[]
  return rows.map((row) => ({
    id: row.id as number,
    at: row.at as string,
    actor: row.actor as string,
    action: row.action as AuditEntry['action'],
    measureId: row.measure_id as string | null,
    before: row.before_json === null ? null : JSON.parse(row.before_json as string),
    after: row.after_json === null ? null : JSON.parse(row.after_json as string),
  }))
}

export function detailOf(ctx: ServiceContext, measure: StoredMeasure, atMs: number): MeasureDetail {
  const timed = measure.events.map(toTimedEvent)
  const base = baseOf(measure)
  return {
    ...measure,
    state: statusAt(timed, atMs, base),
    transitions: transitionsOf(timed, base),
    history: auditOf(ctx, measure.id),
    editRevision: measureRevision(measure),
  }
}
