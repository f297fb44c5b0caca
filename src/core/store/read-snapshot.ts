// One consistent state of the store for a read made of several queries (the export, the calendar
// of every measure, the report's two passes): a transaction of its own, unless the caller already
// holds one. On SQLite a read transaction sees one snapshot; on PostgreSQL that takes REPEATABLE
// READ (its default, READ COMMITTED, gives each statement a snapshot of its own, so a measure
// deleted between two queries would be in one and not the other).
import { isPostgres, type Db } from './db.ts'

/** Begins the snapshot; the function returned ends it. */
function beginSnapshot(db: Db): () => void {
  if (db.isTransaction) return () => {}
  db.exec(isPostgres(db) ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN')
  return () => db.exec('COMMIT')
}

/** `read()` on one snapshot of the store. */
export function inSnapshot<T>(db: Db, read: () => T): T {
  const end = beginSnapshot(db)
  try {
    return read()
  } finally {
    end()
  }
}

/** The pieces `chunks()` yields, all read on one snapshot (ended when they end, or when the reader stops early). */
export function* chunksInSnapshot<T>(db: Db, chunks: () => Iterable<T>): Generator<T, void, undefined> {
  const end = beginSnapshot(db)
  try {
    yield* chunks()
  } finally {
    end()
  }
}
