// The audit trail: one row per change, with the measure as it was before and after.
import type { Db } from '../store/db.ts'
import type { AuditEntry } from '../../shared/api-views.ts'
import { statement } from '../store/statements.ts'

export function writeAudit(
  db: Db,
  entry: { at: string; actor: string; action: AuditEntry['action']; measureId: string | null; before: unknown; after: unknown },
): void {
  statement(db, 'INSERT INTO audit (at, actor, action, measure_id, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?)').run(
    entry.at,
    entry.actor,
    entry.action,
    entry.measureId,
    entry.before === null || entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === null || entry.after === undefined ? null : JSON.stringify(entry.after),
  )
}
