// Backup copies of the database: where they live, what they are called, how one is written, and
// which ones are kept. The folder is `backups/` next to the database (0700, files 0600).
//
// Names say when and why: `<stem>-2026-12-04.db` is the rolling daily copy (the last 7 are kept);
// `<stem>-2026-12-04-101530-manual.db` ("Back up now", `measure-tracker backup`),
// `…-before-restore.db` (the state a restore replaced) and `…-damaged.db` (a damaged file's bytes,
// kept before a restore put a good copy in its place) are never deleted by the program: they were
// asked for, or are the only record of a state the user may still want.
import { DatabaseSync, backup } from 'node:sqlite'
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { basename, dirname, extname, join } from 'node:path'

export const BACKUP_DIR_NAME = 'backups'
export const DAILY_BACKUPS_KEPT = 7
export const BACKUP_KINDS = ['daily', 'manual', 'before-restore', 'damaged'] as const
export type BackupKind = (typeof BACKUP_KINDS)[number]

export interface BackupFile {
  /** File name inside the backups folder: what the UI and `restore` refer to. */
  name: string
  path: string
  kind: BackupKind
  /** When the copy was written (the file's modification time), ISO 8601 UTC. */
  createdAt: string
  bytes: number
}

export function backupFolder(dbPath: string): string {
  return join(dirname(dbPath), BACKUP_DIR_NAME)
}

function stemOf(dbPath: string): string {
  const name = basename(dbPath)
  const ext = extname(name)
  return ext ? name.slice(0, -ext.length) : name
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')
/** The user's calendar day: "once a day" means the day they see on their clock. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
const localTime = (date: Date) => `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`

export function backupName(dbPath: string, kind: BackupKind, date: Date): string {
  const stem = stemOf(dbPath)
  return kind === 'daily' ? `${stem}-${localDay(date)}.db` : `${stem}-${localDay(date)}-${localTime(date)}-${kind}.db`
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function namePattern(dbPath: string): RegExp {
  return new RegExp(`^${escapeRegExp(stemOf(dbPath))}-(\\d{4}-\\d{2}-\\d{2})(?:-(\\d{6})(?:-\\d+)?-(${BACKUP_KINDS.join('|')}))?\\.db$`)
}

/** Every backup of this database, newest first. A missing folder is an empty list. */
export function listBackups(dbPath: string): BackupFile[] {
  const folder = backupFolder(dbPath)
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return []
  }
  const pattern = namePattern(dbPath)
  const found: (BackupFile & { mtimeMs: number })[] = []
  for (const name of names) {
    const match = pattern.exec(name)
    if (!match) continue
    const path = join(folder, name)
    let stat
    try {
      stat = statSync(path)
    } catch {
      continue
    }
    if (!stat.isFile()) continue
    found.push({
      name,
      path,
      kind: (match[3] as BackupKind | undefined) ?? 'daily',
      createdAt: stat.mtime.toISOString(),
      bytes: stat.size,
      mtimeMs: stat.mtimeMs,
    })
  }
  found.sort((a, b) => b.mtimeMs - a.mtimeMs || b.name.localeCompare(a.name))
  return found.map(({ mtimeMs: _, ...file }) => file)
}

/** The newest copy worth going back to (a damaged file's bytes are not). */
export function newestBackup(dbPath: string): BackupFile | null {
  return listBackups(dbPath).find((file) => file.kind !== 'damaged') ?? null
}

/** Makes the folder (0700) if missing; never changes the mode of a folder the user already has. */
export function ensureBackupFolder(dbPath: string): string {
  const folder = backupFolder(dbPath)
  mkdirSync(folder, { recursive: true, mode: 0o700 })
  return folder
}

/** A free path in the backups folder for a copy of `kind` made at `date`. */
export function newBackupPath(dbPath: string, kind: BackupKind, date: Date): string {
  const folder = ensureBackupFolder(dbPath)
  const name = backupName(dbPath, kind, date)
  let path = join(folder, name)
  // Two manual copies within one second get -2, -3…: never overwrite an earlier copy.
  for (let n = 2; exists(path); n++) path = join(folder, name.replace(/-([a-z-]+)\.db$/, `-${n}-$1.db`))
  return path
}

function exists(path: string): boolean {
  try {
    statSync(path)
    return true
  } catch {
    return false
  }
}

/**
 * An empty, unguessable, owner-only file beside `dest`. SQLite writes into it (it would create a
 * new file with the umask's mode, readable by others, until a chmod), and the finished copy is
 * renamed into place, so a crash never leaves half a backup under a backup's name.
 */
export function privateTemporary(dest: string): string {
  const temporary = join(dirname(dest), `.${basename(dest)}.${randomBytes(6).toString('hex')}.tmp`)
  closeSync(openSync(temporary, 'wx', 0o600))
  return temporary
}

function syncAndRename(temporary: string, dest: string): void {
  const fd = openSync(temporary, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temporary, dest)
}

/**
 * Copies the database `db` holds to `dest` with node:sqlite's backup() (page by page, off the main
 * thread; a consistent snapshot even while this or another connection writes). `dest` must not exist.
 */
export async function writeBackup(db: DatabaseSync, dest: string): Promise<void> {
  if (exists(dest)) throw new Error(`${dest} already exists`)
  const temporary = privateTemporary(dest)
  try {
    await backup(db, temporary)
    // The copy keeps the source's WAL mode; a rollback-journal copy can later be read without
    // leaving -wal and -shm files beside it in the backups folder.
    const copy = new DatabaseSync(temporary)
    copy.exec('PRAGMA journal_mode = DELETE')
    copy.close()
    syncAndRename(temporary, dest)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
}

/**
 * The same copy, synchronously, with `VACUUM INTO` (a consistent snapshot in one read
 * transaction). For the service: every host calls it synchronously, and backup() is async.
 * SQLite does not fsync a VACUUM INTO file, so this does.
 */
export function writeBackupSync(db: DatabaseSync, dest: string): void {
  if (exists(dest)) throw new Error(`${dest} already exists`)
  const temporary = privateTemporary(dest)
  try {
    db.prepare('VACUUM INTO ?').run(temporary)
    syncAndRename(temporary, dest)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
}

/** Deletes daily copies beyond the newest `keep`; other kinds are never deleted here. */
export function pruneDailyBackups(dbPath: string, keep = DAILY_BACKUPS_KEPT): string[] {
  const daily = listBackups(dbPath)
    .filter((file) => file.kind === 'daily')
    // The date is in the name: newest day first, whatever the files' times say.
    .sort((a, b) => b.name.localeCompare(a.name))
  const removed = daily.slice(keep).map((file) => file.path)
  for (const path of removed) rmSync(path, { force: true })
  return removed
}

/** Today's daily copy, if it is not there yet; then the oldest beyond seven go. Returns its path or null. */
export async function makeDailyBackup(db: DatabaseSync, dbPath: string, now: Date): Promise<string | null> {
  const path = join(backupFolder(dbPath), backupName(dbPath, 'daily', now))
  if (exists(path)) return null
  ensureBackupFolder(dbPath)
  await writeBackup(db, path)
  pruneDailyBackups(dbPath)
  return path
}
