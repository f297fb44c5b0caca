// Telling a damaged database file before anything writes to it. A damaged file must never be
// written to — not a migration, not a seed, not a checkpoint on close — so it is examined on a
// read-only connection of its own, and a damaged one is refused with what to do next: go back to
// the newest backup, or salvage what can still be read into a new file.
import { DatabaseSync } from 'node:sqlite'
import { closeSync, openSync, readSync } from 'node:fs'
import { pluralText } from '../../shared/i18n/plural.ts'
import { ServiceError } from '../../shared/result.ts'
import { newestBackup, type BackupFile } from './backup.ts'

const SQLITE_HEADER = 'SQLite format 3\u0000'

/** True when the file starts with SQLite's 16-byte header: only such files can be "damaged" databases. */
export function hasSqliteHeader(path: string): boolean {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return false
  }
  try {
    const bytes = Buffer.alloc(16)
    return readSync(fd, bytes, 0, 16, 0) === 16 && bytes.toString('latin1') === SQLITE_HEADER
  } catch {
    // A folder opens but cannot be read (EISDIR): not a database either.
    return false
  } finally {
    closeSync(fd)
  }
}

/** SQLite's words for a damaged file (SQLITE_CORRUPT, SQLITE_NOTADB) as node:sqlite reports them. */
export function isDamageError(error: unknown): boolean {
  const { message, errcode } = (error ?? {}) as { message?: string; errcode?: number }
  // Primary result codes: 11 SQLITE_CORRUPT, 26 SQLITE_NOTADB (extended codes keep them in the low byte).
  if (typeof errcode === 'number' && [11, 26].includes(errcode & 0xff)) return true
  return typeof message === 'string' && /malformed|file is not a database|database corrupt/i.test(message)
}

export class DamagedDatabaseError extends ServiceError {
  readonly path: string
  readonly backup: BackupFile | null
  constructor(path: string, reason: string, backup: BackupFile | null) {
    const next = backup
      ? `The newest backup is ${backup.path} (${backup.createdAt}). To go back to it: measure-tracker restore "${backup.path}".`
      : 'There is no backup of it in the backups folder next to it.'
    super(
      'STORAGE',
      `${path} is damaged (${reason}). Nothing was written to it. ${next} ` +
        'To copy everything that can still be read into a new file, leaving the damaged one as it is: measure-tracker salvage [--out FILE].',
      { path, reason, damaged: true, newestBackup: backup?.path ?? null },
    )
    this.path = path
    this.backup = backup
  }
}

/**
 * What is wrong with the file, or null when it is sound. `quickCheck` also reads every page
 * (PRAGMA quick_check: about 60 ms for 10,000 measures); without it only the header and the
 * schema are read.
 */
export function findDamage(path: string, options: { quickCheck: boolean }): string | null {
  let db: DatabaseSync | undefined
  try {
    db = new DatabaseSync(path, { readOnly: true })
    db.prepare('SELECT count(*) FROM sqlite_schema').get()
    if (!options.quickCheck) return null
    const rows = db.prepare('PRAGMA quick_check').all() as { quick_check: string }[]
    const problems = rows.map((row) => row.quick_check).filter((text) => text !== 'ok')
    if (problems.length === 0) return null
    const shown = problems.slice(0, 3).join('; ')
    return `quick_check found ${pluralText('en', problems.length, { one: '{count} problem', other: '{count} problems' })}: ${shown}`
  } catch (error) {
    if (isDamageError(error)) return `SQLite: ${(error as Error).message}`
    // Locked, unreadable, not ours: not damage, and the normal open reports it properly.
    return null
  } finally {
    db?.close()
  }
}

/**
 * Refuses a damaged SQLite file before it is opened for writing. Files that are not SQLite at all
 * (missing, empty, a picture) are left to the normal open, which refuses them in its own words.
 */
export function assertNotDamaged(path: string, options: { quickCheck: boolean }): void {
  if (path === ':memory:' || !hasSqliteHeader(path)) return
  const damage = findDamage(path, options)
  if (damage) throw new DamagedDatabaseError(path, damage, newestBackup(path))
}
