// What happens to a database file before the store opens it for writing (one call in open.ts):
// a damaged file is refused before anything can write to it, and a host that asks for it gets
// the rolling daily backup — taken from the file as it was found, before any migration or seed.
import { DatabaseSync } from 'node:sqlite'
import { assertNotDamaged, hasSqliteHeader } from './damage.ts'
import { makeDailyBackup } from './backup.ts'

export interface BeforeOpenOptions {
  /** Make today's backup if there is none yet (the app and the browser host; not the command line). */
  dailyBackup: boolean
  /** Read every page (PRAGMA quick_check) rather than only the header and schema. */
  quickCheck?: boolean
  now?: Date
}

export interface BeforeOpenResult {
  dailyBackupPath: string | null
  /** Why the daily copy could not be made (full disk, read-only folder): opening goes on regardless. */
  dailyBackupError: string | null
}

/** Throws DamagedDatabaseError for a damaged file; never writes to the database file itself. */
export async function beforeOpen(path: string, options: BeforeOpenOptions): Promise<BeforeOpenResult> {
  const result: BeforeOpenResult = { dailyBackupPath: null, dailyBackupError: null }
  assertNotDamaged(path, { quickCheck: options.quickCheck ?? true })
  if (!options.dailyBackup || path === ':memory:' || !hasSqliteHeader(path)) return result
  let db: DatabaseSync | undefined
  try {
    db = new DatabaseSync(path, { readOnly: true })
    // Only our own files get a backups folder beside them: another program's SQLite file is left alone.
    if (!db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'measures'").get()) return result
    result.dailyBackupPath = await makeDailyBackup(db, path, options.now ?? new Date())
  } catch (error) {
    result.dailyBackupError = (error as Error).message
  } finally {
    db?.close()
  }
  return result
}
