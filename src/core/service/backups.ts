// Backups for the Settings page: list them, say what one holds, make one now, restore one. A
// backup is chosen by its name in the backups folder (the contract refuses paths), so a page can
// neither read nor restore any other file. Copy and restore run outside the service's
// transaction (VACUUM INTO cannot run inside one; a restore runs its own, see store/restore.ts).
import type { BackupContents, BackupEntry } from '../../shared/api-views.ts'
import { ServiceError } from '../../shared/result.ts'
import { backupFolder, listBackups, newBackupPath, writeBackupSync, type BackupFile } from '../store/backup.ts'
import { inspectBackup, restoreInto, type BackupSummary, type RestoreOutcome } from '../store/restore.ts'
import { basename } from 'node:path'
import { statSync } from 'node:fs'
import type { DatabaseSync } from 'node:sqlite'
import { isPostgres } from '../store/db.ts'
import { CALENDAR_LEDGER_TABLES } from '../store/calendar-rows.ts'
import { writeAudit } from './audit.ts'
import type { CalendarLife } from './calendar.ts'
import { changedLives, recordCalendarChanges } from './calendar-ledger.ts'
import { readMeasureLives } from './reminders.ts'
import { timestamp } from './clock.ts'
import type { Handlers, ServiceContext } from './context.ts'

const entryOf = ({ name, kind, createdAt, bytes }: BackupFile): BackupEntry => ({ name, kind, createdAt, bytes })

function contentsOf({ path: _, fileTime: __, ...contents }: BackupSummary): BackupContents {
  return contents
}

function fileDatabase(ctx: ServiceContext): string {
  if (ctx.dbPath === ':memory:') throw new ServiceError('VALIDATION', 'A database held in memory has no backups.')
  fileConnection(ctx)
  return ctx.dbPath
}

/** The SQLite connection: backups copy the file's pages, which a team database does not have. */
function fileConnection(ctx: ServiceContext): DatabaseSync {
  if (isPostgres(ctx.db))
    throw new ServiceError(
      'VALIDATION',
      `${ctx.dbPath} is a team database: its server keeps its backups (pg_dump). Backups here are of a database file; "measure-tracker db copy" copies a team database into one.`,
    )
  return ctx.db as DatabaseSync
}

function backupNamed(ctx: ServiceContext, name: string): BackupFile {
  fileDatabase(ctx)
  const found = listBackups(ctx.dbPath).find((file) => file.name === name)
  if (!found) throw new ServiceError('NOT_FOUND', `There is no backup named ${name} in ${backupFolder(ctx.dbPath)}.`)
  return found
}

/**
 * Restores the backup at `path` into the open database, keeping the current state as a backup
 * first; the restore and its audit row commit together. The command line calls this with any
 * file; the page only through `backups.restore`, by name.
 */
export function restoreFromFile(ctx: ServiceContext, path: string): RestoreOutcome {
  // What calendars were told outlives the restore: transitions the backup does not have are
  // cancelled, ones it brings back are live again, every changed measure's SEQUENCE rises.
  let livesBefore = new Map<string, CalendarLife>()
  return restoreInto(
    fileConnection(ctx),
    ctx.dbPath,
    path,
    new Date(ctx.nowMs()),
    (outcome) => {
      writeAudit(ctx.db, {
        at: timestamp(ctx.nowMs()),
        actor: ctx.actor,
        action: 'backups.restore',
        measureId: null,
        before: { keptAs: basename(outcome.keptAs) },
        after: { restoredFrom: path, ...contentsOf(outcome.summary) },
      })
      const livesAfter = new Map(readMeasureLives(ctx.db).map((life) => [life.id, life]))
      recordCalendarChanges(ctx, changedLives(livesBefore, livesAfter))
    },
    {
      keepTables: CALENDAR_LEDGER_TABLES,
      beforehand: () => {
        livesBefore = new Map(readMeasureLives(ctx.db).map((life) => [life.id, life]))
      },
    },
  )
}

export const backupHandlers: Handlers<'backups.list' | 'backups.inspect' | 'backups.create' | 'backups.restore'> = {
  'backups.list': (ctx) => ({ folder: backupFolder(ctx.dbPath), backups: listBackups(ctx.dbPath).map(entryOf) }),
  'backups.inspect': (ctx, { name }) => contentsOf(inspectBackup(backupNamed(ctx, name).path)),
  'backups.create': (ctx) => {
    const path = newBackupPath(fileDatabase(ctx), 'manual', new Date(ctx.nowMs()))
    writeBackupSync(fileConnection(ctx), path)
    const stat = statSync(path)
    return { name: basename(path), kind: 'manual', createdAt: stat.mtime.toISOString(), bytes: stat.size }
  },
  'backups.restore': (ctx, { name }) => {
    const outcome = restoreFromFile(ctx, backupNamed(ctx, name).path)
    return { restored: contentsOf(outcome.summary), keptAs: basename(outcome.keptAs) }
  },
}
