// The calendar ledger's rows (migration 5): cancelled transitions, and the SEQUENCE each measure's
// calendar entries last had. They record what calendars outside were told, not a measure's data:
// an import that replaces a measure and a restore of a backup keep them (staged-import.ts,
// restore.ts), so the cancellations those changes cause can be written after them.
import type { Db } from './db.ts'
import type { LocalizedText } from '../../shared/domain.ts'
import type { CancelledTransition } from '../calendar/ics.ts'
import { arrays } from './array-rows.ts'
import { statement } from './statements.ts'

/** Tables that describe the world outside the database: never replaced by an import or a restore. */
export const CALENDAR_LEDGER_TABLES: readonly string[] = ['calendar_cancellations', 'calendar_sequences']

const COLUMNS = 'uid, measure_id, event_id, kind, at, at_ms, title, instrument, reason, moved_to, sequence, cancelled_at, cancelled_ms'

/** Cancellations made at or after `sinceMs` (all measures, or one), in a stable order. */
export function readCancellations(db: Db, sinceMs: number, measureId?: string): CancelledTransition[] {
  const rows =
    measureId === undefined
      ? arrays(db, `SELECT ${COLUMNS} FROM calendar_cancellations WHERE cancelled_ms >= ? ORDER BY measure_id, at_ms, uid`, sinceMs)
      : arrays(
          db,
          `SELECT ${COLUMNS} FROM calendar_cancellations WHERE cancelled_ms >= ? AND measure_id = ? ORDER BY at_ms, uid`,
          sinceMs,
          measureId,
        )
  return rows.map((row) => ({
    uid: row[0] as string,
    measureId: row[1] as string,
    eventId: row[2] as string,
    kind: row[3] as CancelledTransition['kind'],
    at: row[4] as string,
    atMs: row[5] as number,
    title: JSON.parse(row[6] as string) as LocalizedText,
    instrument: row[7] as string,
    reason: row[8] as CancelledTransition['reason'],
    movedTo: row[9] as string | null,
    sequence: row[10] as number,
    cancelledAt: row[11] as string,
  }))
}

export function writeCancellation(db: Db, gone: CancelledTransition): void {
  statement(db, `INSERT OR REPLACE INTO calendar_cancellations (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    gone.uid,
    gone.measureId,
    gone.eventId,
    gone.kind,
    gone.at,
    gone.atMs,
    JSON.stringify(gone.title),
    gone.instrument,
    gone.reason,
    gone.movedTo,
    gone.sequence,
    gone.cancelledAt,
    Date.parse(gone.cancelledAt),
  )
}

/** Transitions of a measure that are live (again, after an undo or a restore): they are no longer cancelled. */
export function withdrawCancellations(db: Db, measureId: string, liveUids: readonly string[]): void {
  statement(db, 'DELETE FROM calendar_cancellations WHERE measure_id = ? AND uid IN (SELECT value FROM json_each(?))').run(
    measureId,
    JSON.stringify(liveUids),
  )
}

/** Forgets cancellations made before `beforeMs` (past the retention period). */
export function forgetCancellationsBefore(db: Db, beforeMs: number): void {
  statement(db, 'DELETE FROM calendar_cancellations WHERE cancelled_ms < ?').run(beforeMs)
}

/** Each measure's recorded SEQUENCE (only measures whose calendar entries changed since migration 5). */
export function readSequences(db: Db, measureId?: string): Map<string, number> {
  const rows =
    measureId === undefined
      ? arrays(db, 'SELECT measure_id, sequence FROM calendar_sequences')
      : arrays(db, 'SELECT measure_id, sequence FROM calendar_sequences WHERE measure_id = ?', measureId)
  return new Map(rows.map((row) => [row[0] as string, row[1] as number]))
}

export function writeSequence(db: Db, measureId: string, sequence: number): void {
  statement(
    db,
    'INSERT INTO calendar_sequences (measure_id, sequence) VALUES (?, ?) ON CONFLICT(measure_id) DO UPDATE SET sequence = excluded.sequence',
  ).run(measureId, sequence)
}
