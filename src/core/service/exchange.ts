// Export and import of the versioned JSON format (shared/exchange.ts). An import is checked whole
// before anything is written and is all or nothing: a bad file changes nothing. exchange.import
// stages its rows first and holds the write lock only to copy them in (importFileStaged).
import { DatabaseSync } from 'node:sqlite'
import {
  EXCHANGE_FORMAT,
  EXCHANGE_VERSION,
  type ExchangedMeasure,
  type ExchangeFile,
  type ImportReport,
  type ParsedExchangeFile,
} from '../../shared/exchange.ts'
import { describeInvalidFile, validateExchangeFile } from '../../shared/exchange-validate.ts'
import { pluralText } from '../../shared/i18n/plural.ts'
import { ServiceError, formatIssuePath } from '../../shared/result.ts'
import { measureExists, readAllMeasures, readMeasure, writeLinks, writeWholeMeasure } from '../store/measure-rows.ts'
import { changedLives, recordCalendarChanges } from './calendar-ledger.ts'
import type { CalendarLife } from './calendar.ts'
import { readMeasureLives } from './reminders.ts'
import { timestamp } from './clock.ts'
import type { Handlers, ServiceContext } from './context.ts'
import { writeAudit } from './audit.ts'
import type { MethodName } from '../../shared/api.ts'
import { inTransaction, readOnlyReasonOf } from '../store/database.ts'
import { isPostgres, type Db } from '../store/db.ts'
import { copyStagedAudit, mergeStaged, openStaging, type Staging, type StagingWriter } from '../store/staged-import.ts'
import { readOnlyError } from '../store/storage-errors.ts'
import { statement } from '../store/statements.ts'

/** The whole store as an exchange file; `measures` given, the file around them (exportChunks). */
export function exportFile(ctx: ServiceContext, measures?: ExchangeFile['measures']): ExchangeFile {
  return {
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    exportedAt: timestamp(ctx.nowMs()),
    measures: measures ?? readAllMeasures(ctx.db).map(({ createdAt: _c, updatedAt: _u, ...measure }) => measure),
  }
}

/**
 * Validates a parsed JSON value as an exchange file; throws VALIDATION naming the bad places.
 * Bounded whatever the input (exchange-validate.ts): at most MAX_IMPORT_ISSUES problems are kept.
 */
export function parseExchangeFile(data: unknown): ParsedExchangeFile {
  const result = validateExchangeFile(data)
  if (result.ok) return result.file
  throw new ServiceError('VALIDATION', describeInvalidFile(result, formatIssuePath), {
    issues: result.issues,
    ...(result.more > 0 || result.stoppedAt !== null ? { more: result.more, stoppedAt: result.stoppedAt } : {}),
  })
}

type ImportOptions = { replace: boolean; dryRun: boolean; action: 'exchange.import' | 'seed' }

function conflictError(fileIds: readonly string[], existing: readonly string[]): ServiceError {
  const taken = new Set(existing)
  const forms = {
    one: '{count} measure already exists: {ids}. Use --replace to replace it.',
    other: '{count} measures already exist: {ids}. Use --replace to replace them.',
  }
  return new ServiceError('CONFLICT', pluralText('en', existing.length, forms, { ids: existing.slice(0, 10).join(', ') }), {
    ids: [...existing],
    issues: fileIds.flatMap((id, index) => (taken.has(id) ? [{ path: ['measures', index, 'id'], message: `"${id}" already exists` }] : [])),
  })
}

function reportOf(fileIds: readonly string[], existing: readonly string[], dryRun: boolean): ImportReport {
  const taken = new Set(existing)
  return { dryRun, created: fileIds.filter((id) => !taken.has(id)), replaced: [...existing] }
}

function existingIds(ctx: ServiceContext, fileIds: readonly string[]): string[] {
  return fileIds.filter((id) => measureExists(ctx.db, id) !== null)
}

/** One audit row per replaced measure keeps what it was; created ones are listed once. */
function auditImport(
  ctx: ServiceContext,
  now: string,
  action: ImportOptions['action'],
  replacedBefore: ReadonlyMap<string, unknown>,
  report: ImportReport,
): void {
  for (const [id, before] of replacedBefore) auditReplaced(ctx, now, action, id, before)
  auditSummary(ctx, now, action, report)
}

function auditReplaced(ctx: ServiceContext, now: string, action: ImportOptions['action'], id: string, before: unknown): void {
  writeAudit(ctx.db, { at: now, actor: ctx.actor, action, measureId: id, before, after: { replacedBy: action } })
}

function auditSummary(ctx: ServiceContext, now: string, action: ImportOptions['action'], report: ImportReport): void {
  writeAudit(ctx.db, {
    at: now,
    actor: ctx.actor,
    action,
    measureId: null,
    before: null,
    after: { created: report.created, replaced: report.replaced },
  })
}

/**
 * Writes a validated file in the caller's transaction (the embedded dataset on first open: a few
 * dozen measures). Existing ids conflict unless `replace`, which replaces those measures.
 */
export function importFile(ctx: ServiceContext, file: ParsedExchangeFile, options: ImportOptions): ImportReport {
  const fileIds = file.measures.map((m) => m.id)
  const existing = existingIds(ctx, fileIds)
  if (existing.length > 0 && !options.replace) throw conflictError(fileIds, existing)
  const report = reportOf(fileIds, existing, options.dryRun)
  if (options.dryRun) return report
  const now = timestamp(ctx.nowMs())
  const replacedBefore = new Map(existing.map((id) => [id, readMeasure(ctx.db, id)]))
  const calendarBefore = livesOf(ctx.db, existing)
  for (const measure of file.measures) {
    const before = replacedBefore.get(measure.id)
    writeWholeMeasure(ctx.db, { ...measure, createdAt: before?.createdAt ?? now, updatedAt: now })
  }
  for (const measure of file.measures) writeLinks(ctx.db, measure)
  auditImport(ctx, now, options.action, replacedBefore, report)
  // What replacing measures means for calendars (calendar-ledger.ts); new measures had no calendar entries.
  recordCalendarChanges(ctx, changedLives(calendarBefore, livesOf(ctx.db, existing)))
  return report
}

/** The calendar's view of these measures in `db` (deleted ones left out), by id. */
function livesOf(db: Db, ids: readonly string[]): Map<string, CalendarLife> {
  if (ids.length === 0) return new Map()
  const wanted = new Set(ids)
  return new Map(
    readMeasureLives(db)
      .filter((life) => wanted.has(life.id))
      .map((life) => [life.id, life]),
  )
}

/** The same, from the staging file: the measures as the import will store them. */
function stagedLives(path: string, ids: readonly string[]): Map<string, CalendarLife> {
  if (ids.length === 0) return new Map()
  const db = new DatabaseSync(path, { readOnly: true })
  try {
    return livesOf(db, ids)
  } finally {
    db.close()
  }
}

/**
 * exchange.import, run outside any transaction: everything slow (checking the file, reading what
 * it replaces, writing its rows) happens before the write lock is taken, into a staging file
 * (store/staged-import.ts); the lock is held only while the staged rows are copied in, so other
 * processes' waits stay under the busy timeout. All or nothing, as before: conflicts are checked
 * again inside the lock, and the audit's "before" is re-read for any measure that changed meanwhile.
 */
export function importFileStaged(ctx: ServiceContext, file: ParsedExchangeFile, options: ImportOptions): ImportReport {
  return importMeasuresStaged(ctx, file.measures, options)
}

/**
 * The same for measures that arrive one at a time (a file read in pieces: exchange-stream.ts),
 * each written to the staging file as it comes: what is held meanwhile is ids, never measures.
 * `measures` may throw when the file turns out to be invalid (nothing is written then); it yields
 * only measures already checked.
 */
export function importMeasuresStaged(ctx: ServiceContext, measures: Iterable<ExchangedMeasure>, options: ImportOptions): ImportReport {
  const readOnly = readOnlyReasonOf(ctx.db)
  if (readOnly) throw readOnlyError(ctx.dbPath, readOnly)
  if (isPostgres(ctx.db)) return importInOneTransaction(ctx, measures, options)
  const now = timestamp(ctx.nowMs())
  const fileIds: string[] = []
  const seen: string[] = []
  /** Replaced measures as they were read (to notice a change by another process before the lock). */
  const snapshots = new Map<string, { createdAt: string; updatedAt: string }>()
  let staging: StagingWriter | null = options.dryRun ? null : openStaging()
  const reads = new ReadBatches(ctx.db)
  try {
    for (const measure of measures) {
      reads.next()
      fileIds.push(measure.id)
      const exists = measureExists(ctx.db, measure.id) !== null
      if (exists) seen.push(measure.id)
      if (!staging) continue
      if (exists && !options.replace) {
        // Refused in the end: only the ids are still wanted, for the conflict's report.
        staging.discard()
        staging = null
        continue
      }
      const before = exists ? readMeasure(ctx.db, measure.id) : null
      if (before) {
        snapshots.set(measure.id, { createdAt: before.createdAt, updatedAt: before.updatedAt })
        // The audit's "before" (a whole measure each) goes to the staging file as it is read.
        auditReplaced({ ...ctx, db: staging.db }, now, options.action, measure.id, before)
      }
      staging.write({ ...measure, createdAt: before?.createdAt ?? now, updatedAt: now })
    }
    reads.end()
    if (seen.length > 0 && !options.replace) throw conflictError(fileIds, seen)
    if (!staging) return reportOf(fileIds, seen, true)
    const expected = reportOf(fileIds, seen, false)
    const stagingDb = staging.db
    const staged = staging.finish(() => auditSummary({ ...ctx, db: stagingDb }, now, options.action, expected))
    staging = null
    try {
      return mergeImport(ctx, staged, { fileIds, seen, snapshots, now, options, expected })
    } finally {
      staged.discard()
    }
  } finally {
    reads.end()
    staging?.discard()
  }
}

/**
 * exchange.import on a team database: one transaction, written as the measures arrive. PostgreSQL
 * lets every other session read meanwhile (MVCC) and queues only other writers, so the staging
 * file SQLite needs to keep its write lock short is not needed; all or nothing, as on SQLite. What
 * is held meanwhile: ids, each measure's links (written once every measure exists) and the
 * replaced measures for the audit's "before", as importFile holds them.
 */
function importInOneTransaction(ctx: ServiceContext, measures: Iterable<ExchangedMeasure>, options: ImportOptions): ImportReport {
  return inTransaction(ctx.db, () => {
    const now = timestamp(ctx.nowMs())
    const fileIds: string[] = []
    const seen: string[] = []
    const replacedBefore = new Map<string, unknown>()
    const calendarBefore = new Map<string, CalendarLife>()
    const links: Pick<ExchangedMeasure, 'id' | 'links'>[] = []
    for (const measure of measures) {
      fileIds.push(measure.id)
      const before = measureExists(ctx.db, measure.id) === null ? null : readMeasure(ctx.db, measure.id)
      if (before) seen.push(measure.id)
      if (options.dryRun || (seen.length > 0 && !options.replace)) continue
      if (before) {
        replacedBefore.set(measure.id, before)
        for (const life of readMeasureLives(ctx.db, measure.id)) calendarBefore.set(life.id, life)
      }
      writeWholeMeasure(ctx.db, { ...measure, createdAt: before?.createdAt ?? now, updatedAt: now })
      links.push({ id: measure.id, links: measure.links })
    }
    if (seen.length > 0 && !options.replace) throw conflictError(fileIds, seen)
    const report = reportOf(fileIds, seen, options.dryRun)
    if (options.dryRun) return report
    for (const measure of links) writeLinks(ctx.db, measure)
    auditImport(ctx, now, options.action, replacedBefore, report)
    recordCalendarChanges(ctx, changedLives(calendarBefore, livesOf(ctx.db, seen)))
    return report
  })
}

const READ_BATCH = 1000

/**
 * The import's reads of the real file (does each measure exist, what it was), in read
 * transactions of READ_BATCH measures: a read outside a transaction takes and releases SQLite's
 * shared lock each time (a few system calls), which was ~6 % of an import. Kept short, so another
 * process's checkpoint is never held back long; nothing when the caller holds a transaction.
 */
class ReadBatches {
  private left = 0
  private open = false
  private readonly db: Db
  constructor(db: Db) {
    this.db = db
  }
  /** Before a measure's reads. */
  next(): void {
    if (this.open) {
      if (this.left-- > 0) return
      this.end()
    } else if (this.db.isTransaction) return
    this.db.exec('BEGIN')
    this.open = true
    this.left = READ_BATCH - 1
  }
  end(): void {
    if (!this.open) return
    this.open = false
    this.db.exec('COMMIT')
  }
}

/** Copies a finished staging file in under the write lock (see importMeasuresStaged). */
function mergeImport(
  ctx: ServiceContext,
  staging: Staging,
  plan: {
    fileIds: readonly string[]
    seen: readonly string[]
    snapshots: ReadonlyMap<string, { updatedAt: string }>
    now: string
    options: ImportOptions
    expected: ImportReport
  },
): ImportReport {
  const { fileIds, seen, snapshots, now, options } = plan
  let report = plan.expected
  // Before the lock, from the staged rows as they will be stored: which replaced measures'
  // calendars change (usually none or few), for the calendar ledger.
  let calendarChanges = changedLives(livesOf(ctx.db, seen), stagedLives(staging.path, seen))
  // Reached on the file store only (a team database imports in one transaction: importInOneTransaction).
  const fileDb = ctx.db as DatabaseSync
  mergeStaged(fileDb, staging, {
    before(existing) {
      if (existing.length > 0 && !options.replace) throw conflictError(fileIds, existing)
      const unchanged =
        existing.length === seen.length && existing.every((id) => snapshots.get(id)?.updatedAt === measureUpdatedAt(ctx, id))
      if (unchanged) return null
      // Another process created, changed or deleted some of these since they were read: the
      // report and the audit say what is replaced now.
      const replacedBefore = new Map<string, unknown>()
      for (const id of existing) {
        const current = readMeasure(ctx.db, id)
        replacedBefore.set(id, current)
        // Not cached (statements.ts): the staging schema is detached after the merge.
        if (!snapshots.has(id) && current)
          ctx.db.prepare('UPDATE import_staging.measures SET created_at = ? WHERE id = ?').run(current.createdAt, id)
      }
      const taken = new Set(existing)
      report = reportOf(
        fileIds,
        fileIds.filter((id) => taken.has(id)),
        false,
      )
      calendarChanges = changedLives(livesOf(ctx.db, existing), stagedLives(staging.path, existing))
      return replacedBefore
    },
    after(replacedBefore) {
      if (replacedBefore === null) copyStagedAudit(fileDb)
      else auditImport(ctx, now, options.action, replacedBefore, report)
      recordCalendarChanges(ctx, calendarChanges)
    },
  })
  return report
}

function measureUpdatedAt(ctx: ServiceContext, id: string): string | null {
  const row = statement(ctx.db, 'SELECT updated_at FROM measures WHERE id = ?').get(id) as { updated_at: string } | undefined
  return row?.updated_at ?? null
}

/** Run outside the service's write transaction: importFileStaged takes the lock only for its final copy. */
export const EXCHANGE_METHODS_OWN_TRANSACTION: ReadonlySet<MethodName> = new Set(['exchange.import'])

export const exchangeHandlers: Handlers<'exchange.export' | 'exchange.import'> = {
  'exchange.export': (ctx) => exportFile(ctx),
  'exchange.import': (ctx, input) =>
    importFileStaged(ctx, parseExchangeFile(input.file), { replace: input.replace, dryRun: input.dryRun, action: 'exchange.import' }),
}
