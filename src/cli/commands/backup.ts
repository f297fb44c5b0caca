// `backup`, `backup list`, `restore FILE [--yes]` and `salvage [--out FILE]`. They run before the
// command line opens the store, because each needs to decide how the file is opened: `backup`
// only reads it, `restore` may have to replace a damaged file that nothing may open for writing,
// and `salvage` reads a damaged one read-only.
import { DatabaseSync } from 'node:sqlite'
import { existsSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { openStore } from '../../core/open.ts'
import { backupFolder, listBackups, localDay, newBackupPath, writeBackup } from '../../core/store/backup.ts'
import { assertNotDamaged, findDamage, hasSqliteHeader } from '../../core/store/damage.ts'
import { inspectBackup, restoreOverDamaged, type BackupSummary } from '../../core/store/restore.ts'
import { salvageDatabase } from '../../core/store/salvage.ts'
import { restoreFromFile } from '../../core/service/backups.ts'
import type { CliArgs } from '../args.ts'
import { CliFailure } from '../context.ts'
import { EXIT, UsageError } from '../usage.ts'
import { pluralText } from '../../shared/i18n/plural.ts'

// These commands speak English only (like the service's error messages); counts still agree.
const counted = (count: number, one: string, other: string): string =>
  pluralText('en', count, { one: `{count} ${one}`, other: `{count} ${other}` })

export interface FileCommandContext {
  args: CliArgs
  dbPath: string
  actor: string
  out(text: string): void
}

const kib = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KiB`

/** A path that is not a regular file is never a database: say so before SQLite gives its raw error. */
function refuseNonFile(path: string): void {
  if (existsSync(path) && !statSync(path).isFile()) {
    throw new CliFailure(
      `${path} is a folder or a special file, not a database. Nothing was changed. Give the path of a database file with --db.`,
      EXIT.usage,
    )
  }
}

function requireDatabase(path: string): void {
  if (!existsSync(path)) throw new CliFailure(`There is no database at ${path} (use --db PATH).`, EXIT.failure)
  refuseNonFile(path)
  if (!hasSqliteHeader(path))
    throw new CliFailure(
      `${path} is not a SQLite database. Nothing was changed. Give the path of a Measure Tracker database with --db.`,
      EXIT.usage,
    )
}

/** `backup [--out FILE]` and `backup list [--json]`. */
export async function backupCommand(ctx: FileCommandContext): Promise<void> {
  const [sub, ...extra] = ctx.args.positionals
  if (sub === 'list') {
    if (extra.length) throw new UsageError('backup list takes no arguments')
    return listCommand(ctx)
  }
  if (sub !== undefined) throw new UsageError(`backup: unknown argument "${sub}" (backup [--out FILE] or backup list)`)
  requireDatabase(ctx.dbPath)
  // A copy of a damaged file would only spread the damage: say what to do instead.
  assertNotDamaged(ctx.dbPath, { quickCheck: true })
  const dest = ctx.args.out ? resolve(ctx.args.out) : newBackupPath(ctx.dbPath, 'manual', new Date())
  if (existsSync(dest)) throw new CliFailure(`${dest} already exists; a backup never overwrites a file.`, EXIT.usage)
  // Read-only: making a copy never writes to the database.
  const db = new DatabaseSync(ctx.dbPath, { readOnly: true })
  try {
    await writeBackup(db, dest)
  } finally {
    db.close()
  }
  ctx.out(`Backed up ${ctx.dbPath} to ${dest}`)
}

function listCommand(ctx: FileCommandContext): void {
  const backups = listBackups(ctx.dbPath)
  if (ctx.args.json) {
    ctx.out(JSON.stringify(backups, null, 2))
    return
  }
  if (backups.length === 0) {
    ctx.out(`No backups in ${backupFolder(ctx.dbPath)}`)
    return
  }
  ctx.out(`Backups in ${backupFolder(ctx.dbPath)} (newest first):`)
  for (const file of backups) ctx.out(`  ${file.name}  ${file.kind}  ${file.createdAt}  ${kib(file.bytes)}`)
}

function describe(summary: BackupSummary): string[] {
  return [
    `Backup ${summary.path}`,
    `  schema version ${summary.schemaVersion}, ${kib(summary.bytes)}, written ${summary.fileTime}`,
    `  ${counted(summary.measures, 'measure', 'measures')} (${summary.deletedMeasures} deleted), ${counted(summary.events, 'event', 'events')}, ${counted(summary.notes, 'note', 'notes')}`,
    `  newest change: ${summary.newestChange ?? 'none'}`,
  ]
}

/** A bare name is looked up in the backups folder first, so `restore <name from backup list>` works. */
function resolveBackup(dbPath: string, given: string): string {
  if (basename(given) === given) {
    const inFolder = join(backupFolder(dbPath), given)
    if (existsSync(inFolder)) return inFolder
  }
  return resolve(given)
}

/** `restore FILE [--yes]`: shows what FILE holds; with --yes, keeps the current state as a backup and restores. */
export async function restoreCommand(ctx: FileCommandContext): Promise<void> {
  const [given, ...extra] = ctx.args.positionals
  if (!given || extra.length)
    throw new UsageError('restore needs one backup file, e.g. restore measure-tracker-2026-12-04.db (see backup list)')
  refuseNonFile(ctx.dbPath)
  const file = resolveBackup(ctx.dbPath, given)
  if (resolve(file) === resolve(ctx.dbPath)) throw new UsageError('restore: that is the database itself, not a backup of it')
  const summary = inspectBackup(file)
  for (const line of describe(summary)) ctx.out(line)
  if (!ctx.args.yes) {
    ctx.out(
      `Nothing was changed. To replace the contents of ${ctx.dbPath} with this backup, run again with --yes (the current contents are kept as a backup first).`,
    )
    return
  }
  const damaged = hasSqliteHeader(ctx.dbPath) ? findDamage(ctx.dbPath, { quickCheck: true }) : null
  if (damaged) {
    const outcome = restoreOverDamaged(ctx.dbPath, file, new Date())
    ctx.out(`Restored. The damaged file was kept unchanged as ${outcome.keptAs}`)
    return
  }
  // A missing file is created empty (never seeded) and then receives the backup.
  const store = await openStore({ path: ctx.dbPath, actor: ctx.actor, seed: false })
  try {
    const outcome = restoreFromFile(store.core.context, file)
    ctx.out(`Restored. The previous contents were kept as ${outcome.keptAs}`)
  } finally {
    store.close()
  }
}

/** `salvage [--out FILE]`: everything still readable into a new file; the damaged one is left alone. */
export async function salvageCommand(ctx: FileCommandContext): Promise<void> {
  if (ctx.args.positionals.length) throw new UsageError('salvage takes no arguments (salvage [--out FILE])')
  requireDatabase(ctx.dbPath)
  const now = new Date()
  const stamp = `${localDay(now)}-${now.toTimeString().slice(0, 8).replaceAll(':', '')}`
  const dest = ctx.args.out ? resolve(ctx.args.out) : join(dirname(ctx.dbPath), `${basename(ctx.dbPath, '.db')}-salvaged-${stamp}.db`)
  const report = await salvageDatabase(ctx.dbPath, dest)
  for (const table of report.tables) {
    if (table.copied === 0 && table.refused === 0 && table.unreadableStretches === 0) continue
    const lost = table.unreadableStretches
      ? `, ${counted(table.unreadableStretches, 'unreadable stretch', 'unreadable stretches')} skipped`
      : ''
    const refused = table.refused
      ? `, ${counted(table.refused, 'row', 'rows')} refused (their measure was lost, or their values are garbled)`
      : ''
    ctx.out(`  ${table.table}: ${counted(table.copied, 'row', 'rows')} copied${refused}${lost}`)
  }
  ctx.out(
    `Salvaged ${counted(report.measures, 'measure', 'measures')} from ${report.from} into ${report.to}; ${report.from} was not changed.`,
  )
  ctx.out(`Look at it with --db "${report.to}", or make it the database with: measure-tracker restore "${report.to}" --yes`)
}

export const FILE_COMMANDS: Record<string, (ctx: FileCommandContext) => Promise<void>> = {
  backup: backupCommand,
  restore: restoreCommand,
  salvage: salvageCommand,
}
