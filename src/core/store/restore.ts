// Going back to a backup. First `inspectBackup` says what the copy holds (and refuses anything
// that is not a sound Measure Tracker database this version can read); then the current state is
// kept as a backup of its own, and only then are the contents replaced.
//
// A sound database is restored *through SQLite*: one transaction on the open connection empties
// every table and fills it from the (migrated) copy. Other processes that have the file open —
// the app while the command line restores, or the reverse — see an ordinary commit and refresh;
// nothing renames or rewrites a file under an open connection, which is how SQLite files get
// corrupted. It is synchronous, so the service (called synchronously by every host) can run it.
//
// A damaged database cannot be read table by table, and nothing may open it for writing, so it
// is set aside byte for byte (`…-damaged.db`, with its -wal) and the migrated copy is renamed into
// its place (restoreOverDamaged; the command line only — no store can be open on a damaged file).
import { DatabaseSync } from 'node:sqlite'
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { ServiceError } from '../../shared/result.ts'
import { MIGRATIONS } from './migrations.ts'
import { hasSqliteHeader, isDamageError } from './damage.ts'
import { newBackupPath, privateTemporary, writeBackupSync } from './backup.ts'
import type { BackupContents } from '../../shared/api-views.ts'
import { isDerivedSummaryTable, resetSummaries } from './summary-table.ts'

/** What a backup holds (the page's `BackupContents`), plus where it is and when it was written. */
export interface BackupSummary extends BackupContents {
  path: string
  /** When the file was last written. */
  fileTime: string
}

const refuse = (message: string) => new ServiceError('VALIDATION', message)

function count(db: DatabaseSync, sql: string): number {
  return (db.prepare(sql).get() as { n: number }).n
}

function tableNames(db: DatabaseSync, schema = 'main'): string[] {
  return (
    db.prepare(`SELECT name FROM ${schema}.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid`).all() as {
      name: string
    }[]
  ).map((row) => row.name)
}

/** Opens a file we did not write (read-only; refused unless it is a SQLite file) and runs `work` on it. */
function withReadOnly<T>(path: string, work: (db: DatabaseSync) => T): T {
  if (!existsSync(path)) throw refuse(`${path} does not exist.`)
  if (!statSync(path).isFile() || !hasSqliteHeader(path))
    throw refuse(`${path} is not a Measure Tracker database (it is not a SQLite file).`)
  let db: DatabaseSync | undefined
  try {
    db = new DatabaseSync(path, { readOnly: true })
    return work(db)
  } catch (error) {
    if (error instanceof ServiceError) throw error
    if (isDamageError(error)) throw refuse(`${path} is damaged and cannot be restored (SQLite: ${(error as Error).message}).`)
    throw refuse(`${path} cannot be read as a Measure Tracker database: ${(error as Error).message}`)
  } finally {
    db?.close()
  }
}

/** What a backup holds; throws a VALIDATION error naming the file when it cannot be restored. */
export function inspectBackup(path: string, supportedVersion = MIGRATIONS.length): BackupSummary {
  return withReadOnly(path, (db) => {
    const version = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version
    const tables = new Set(tableNames(db))
    if (version === 0 || !['measures', 'events', 'notes', 'audit'].every((name) => tables.has(name)))
      throw refuse(`${path} is not a Measure Tracker database (it has no measures table or schema version).`)
    if (version > supportedVersion)
      throw refuse(
        `${path} was written by a newer version of Measure Tracker (schema ${version}; this version reads up to ${supportedVersion}). Update the program to restore it.`,
      )
    const problems = (db.prepare('PRAGMA quick_check').all() as { quick_check: string }[]).filter((row) => row.quick_check !== 'ok')
    if (problems.length > 0) throw refuse(`${path} is damaged and cannot be restored (quick_check: ${problems[0]?.quick_check}).`)
    const newest = db
      .prepare(
        `SELECT max(t) AS t FROM (SELECT max(at) AS t FROM audit UNION ALL SELECT max(updated_at) FROM measures UNION ALL SELECT max(updated_at) FROM notes)`,
      )
      .get() as { t: string | null }
    const stat = statSync(path)
    return {
      path,
      name: basename(path),
      schemaVersion: version,
      measures: count(db, 'SELECT count(*) AS n FROM measures WHERE deleted_at IS NULL'),
      deletedMeasures: count(db, 'SELECT count(*) AS n FROM measures WHERE deleted_at IS NOT NULL'),
      events: count(db, 'SELECT count(*) AS n FROM events'),
      notes: count(db, 'SELECT count(*) AS n FROM notes WHERE deleted_at IS NULL'),
      newestChange: newest.t,
      bytes: stat.size,
      fileTime: stat.mtime.toISOString(),
    }
  })
}

/**
 * A private copy of the backup beside `nearPath`, brought to the current schema with the same
 * numbered steps the store runs (each with its version bump in one transaction). The backup file
 * itself is only read.
 */
function migratedCopy(backupPath: string, nearPath: string): string {
  const temporary = privateTemporary(`${nearPath}.restore`)
  try {
    withReadOnly(backupPath, (source) => source.prepare('VACUUM INTO ?').run(temporary))
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
  const db = new DatabaseSync(temporary)
  try {
    let version = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version
    for (; version < MIGRATIONS.length; version++) {
      db.exec('BEGIN IMMEDIATE')
      try {
        db.exec(MIGRATIONS[version] as string)
        db.exec(`PRAGMA user_version = ${version + 1}`)
        db.exec('COMMIT')
      } catch (error) {
        db.exec('ROLLBACK')
        throw new ServiceError('STORAGE', `Bringing ${backupPath} to schema ${version + 1} failed: ${(error as Error).message}`)
      }
    }
  } catch (error) {
    db.close()
    rmSync(temporary, { force: true })
    throw error
  }
  db.close()
  return temporary
}

function columnsOf(db: DatabaseSync, schema: string, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?, ?)`).all(table, schema) as { name: string }[]).map((row) => row.name)
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

/** Besides the contents: tables a restore leaves as they are, and work done inside its transaction before the rows go. */
export interface RestoreOptions {
  /** Tables that describe the world outside the database (what calendars were told: calendar-rows.ts). */
  keepTables?: readonly string[]
  beforehand?: () => void
}

/** Empties every table of `db` (but the kept ones) and fills it from the database at `sourcePath`, in one transaction. */
function replaceContents(db: DatabaseSync, sourcePath: string, afterwards: () => void, options: RestoreOptions): void {
  db.prepare('ATTACH DATABASE ? AS restored').run(sourcePath)
  try {
    db.exec('BEGIN IMMEDIATE')
    try {
      options.beforehand?.()
      // Rows arrive parents and children in any order; the keys are checked once, at commit.
      db.exec('PRAGMA defer_foreign_keys = ON')
      const kept = new Set(options.keepTables ?? [])
      // The board's summaries and search index are derived: never copied, recomputed from what was restored.
      const tables = tableNames(db).filter((table) => !kept.has(table) && !isDerivedSummaryTable(table))
      const restoredTables = new Set(tableNames(db, 'restored'))
      for (const table of [...tables].reverse()) db.exec(`DELETE FROM main.${quote(table)}`)
      for (const table of tables) {
        if (!restoredTables.has(table)) continue
        const restoredColumns = new Set(columnsOf(db, 'restored', table))
        const columns = columnsOf(db, 'main', table)
          .filter((column) => restoredColumns.has(column))
          .map(quote)
          .join(', ')
        db.exec(`INSERT INTO main.${quote(table)} (${columns}) SELECT ${columns} FROM restored.${quote(table)}`)
      }
      // AUTOINCREMENT counters (the audit trail's ids) continue from the restored rows.
      if (db.prepare("SELECT 1 FROM main.sqlite_schema WHERE name = 'sqlite_sequence'").get()) {
        db.exec('DELETE FROM main.sqlite_sequence')
        if (db.prepare("SELECT 1 FROM restored.sqlite_schema WHERE name = 'sqlite_sequence'").get())
          db.exec('INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM restored.sqlite_sequence')
      }
      resetSummaries(db)
      afterwards()
      db.exec('COMMIT')
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK')
      throw error
    }
  } finally {
    db.exec('DETACH DATABASE restored')
  }
}

export interface RestoreOutcome {
  summary: BackupSummary
  /** The backup of the state the restore replaced. */
  keptAs: string
}

/**
 * Restores `backupPath` into the open database `db` (file `dbPath`): inspects it, keeps the
 * current state as a `before-restore` backup, then replaces every table's rows (but `keepTables`)
 * in one transaction. `options.beforehand` runs inside it first, `afterwards` last (the service
 * reads the calendar's state before, and writes its audit row and the calendar's changes after).
 */
export function restoreInto(
  db: DatabaseSync,
  dbPath: string,
  backupPath: string,
  now: Date,
  afterwards: (outcome: RestoreOutcome) => void = () => {},
  options: RestoreOptions = {},
): RestoreOutcome {
  const summary = inspectBackup(backupPath)
  const prepared = migratedCopy(backupPath, dbPath)
  try {
    const keptAs = newBackupPath(dbPath, 'before-restore', now)
    writeBackupSync(db, keptAs)
    const outcome = { summary, keptAs }
    replaceContents(db, prepared, () => afterwards(outcome), options)
    return outcome
  } finally {
    rmSync(prepared, { force: true })
  }
}

/**
 * Restores over a damaged database file, which nothing has open for writing: its bytes (and its
 * -wal, whose frames belong to it) are kept as a `damaged` backup, then the migrated copy takes
 * its place by rename. The -wal and -shm go before the rename: a stale -wal would be replayed
 * onto the new file.
 */
export function restoreOverDamaged(dbPath: string, backupPath: string, now: Date): RestoreOutcome {
  const summary = inspectBackup(backupPath)
  const prepared = migratedCopy(backupPath, dbPath)
  try {
    const keptAs = newBackupPath(dbPath, 'damaged', now)
    copyFileSync(dbPath, keptAs)
    if (existsSync(`${dbPath}-wal`)) copyFileSync(`${dbPath}-wal`, `${keptAs}-wal`)
    rmSync(`${dbPath}-wal`, { force: true })
    rmSync(`${dbPath}-shm`, { force: true })
    renameSync(prepared, dbPath)
    return { summary, keptAs }
  } finally {
    rmSync(prepared, { force: true })
  }
}
