// Opening the SQLite file: location, permissions, pragmas, migrations. One writer connection per
// process; WAL lets the app and the command line have the same file open.
import { DatabaseSync, backup } from 'node:sqlite'
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'
import { dirname } from 'node:path'
import { MIGRATIONS } from './migrations.ts'
import { ServiceError } from '../../shared/result.ts'

export const BUSY_TIMEOUT_MS = 5_000

export interface OpenedDatabase {
  db: DatabaseSync
  path: string
  /** Schema version before opening (0 for a new file). */
  previousVersion: number
  schemaVersion: number
  /** Path of the copy made before migrating, if any. */
  backupPath: string | null
}

export class SchemaTooNewError extends ServiceError {
  constructor(path: string, found: number, supported: number) {
    super(
      'STORAGE',
      `The database ${path} was written by a newer version of Measure Tracker (schema ${found}; this version reads up to ${supported}). ` +
        'Update the program, or open another database with --db.',
      { found, supported },
    )
  }
}

/** Creates the file (and its folder) readable by the user only, before SQLite touches it. */
function createPrivateFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600))
  // SQLite gives the -wal and -shm files the main file's permissions.
  chmodSync(path, 0o600)
}

function userVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number }
  return row.user_version
}

export async function openDatabase(path: string, migrations: readonly string[] = MIGRATIONS): Promise<OpenedDatabase> {
  const inMemory = path === ':memory:'
  if (!inMemory) createPrivateFile(path)
  const db = new DatabaseSync(path, { timeout: BUSY_TIMEOUT_MS, enableForeignKeyConstraints: true })
  try {
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`)
    db.exec('PRAGMA journal_mode = WAL')
    db.exec('PRAGMA synchronous = FULL')
    db.exec('PRAGMA foreign_keys = ON')
    const previousVersion = userVersion(db)
    if (previousVersion > migrations.length) throw new SchemaTooNewError(path, previousVersion, migrations.length)
    let backupPath: string | null = null
    if (previousVersion > 0 && previousVersion < migrations.length && !inMemory) {
      backupPath = `${path}.v${previousVersion}-${Date.now()}.bak`
      await backup(db, backupPath)
      chmodSync(backupPath, 0o600)
    }
    migrate(db, migrations, previousVersion)
    return { db, path, previousVersion, schemaVersion: migrations.length, backupPath }
  } catch (error) {
    db.close()
    throw error
  }
}

function migrate(db: DatabaseSync, migrations: readonly string[], from: number): void {
  for (let step = from; step < migrations.length; step++) {
    // BEGIN IMMEDIATE takes the write lock first, so two processes never migrate at once; the
    // version is re-read inside the lock in case the other one just did it.
    db.exec('BEGIN IMMEDIATE')
    try {
      if (userVersion(db) !== step) {
        db.exec('ROLLBACK')
        continue
      }
      db.exec(migrations[step] as string)
      db.exec(`PRAGMA user_version = ${step + 1}`)
      db.exec('COMMIT')
    } catch (error) {
      db.exec('ROLLBACK')
      throw new ServiceError('STORAGE', `Migrating the database to schema ${step + 1} failed: ${(error as Error).message}`)
    }
  }
}

/** Runs `work` in one write transaction: all of it is committed, or none of it. */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE')
  try {
    const result = work()
    db.exec('COMMIT')
    return result
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK')
    throw error
  }
}

/** Changes when another connection commits (PRAGMA data_version): drives live refresh. */
export function dataVersion(db: DatabaseSync): number {
  return (db.prepare('PRAGMA data_version').get() as { data_version: number }).data_version
}
