// Opening the SQLite file: what is at the path, read-only or not, pragmas, migrations. One writer
// connection per process; WAL lets the app and the command line have the same file open.
//
// Opening writes nothing that is not needed: the checks before it only look (file-check.ts), the
// schema version is read before any pragma could write, journal_mode is set only on a file that
// is not in WAL mode yet (it is persistent), and a file without write permission, in a read-only
// folder or on read-only media is opened read-only. So `status` opens while another process holds
// a long write transaction, and a newer version's file is refused byte for byte unchanged.
import { DatabaseSync, backup } from 'node:sqlite'
import { closeSync, mkdirSync, openSync, unlinkSync } from 'node:fs'
import { dirname } from 'node:path'
import { pathToFileURL } from 'node:url'
import { MIGRATIONS } from './migrations.ts'
import { checkDatabasePath } from './file-check.ts'
import { isOwnLocation } from './location.ts'
import { isBusyError, isCantOpenError, isReadOnlyError, lockedError, readOnlyError, storageError } from './storage-errors.ts'
import { ServiceError } from '../../shared/result.ts'
import type { Db } from './db.ts'

export const BUSY_TIMEOUT_MS = 5_000

export interface OpenDatabaseOptions {
  /**
   * The app's own default location: a missing folder is created (0700) and an empty file is taken
   * as one an earlier first run created. Elsewhere both are refused, so a typo in --db or an empty
   * file someone made is never silently turned into a new database. Default: the path is
   * location.ts's isOwnLocation().
   */
  ownLocation?: boolean
}

export interface OpenedDatabase {
  db: DatabaseSync
  path: string
  /** Schema version before opening (0 for a new file). */
  previousVersion: number
  schemaVersion: number
  /** Path of the copy made before migrating, if any. */
  backupPath: string | null
  /** This process created the file. */
  created: boolean
  /** Why the file was opened read-only (no write permission, read-only folder or media), or null. */
  readOnlyReason: string | null
}

export class SchemaTooNewError extends ServiceError {
  constructor(path: string, found: number, supported: number) {
    super(
      'STORAGE',
      `The database ${path} was written by a newer version of Measure Tracker (schema ${found}; this version reads up to ${supported}). ` +
        'Nothing was changed. Update the program, or open another database with --db.',
      { path, found, supported },
    )
  }
}

/** What every store connection is (a file this module opened, a team database): for messages and the read-only rule in inTransaction. */
const connections = new WeakMap<Db, { path: string; readOnlyReason: string | null }>()

/** Records what a connection opened elsewhere (the team database: postgres/open-team-store.ts) is. */
export function registerConnection(db: Db, info: { path: string; readOnlyReason: string | null }): void {
  connections.set(db, info)
}

/** Why this connection is read-only, or null (also null for connections opened elsewhere). */
export function readOnlyReasonOf(db: Db): string | null {
  return connections.get(db)?.readOnlyReason ?? null
}

/** Creates the file (and, only when asked, its folder) readable by the user only, before SQLite touches it. */
function createPrivateFile(path: string, createFolder: boolean): void {
  if (createFolder) mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  try {
    // Exclusive: an existing file is never taken over; SQLite gives -wal and -shm this mode.
    closeSync(openSync(path, 'wx', 0o600))
  } catch (error) {
    // Another process created it a moment ago (two first runs at once): open what it made.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw storageError(path, 'Creating', error)
  }
}

function userVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number }
  return row.user_version
}

function tableNames(db: DatabaseSync): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map(
    (row) => row.name,
  )
}

/**
 * A SQLite file with tables but no schema version belongs to another program (ours sets the
 * version in the same transaction as the first tables). One that sets user_version itself cannot
 * be told apart by this check.
 */
function refuseForeign(db: DatabaseSync, path: string, version: number): void {
  if (version > 0) return
  const tables = tableNames(db)
  if (tables.length === 0) return
  throw new ServiceError(
    'STORAGE',
    `${path} is a SQLite database of another program (tables: ${tables.slice(0, 5).join(', ')}), not a Measure Tracker database. Nothing was changed. Check the path given with --db.`,
    { path, notOurs: true },
  )
}

/** Read-only: on read-only media a WAL file whose -shm cannot be created opens only as immutable. */
function openReadOnly(path: string): DatabaseSync {
  const db = new DatabaseSync(path, { readOnly: true, timeout: BUSY_TIMEOUT_MS, enableForeignKeyConstraints: true })
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get()
    return db
  } catch (error) {
    db.close()
    if (!isCantOpenError(error)) throw error
  }
  // Nobody can be writing to a file whose folder cannot hold a -wal file: reading it as immutable is safe.
  const url = pathToFileURL(path)
  url.searchParams.set('immutable', '1')
  return new DatabaseSync(url, { readOnly: true, enableForeignKeyConstraints: true })
}

function setUpReadOnly(db: DatabaseSync, path: string, reason: string, migrations: readonly string[]): number {
  const version = userVersion(db)
  if (version > migrations.length) throw new SchemaTooNewError(path, version, migrations.length)
  refuseForeign(db, path, version)
  if (version < migrations.length) {
    throw new ServiceError(
      'STORAGE',
      `${path} is read-only (${reason}) and needs upgrading from schema ${version} to ${migrations.length}, which writes to it. Nothing was changed. Copy it somewhere writable or change its permissions, then open it again.`,
      { path, readOnly: true, reason },
    )
  }
  db.exec('PRAGMA foreign_keys = ON')
  return version
}

async function setUpWritable(db: DatabaseSync, path: string, migrations: readonly string[], inMemory: boolean) {
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`)
  // Read before anything that could write: a newer version's file must stay byte-identical.
  const previousVersion = userVersion(db)
  if (previousVersion > migrations.length) throw new SchemaTooNewError(path, previousVersion, migrations.length)
  refuseForeign(db, path, previousVersion)
  // journal_mode is stored in the file: setting it again would take the write lock on every open.
  const mode = (db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode
  if (mode !== 'wal' && !inMemory) db.exec('PRAGMA journal_mode = WAL')
  db.exec('PRAGMA synchronous = FULL')
  db.exec('PRAGMA foreign_keys = ON')
  let backupPath: string | null = null
  if (previousVersion > 0 && previousVersion < migrations.length && !inMemory) {
    backupPath = `${path}.v${previousVersion}-${Date.now()}.bak`
    // Created 0600 before SQLite writes the copy into it: the copy is never readable by others.
    closeSync(openSync(backupPath, 'wx', 0o600))
    await backup(db, backupPath)
  }
  migrate(db, path, migrations, previousVersion, backupPath)
  return { previousVersion, backupPath }
}

export async function openDatabase(
  path: string,
  migrations: readonly string[] = MIGRATIONS,
  options: OpenDatabaseOptions = {},
): Promise<OpenedDatabase> {
  const inMemory = path === ':memory:'
  let created = false
  let readOnlyReason: string | null = null
  if (!inMemory) {
    const ownLocation = options.ownLocation ?? isOwnLocation(path)
    const checked = checkDatabasePath(path, { ownLocation })
    if (checked.state === 'new') {
      createPrivateFile(path, checked.createFolder)
      created = true
    } else readOnlyReason = checked.readOnlyReason
  }
  const schemaVersion = migrations.length
  if (readOnlyReason === null) {
    let db: DatabaseSync | undefined
    try {
      db = new DatabaseSync(path, { timeout: BUSY_TIMEOUT_MS, enableForeignKeyConstraints: true })
      const { previousVersion, backupPath } = await setUpWritable(db, path, migrations, inMemory)
      connections.set(db, { path, readOnlyReason: null })
      return { db, path, previousVersion, schemaVersion, backupPath, created, readOnlyReason: null }
    } catch (error) {
      db?.close()
      // Read-only media the checks could not see (a network share): SQLite says so on first write.
      if (!created && !inMemory && isReadOnlyError(error)) readOnlyReason = `SQLite: ${(error as Error).message}`
      else {
        if (created) removeUnusedFile(path)
        throw storageError(path, 'Opening', error)
      }
    }
  }
  let db: DatabaseSync | undefined
  try {
    db = openReadOnly(path)
    const previousVersion = setUpReadOnly(db, path, readOnlyReason, migrations)
    connections.set(db, { path, readOnlyReason })
    return { db, path, previousVersion, schemaVersion, backupPath: null, created: false, readOnlyReason }
  } catch (error) {
    db?.close()
    throw storageError(path, 'Opening', error)
  }
}

/** A file this process created and could not set up holds nothing: leave no empty file behind. */
function removeUnusedFile(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      unlinkSync(file)
    } catch {
      // Already gone, or never made.
    }
  }
}

function migrate(db: DatabaseSync, path: string, migrations: readonly string[], from: number, backupPath: string | null): void {
  for (let step = from; step < migrations.length; step++) {
    // BEGIN IMMEDIATE takes the write lock first, so two processes never migrate at once; the
    // version is re-read inside the lock in case the other one just did it.
    try {
      db.exec('BEGIN IMMEDIATE')
    } catch (error) {
      throw isBusyError(error) ? lockedError(path) : storageError(path, 'Upgrading', error)
    }
    try {
      if (userVersion(db) !== step) {
        db.exec('ROLLBACK')
        continue
      }
      db.exec(migrations[step] as string)
      db.exec(`PRAGMA user_version = ${step + 1}`)
      db.exec('COMMIT')
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK')
      const kept = backupPath ? ` The copy made before upgrading is ${backupPath}.` : ''
      throw new ServiceError(
        'STORAGE',
        `Migrating the database to schema ${step + 1} failed for ${path}: ${(error as Error).message}. This step changed nothing.${kept} Check free disk space and permissions, then open it again.`,
        { path },
      )
    }
  }
}

/**
 * Runs `work` in one write transaction: all of it is committed, or none of it. A read-only
 * connection refuses (FORBIDDEN) before anything starts; SQLite errors name the file.
 */
export function inTransaction<T>(db: Db, work: () => T): T {
  const info = connections.get(db)
  if (info?.readOnlyReason) throw readOnlyError(info.path, info.readOnlyReason)
  const wrap = (error: unknown) => (info ? storageError(info.path, 'Writing to', error) : error)
  try {
    db.exec('BEGIN IMMEDIATE')
  } catch (error) {
    throw wrap(error)
  }
  try {
    const result = work()
    db.exec('COMMIT')
    return result
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK')
    throw wrap(error)
  }
}

/** Changes when another connection commits (PRAGMA data_version): drives live refresh. */
export function dataVersion(db: DatabaseSync): number {
  return (db.prepare('PRAGMA data_version').get() as { data_version: number }).data_version
}
