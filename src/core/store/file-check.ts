// What is at a database path before SQLite opens it, decided from the file system alone, so that
// nothing is written (no chmod, no header, no new file) to a path that turns out not to be ours:
// a folder, a picture, a text file, an empty file someone made, a mistyped folder.
import { accessSync, closeSync, constants, openSync, readSync, statSync, type Stats } from 'node:fs'
import { dirname } from 'node:path'
import { ServiceError } from '../../shared/result.ts'

const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1')

export interface PathPolicy {
  /**
   * The path is the app's own default location: its folder may be created, and an empty file
   * there is one an earlier run created and was stopped before SQLite wrote to it.
   */
  ownLocation: boolean
}

export type CheckedPath =
  /** No file yet: a new database will be created (the folder too when `createFolder`). */
  | { state: 'new'; createFolder: boolean }
  /** A regular file starting with SQLite's header, or an empty one the policy allows. */
  | { state: 'existing'; empty: boolean; readOnlyReason: string | null }

function refuse(message: string, details: Record<string, unknown> = {}): never {
  throw new ServiceError('STORAGE', message, details)
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    refuse(`Cannot look at ${path}: ${(error as Error).message}. Check the path and its folder's permissions.`, { path })
  }
}

function startsWithSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r')
  try {
    const bytes = Buffer.alloc(SQLITE_HEADER.length)
    return readSync(fd, bytes, 0, bytes.length, 0) === bytes.length && bytes.equals(SQLITE_HEADER)
  } finally {
    closeSync(fd)
  }
}

const octal = (mode: number) => `0${(mode & 0o777).toString(8)}`

/**
 * Why this process must not write here, or null when it may. Root passes access(2) for any mode
 * bits, so for root the bits themselves decide: a file or folder nobody may write (chmod a-w)
 * was made that way on purpose and is treated as read-only. EROFS holds for root too.
 */
export function writeProblem(path: string, what: 'file' | 'folder'): string | null {
  try {
    accessSync(path, constants.W_OK)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EROFS') return 'it is on a read-only file system'
    if (code === 'EACCES' || code === 'EPERM')
      return what === 'file'
        ? `the file has no write permission (mode ${octal(statSync(path).mode)})`
        : `its folder ${path} is not writable`
    return `${code ?? 'unknown error'} when checking write access`
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (isRoot) {
    const mode = statSync(path).mode
    if ((mode & 0o222) === 0)
      return what === 'file'
        ? `the file has no write permission (mode ${octal(mode)})`
        : `its folder ${path} is write-protected (mode ${octal(mode)})`
  }
  return null
}

/**
 * Refuses (STORAGE, naming the path and what to do) anything that is not a SQLite file or a path
 * where a new database may be made. Never changes the path or its folder.
 */
export function checkDatabasePath(path: string, policy: PathPolicy): CheckedPath {
  const stats = statOrNull(path)
  if (!stats) {
    const folder = dirname(path)
    const folderStats = statOrNull(folder)
    if (!folderStats) {
      if (policy.ownLocation) return { state: 'new', createFolder: true }
      refuse(
        `There is no folder ${folder}, so no database ${path}. Check the path (a typo?); to start a new database there, create the folder first (mkdir -p "${folder}").`,
        { path, missingFolder: folder },
      )
    }
    if (!folderStats.isDirectory())
      refuse(`${folder} is not a folder, so ${path} cannot be a database. Check the path given with --db.`, { path })
    const problem = writeProblem(folder, 'folder')
    if (problem)
      refuse(`Cannot create a new database at ${path}: ${problem}. Choose a writable folder with --db.`, { path, readOnly: true })
    return { state: 'new', createFolder: false }
  }
  if (stats.isDirectory()) {
    refuse(
      `${path} is a folder, not a database file. Nothing was changed. Give the path of a database file, e.g. --db "${path}/measure-tracker.db".`,
      { path },
    )
  }
  if (!stats.isFile()) refuse(`${path} is not a regular file. Nothing was changed. Give the path of a database file with --db.`, { path })
  const readOnlyReason = writeProblem(path, 'file') ?? folderProblem(path)
  if (stats.size === 0) {
    if (policy.ownLocation) return { state: 'existing', empty: true, readOnlyReason }
    refuse(
      `${path} is an empty file, not a Measure Tracker database. Nothing was changed. If a new database should be made there, delete the empty file (rm "${path}") and run again.`,
      { path, empty: true },
    )
  }
  let header: boolean
  try {
    header = startsWithSqliteHeader(path)
  } catch (error) {
    refuse(`Cannot read ${path}: ${(error as Error).message}. Check its permissions.`, { path })
  }
  if (!header) {
    refuse(`${path} is not a Measure Tracker database (it is not a SQLite file). Nothing was changed. Check the path given with --db.`, {
      path,
      notDatabase: true,
    })
  }
  return { state: 'existing', empty: false, readOnlyReason }
}

/** SQLite writes its -wal, -shm and -journal files beside the database: a folder it cannot write to makes the database read-only. */
function folderProblem(path: string): string | null {
  return writeProblem(dirname(path), 'folder')
}
