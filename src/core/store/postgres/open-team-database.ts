// Opening a team database (PostgreSQL) for the core: the schema brought up to date under the
// migration lock (migrate.ts), then the core's synchronous connection (postgres-db.ts), told
// whether this database user may write. The store's rules are the file's: a newer schema is
// refused unchanged, a user without write access gets a read-only store with the reason.
import type { PostgresDb } from '../db.ts'
import { registerConnection } from '../database.ts'
import { storageError } from '../storage-errors.ts'
import { openPostgres } from './connect.ts'
import { postgresDisplayName } from './display-name.ts'
import { migratePostgres } from './migrate.ts'
import { openPostgresDb, type OpenPostgresDbOptions } from './postgres-db.ts'

/** A team database is named by a postgres:// or postgresql:// connection string (libpq's URI form). */
export function isTeamDatabaseUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location)
}

export interface OpenedTeamDatabase {
  db: PostgresDb
  displayName: string
  previousVersion: number
  schemaVersion: number
  readOnlyReason: string | null
  /** The server process of the core's session: its own change announcements carry it (team-changes.ts). */
  sessionPid: number
  /** The database user this store connects as (the audit names it). */
  databaseUser: string
}

export async function openTeamDatabase(url: string, options: OpenPostgresDbOptions = {}): Promise<OpenedTeamDatabase> {
  const displayName = postgresDisplayName(url)
  const pool = openPostgres(url, { max: 1 })
  let migrated
  try {
    migrated = await migratePostgres(pool, { database: displayName })
  } catch (error) {
    throw storageError(displayName, 'Opening', error)
  } finally {
    await pool.end({ timeout: 5 })
  }
  const db = openPostgresDb(url, options)
  try {
    const session = db
      .prepare("SELECT pg_backend_pid() AS pid, current_user AS who, has_table_privilege('measures', 'INSERT, UPDATE, DELETE') AS writes")
      .get() as {
      pid: number
      who: string
      writes: number
    }
    const readOnlyReason =
      session.writes === 1 ? null : `the database user ${session.who} may read ${displayName} but not change it (a read-only role)`
    registerConnection(db, { path: displayName, readOnlyReason })
    return { db, displayName, ...migrated, readOnlyReason, sessionPid: session.pid, databaseUser: session.who }
  } catch (error) {
    db.close()
    throw storageError(displayName, 'Opening', error)
  }
}
