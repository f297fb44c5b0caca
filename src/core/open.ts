// Opening the store for a host: the database file, the embedded dataset on first open, the
// service over it, and a watcher that notices commits by other processes.
import dataset from '../../resources/datasets/us-cn-truce-2025.json' with { type: 'json' }
import { openDatabase, dataVersion, inTransaction } from './store/database.ts'
import { beforeOpen } from './store/before-open.ts'
import { statement } from './store/statements.ts'
import { createService, type Service } from './service/index.ts'
import { importFile, parseExchangeFile } from './service/exchange.ts'
import type { ServiceContext } from './service/context.ts'

export interface OpenStoreOptions {
  path: string
  actor: string
  /** Fill an empty database with the embedded dataset (default true). */
  seed?: boolean
  nowMs?: () => number
  /** Make the rolling daily backup before opening (the app and the browser host; see store/backup.ts). */
  dailyBackup?: boolean
}

export interface Store {
  service: Service
  path: string
  schemaVersion: number
  backupPath: string | null
  /** Calls `listener` when another connection commits (polled; see watchExternalChanges). */
  watchExternalChanges(listener: () => void, intervalMs?: number): () => void
  close(): void
}

const SEEDED_KEY = 'seeded'

/** Loads the embedded dataset once, into a database that has never held measures. */
function seedIfEmpty(context: ServiceContext): void {
  inTransaction(context.db, () => {
    const seeded = statement(context.db, 'SELECT value FROM settings WHERE key = ?').get(SEEDED_KEY)
    const count = (statement(context.db, 'SELECT count(*) AS n FROM measures').get() as { n: number }).n
    if (seeded || count > 0) return
    importFile(context, parseExchangeFile(dataset), { replace: false, dryRun: false, action: 'seed' })
    statement(context.db, 'INSERT INTO settings (key, value) VALUES (?, ?)').run(SEEDED_KEY, JSON.stringify({ dataset: dataset.name }))
  })
}

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  // Backups and damage (store/before-open.ts): a damaged file is refused before anything here can
  // write to it, and today's backup is taken from the file as found, before migrating or seeding.
  await beforeOpen(options.path, { dailyBackup: options.dailyBackup ?? false })
  const opened = await openDatabase(options.path)
  const context: ServiceContext = {
    db: opened.db,
    dbPath: opened.path,
    schemaVersion: opened.schemaVersion,
    actor: options.actor,
    nowMs: options.nowMs ?? Date.now,
  }
  if (options.seed ?? true) seedIfEmpty(context)
  const service = createService(context)
  const timers = new Set<ReturnType<typeof setInterval>>()
  return {
    service,
    path: opened.path,
    schemaVersion: opened.schemaVersion,
    backupPath: opened.backupPath,
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
