// Opening the store for a host: the database file, the embedded dataset on first open, the
// service over it, and a watcher that notices commits by other processes.
import dataset from '../../resources/datasets/us-cn-truce-2025.json' with { type: 'json' }
import { openDatabase, dataVersion, inTransaction } from './store/database.ts'
import { beforeOpen } from './store/before-open.ts'
import { deriveMissingScripts } from './store/derived-scripts.ts'
import { checkDatabasePath } from './store/file-check.ts'
import { isOwnLocation } from './store/location.ts'
import { statement } from './store/statements.ts'
import { createCore, inProcessService, type Core, type Service } from './service/index.ts'
import { importFile, parseExchangeFile } from './service/exchange.ts'
import type { ServiceContext } from './service/context.ts'
import type { Db } from './store/db.ts'
import { isTeamDatabaseUrl, openTeamDatabase } from './store/postgres/open-team-database.ts'
import { watchTeamChanges } from './store/postgres/team-changes.ts'
import { teamActorName } from './actor.ts'

export interface OpenStoreOptions {
  path: string
  actor: string
  /** Fill an empty database with the embedded dataset (default true). */
  seed?: boolean
  nowMs?: () => number
  /** Make the rolling daily backup before opening (the app and the browser host; see store/backup.ts). */
  dailyBackup?: boolean
  /** The app's default location (folder and empty file may be created); see store/database.ts. Default: worked out from the path. */
  ownLocation?: boolean
  /** The built PostgreSQL driver thread (the desktop app's bundle); default: the source file beside blocking-client.ts. */
  teamDriverEntry?: string
}

export interface Store {
  /** The service, answered asynchronously like every host's (here, in this thread). */
  service: Service
  /** The same service, synchronous: for code that runs beside the database (the core's worker, the command line's streaming commands, tests of the core). */
  core: Core
  path: string
  schemaVersion: number
  backupPath: string | null
  /** Calls `listener` when another connection commits (polled; see watchExternalChanges). */
  watchExternalChanges(listener: () => void, intervalMs?: number): () => void
  close(): void
}

/** What openStore also tells the host that opened it (a Store made by a test double need not say). */
export interface OpenedStore extends Store {
  /** The file could not be written (no write permission, read-only folder or media): queries work, mutations are FORBIDDEN. */
  readOnly: boolean
  /** Why it is read-only, in words for a banner or a notice; null when writable. Also in meta.info. */
  readOnlyReason: string | null
  /** This process created the file just now (a new, empty database). */
  created: boolean
}

const SEEDED_KEY = 'seeded'

/** True when the embedded dataset has never been loaded and there are no measures: read only, no lock. */
function needsSeeding(context: ServiceContext): boolean {
  const seeded = statement(context.db, 'SELECT value FROM settings WHERE key = ?').get(SEEDED_KEY)
  if (seeded) return false
  return (statement(context.db, 'SELECT count(*) AS n FROM measures').get() as { n: number }).n === 0
}

/**
 * The service's context on an opened connection, with the embedded dataset loaded into a new
 * writable database (and `mend`, the file's repairs of old rows); the connection is closed if that fails.
 */
function seededContext(
  opened: { db: Db; dbPath: string; schemaVersion: number; readOnlyReason: string | null },
  options: OpenStoreOptions,
  mend?: () => void,
): ServiceContext {
  const context: ServiceContext = {
    db: opened.db,
    dbPath: opened.dbPath,
    schemaVersion: opened.schemaVersion,
    actor: options.actor,
    nowMs: options.nowMs ?? Date.now,
  }
  try {
    if ((options.seed ?? true) && opened.readOnlyReason === null) seedIfEmpty(context)
    if (opened.readOnlyReason === null) mend?.()
  } catch (error) {
    opened.db.close()
    throw error
  }
  return context
}

/**
 * Loads the embedded dataset once, into a database that has never held measures. It looks first
 * and takes the write lock only when there is something to do, so opening a seeded database never
 * waits for (or blocks) another process's write.
 */
function seedIfEmpty(context: ServiceContext): void {
  if (!needsSeeding(context)) return
  inTransaction(context.db, () => {
    // Looked at again inside the lock: another process may have seeded it a moment ago.
    if (!needsSeeding(context)) return
    importFile(context, parseExchangeFile(dataset), { replace: false, dryRun: false, action: 'seed' })
    statement(context.db, 'INSERT INTO settings (key, value) VALUES (?, ?)').run(SEEDED_KEY, JSON.stringify({ dataset: dataset.name }))
  })
}

export async function openStore(options: OpenStoreOptions): Promise<OpenedStore> {
  if (isTeamDatabaseUrl(options.path)) return openTeamStore(options)
  // 1. What is at the path (store/file-check.ts): a folder, a picture, an empty file or a
  //    mistyped folder is refused before anything looks inside it or changes it.
  const ownLocation = options.ownLocation ?? isOwnLocation(options.path)
  if (options.path !== ':memory:') checkDatabasePath(options.path, { ownLocation })
  // 2. Backups and damage (store/before-open.ts): a damaged file is refused before anything here can
  //    write to it, and today's backup is taken from the file as found, before migrating or seeding.
  await beforeOpen(options.path, { dailyBackup: options.dailyBackup ?? false })
  // 3. The connection: read-only when the file cannot be written, migrated when it is older.
  const opened = await openDatabase(options.path, undefined, { ownLocation })
  // 4. The embedded dataset, once, into a new database (not into one that is about to receive an import);
  //    then the Chinese script titles written before migration 6 lack (store/derived-scripts.ts).
  const context = seededContext({ ...opened, dbPath: opened.path }, options, () => deriveMissingScripts(opened.db))
  const core = createCore(context)
  const timers = new Set<ReturnType<typeof setInterval>>()
  return {
    service: inProcessService(core),
    core,
    path: opened.path,
    schemaVersion: opened.schemaVersion,
    backupPath: opened.backupPath,
    readOnly: opened.readOnlyReason !== null,
    readOnlyReason: opened.readOnlyReason,
    created: opened.created,
    watchExternalChanges(listener, intervalMs = 1_000) {
      // data_version changes only for commits made by *other* connections: our own writes
      // are already known to the host that made them.
      let seen = dataVersion(opened.db)
      const timer = setInterval(() => {
        const now = dataVersion(opened.db)
        if (now !== seen) {
          seen = now
          listener()
        }
      }, intervalMs)
      timer.unref?.()
      timers.add(timer)
      return () => {
        clearInterval(timer)
        timers.delete(timer)
      }
    },
    close() {
      for (const timer of timers) clearInterval(timer)
      opened.db.close()
    },
  }
}

/**
 * The same over a team database (PostgreSQL; `path` is its connection string): no file checks,
 * backups or salvage (the server keeps its own), the schema migrated under the server's lock,
 * the dataset seeded once for the whole team.
 */
async function openTeamStore(options: OpenStoreOptions): Promise<OpenedStore> {
  const opened = await openTeamDatabase(options.path, options.teamDriverEntry ? { entry: options.teamDriverEntry } : {})
  // No deriveMissingScripts: it mends rows written before schema 6, and a team database starts at 10.
  const context = seededContext(
    { ...opened, dbPath: opened.displayName },
    { ...options, actor: teamActorName(opened.databaseUser, options.actor) },
  )
  // Each person's reminders are marked shown for them (migration 11).
  context.shownTo = opened.databaseUser
  const core = createCore(context)
  const watchers = new Set<() => void>()
  return {
    service: inProcessService(core),
    core,
    path: opened.displayName,
    schemaVersion: opened.schemaVersion,
    backupPath: null,
    readOnly: opened.readOnlyReason !== null,
    readOnlyReason: opened.readOnlyReason,
    created: opened.previousVersion === 0,
    watchExternalChanges(listener) {
      // Told by the server (LISTEN/NOTIFY: store/postgres/team-changes.ts), not polled.
      const stop = watchTeamChanges(options.path, opened.sessionPid, listener)
      watchers.add(stop)
      return () => {
        watchers.delete(stop)
        stop()
      }
    },
    close() {
      for (const stop of watchers) stop()
      opened.db.close()
    },
  }
}
