// SQLite's own words ("database is locked", "attempt to write a readonly database") name no file
// and suggest nothing. Every storage error a user sees goes through here: it names the file, keeps
// SQLite's words in parentheses, and says what to do next.
import { ServiceError } from '../../shared/result.ts'

/** Primary result codes (extended codes keep them in the low byte). */
const SQLITE = { BUSY: 5, LOCKED: 6, READONLY: 8, IOERR: 10, CORRUPT: 11, FULL: 13, CANTOPEN: 14, NOTADB: 26 } as const

export function sqliteCode(error: unknown): number | null {
  const { errcode, code } = (error ?? {}) as { errcode?: unknown; code?: unknown }
  if (code !== 'ERR_SQLITE_ERROR' || typeof errcode !== 'number') return null
  return errcode & 0xff
}

export const isBusyError = (error: unknown) => [SQLITE.BUSY, SQLITE.LOCKED].includes(sqliteCode(error) as 5 | 6)
export const isReadOnlyError = (error: unknown) => sqliteCode(error) === SQLITE.READONLY
export const isCantOpenError = (error: unknown) => sqliteCode(error) === SQLITE.CANTOPEN

export function lockedError(path: string): ServiceError {
  return new ServiceError(
    'STORAGE',
    `${path} is busy: another Measure Tracker process (the app or the command line) is writing to it. Nothing was changed. Try again when it has finished.`,
    { path, locked: true },
  )
}

export function readOnlyError(path: string, reason: string): ServiceError {
  return new ServiceError('FORBIDDEN', `${path} is read-only (${reason}); copy it or change its permissions to make changes.`, {
    path,
    readOnly: true,
    reason,
  })
}

/**
 * Turns a SQLite error met while `doing` something with the file into a ServiceError that names
 * the file and the next step. ServiceErrors pass through unchanged.
 */
export function storageError(path: string, doing: string, error: unknown): Error {
  if (error instanceof ServiceError) return error
  const team = teamDatabaseError(path, doing, error)
  if (team !== null) return team
  const code = sqliteCode(error)
  if (code === null) return error as Error
  const words = (error as Error).message
  if (code === SQLITE.BUSY || code === SQLITE.LOCKED) return lockedError(path)
  if (code === SQLITE.READONLY) return readOnlyError(path, `SQLite: ${words}`)
  const next =
    code === SQLITE.FULL
      ? 'Free some disk space and try again.'
      : code === SQLITE.CORRUPT || code === SQLITE.NOTADB
        ? `The file may be damaged: measure-tracker salvage --db "${path}" copies what can be read into a new file.`
        : code === SQLITE.CANTOPEN
          ? 'Check that the file and its folder exist and that you may read and write them.'
          : code === SQLITE.IOERR
            ? 'Check the disk (is it still connected, is it full?) and try again.'
            : 'Try again; if it keeps failing, make a copy with measure-tracker backup and report the message.'
  return new ServiceError('STORAGE', `${doing} ${path} failed (SQLite: ${words}). Nothing was changed. ${next}`, { path, sqliteCode: code })
}

/** SQLSTATEs of a refused write: insufficient_privilege, read_only_sql_transaction. */
const POSTGRES_READ_ONLY = new Set(['42501', '25006'])
/** The server could not be reached or stopped answering (the driver's codes and ours). */
const POSTGRES_UNREACHABLE =
  /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|CONNECT_TIMEOUT|CONNECTION_\w+|ANSWER_TIMEOUT|57P0[1-3])$/

/**
 * The database refuses new sessions for now (ALLOW_CONNECTIONS false during maintenance): met when
 * the driver reconnects after its session was ended, so it is the same outage as the session's end.
 */
function closedToSessions(code: string, words: string): boolean {
  return code === '55000' && /not currently accepting connections/.test(words)
}

/** The same for a team database's errors (PostgreSQL's SQLSTATE or the driver's code), else null. */
function teamDatabaseError(path: string, doing: string, error: unknown): ServiceError | null {
  const { name, code, message } = (error ?? {}) as { name?: unknown; code?: unknown; message?: unknown }
  const fromDriver = name === 'PostgresFailure' || name === 'PostgresError'
  // A connection that failed before any statement is the driver's plain Error with a code.
  if (!fromDriver && !(path.startsWith('postgres') && typeof code === 'string')) return null
  const words = String(message)
  if (typeof code === 'string' && POSTGRES_READ_ONLY.has(code)) return readOnlyError(path, `PostgreSQL: ${words}`)
  if (typeof code === 'string' && (POSTGRES_UNREACHABLE.test(code) || closedToSessions(code, words)))
    return new ServiceError(
      'STORAGE',
      `${doing} ${path} failed: the database server cannot be reached (${words}). Nothing was changed. Check the network and that the server is running; the app retries.`,
      { path, unreachable: true, postgresCode: code },
    )
  return new ServiceError('STORAGE', `${doing} ${path} failed (PostgreSQL: ${words}). Nothing was changed.`, {
    path,
    postgresCode: typeof code === 'string' ? code : null,
  })
}
