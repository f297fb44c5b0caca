// Concurrent edits (issue 17, src/shared/revision.ts): a change of one measure that says which
// revision it was based on is refused with CONFLICT when the measure has changed since — checked
// inside the write transaction, so two writers cannot both pass the check.
import type { StaleChangeDetails } from '../../shared/revision.ts'
import { ServiceError } from '../../shared/result.ts'
import type { StoredMeasure } from '../store/measure-rows.ts'
import { statement } from '../store/statements.ts'
import type { ServiceContext } from './context.ts'
import { measureRevision } from './revision.ts'

/** Throws CONFLICT (nothing is written) when `measure` is no longer at `baseRevision`. */
export function refuseIfStale(context: ServiceContext, measure: StoredMeasure, baseRevision: string): void {
  const revision = measureRevision(measure)
  if (revision === baseRevision) return
  const last = statement(context.db, 'SELECT actor, at, action FROM audit WHERE measure_id = ? ORDER BY id DESC LIMIT 1').get(
    measure.id,
  ) as { actor: string; at: string; action: string } | undefined
  const details: StaleChangeDetails = { reason: 'stale', measureId: measure.id, editRevision: revision, change: last ? { ...last } : null }
  const by = last ? ` by ${last.actor} at ${last.at} (${last.action})` : ''
  throw new ServiceError(
    'CONFLICT',
    `Measure "${measure.id}" was changed${by} after this change was prepared. Nothing was changed: look at the measure as it is now and make the change again.`,
    { ...details },
  )
}
