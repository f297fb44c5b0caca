// Bringing a PostgreSQL database to the schema this version knows (migrations.ts), with SQLite's
// rules (../database.ts): each step runs in its own transaction together with the record of its
// version, so a failing step changes nothing; a database of a newer schema is refused, unchanged;
// several processes starting at once (the app on three machines, the CLI) migrate it once.
//
// Serialising: every transaction here first takes a transaction-scoped advisory lock on one key
// (pg_advisory_xact_lock), then reads the version. So a second process waits for the first's step
// to commit, then sees the new version and runs the next step or nothing. A transaction-scoped lock
// is released by COMMIT, ROLLBACK or a dropped connection, so a crashed process or a pooled
// connection can never keep it (a session lock would survive a ROLLBACK and go back to the pool).
// The wait is bounded (lock_timeout, for the lock and for the steps' own table locks): an upgrade
// stuck behind another session's long transaction fails with a message instead of hanging.
import type { Sql, TransactionSql } from 'postgres'
import { ServiceError } from '../../../shared/result.ts'
import { SchemaTooNewError } from '../database.ts'
import { POSTGRES_MIGRATIONS } from './migrations.ts'

/** The advisory lock key of schema changes: "MTSCHEMA" in ASCII, unlikely to meet another program's key. */
export const SCHEMA_LOCK_KEY = 0x4d54534348454d41n

/** How long a step waits for the lock (another process's step) or for a table lock, by default. */
export const DEFAULT_LOCK_TIMEOUT_MS = 60_000

/** One row per applied step: which version, when and by which database user. */
const VERSION_TABLE = `
  CREATE TABLE schema_migrations (
    version integer PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by text NOT NULL DEFAULT current_user
  )`

/** PostgreSQL's lock_not_available: lock_timeout passed while waiting. */
const LOCK_NOT_AVAILABLE = '55P03'

export interface PostgresMigrationOptions {
  /** How the database is named in messages: postgresDisplayName(url), never with the password. */
  database: string
  migrations?: readonly string[]
  lockTimeoutMs?: number
}

export interface PostgresMigrationOutcome {
  /** Schema version before this call (0 for a new database). */
  previousVersion: number
  schemaVersion: number
  /** The steps this call applied (others may have been applied meanwhile by another process). */
  applied: number[]
}

export async function migratePostgres(sql: Sql, options: PostgresMigrationOptions): Promise<PostgresMigrationOutcome> {
  const migrations = options.migrations ?? POSTGRES_MIGRATIONS
  const lockTimeoutMs = options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS
  let previousVersion: number | null = null
  const applied: number[] = []
  for (;;) {
    const step = await underLock(sql, options.database, lockTimeoutMs, async (tx) => {
      const version = await versionOf(tx)
      previousVersion ??= version
      if (version > migrations.length) throw new SchemaTooNewError(options.database, version, migrations.length)
      if (version === migrations.length) return null
      try {
        await tx.unsafe(migrations[version] as string)
        await tx.unsafe('INSERT INTO schema_migrations (version) VALUES ($1)', [version + 1])
      } catch (error) {
        throw stepFailed(options.database, version + 1, error)
      }
      return version + 1
    })
    if (step === null) break
    applied.push(step)
  }
  return { previousVersion: previousVersion ?? 0, schemaVersion: migrations.length, applied }
}

/** The schema version recorded in the database (0: none yet), creating the version table when missing. */
async function versionOf(tx: TransactionSql): Promise<number> {
  // Checked first rather than CREATE TABLE IF NOT EXISTS, whose notice the driver would print.
  const [found] = await tx.unsafe(`SELECT to_regclass('schema_migrations') IS NOT NULL AS present`)
  if (!found?.present) {
    await tx.unsafe(VERSION_TABLE)
    return 0
  }
  const [row] = await tx.unsafe('SELECT coalesce(max(version), 0) AS version FROM schema_migrations')
  return Number(row?.version ?? 0)
}

/** Runs `work` in one transaction holding the schema lock; the lock's wait is bounded. */
async function underLock<T>(sql: Sql, database: string, lockTimeoutMs: number, work: (tx: TransactionSql) => Promise<T>): Promise<T> {
  try {
    return await sql.begin(async (tx) => {
      await tx.unsafe(`SELECT set_config('lock_timeout', $1, true)`, [`${lockTimeoutMs}ms`])
      try {
        await tx.unsafe(`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK_KEY})`)
      } catch (error) {
        if (codeOf(error) === LOCK_NOT_AVAILABLE) throw lockWaitFailed(database, lockTimeoutMs)
        throw error
      }
      return work(tx)
    })
  } catch (error) {
    if (error instanceof ServiceError) throw error
    throw new ServiceError(
      'STORAGE',
      `Could not check the schema of ${database}: ${(error as Error).message}. Nothing was changed. Check that the server is reachable and the role may use the database, then try again.`,
      { database },
    )
  }
}

function stepFailed(database: string, version: number, error: unknown): ServiceError {
  return new ServiceError(
    'STORAGE',
    `Migrating the database to schema ${version} failed for ${database}: ${(error as Error).message}. This step changed nothing. ` +
      'Check that the role may create tables, functions and the pg_trgm extension in this database, then open it again.',
    { database, version },
  )
}

function lockWaitFailed(database: string, lockTimeoutMs: number): ServiceError {
  return new ServiceError(
    'STORAGE',
    `Another Measure Tracker is upgrading the schema of ${database}: waited ${lockTimeoutMs / 1000} s for it to finish. Nothing was changed. Try again in a moment.`,
    { database },
  )
}

const codeOf = (error: unknown): string | undefined => (error as { code?: string } | null)?.code
