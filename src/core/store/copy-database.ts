// `measure-tracker db copy --from A --to B` (issue 17): a whole database moved between the file
// on one computer and a team database (PostgreSQL), either way (or file to file). Every table of
// the schema is copied row for row, ids kept, in one transaction on the target: all or nothing.
// The board's summaries and search index are derived, so they are not copied but recomputed on
// the target; identity counters (the audit trail's ids) continue after the copied rows. The copy
// is then verified: both databases' exports must be the same text, and every table must hold the
// same number of rows.
//
// The target must be new or empty — a copy never merges into, or overwrites, someone's data.
// "Empty" includes a database that holds only what its first open loaded (the embedded dataset,
// its one 'seed' audit row and the 'seeded' setting): a team database is usually started once by
// its owner before the GRANTs (README), and the app seeds a new file on its first start, so
// refusing those would refuse the common case. That seed is replaced, in the same transaction. Any
// change made through the service writes an audit row, so a database whose audit holds nothing but
// the seed's, and whose other tables are those the seed fills, holds nothing anyone made.
import { createHash } from 'node:crypto'
import { existsSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { openStore, type OpenedStore } from '../open.ts'
import { exportChunks } from '../service/exchange-stream.ts'
import type { ServiceContext } from '../service/context.ts'
import { columnNames, isPostgres, type Db, type SqlValue } from './db.ts'
import { isTeamDatabaseUrl } from './postgres/open-team-database.ts'
import { postgresDisplayName } from './postgres/display-name.ts'
import { isDerivedSummaryTable, resetSummaries } from './summary-table.ts'

/** A copy refused before anything was written (a usage problem: exit 2 on the command line). */
export class CopyRefused extends Error {}

/** The copy did not match its source: rolled back, nothing was kept (exit 1). */
export class CopyMismatch extends Error {}

export interface CopyOptions {
  from: string
  to: string
  actor: string
  /** The built PostgreSQL driver thread (the packaged app); default: the source beside blocking-client.ts. */
  teamDriverEntry?: string
}

export interface CopyOutcome {
  from: string
  to: string
  /** Rows copied per table, in the order they were copied. */
  tables: { table: string; rows: number }[]
  measures: number
  /** The target held only the embedded dataset its first open had loaded; it was replaced. */
  replacedSeed: boolean
}

/** Rows per INSERT: fewer round trips to a server, far below SQLite's limit on parameters. */
const ROWS_PER_INSERT = 100

/** What messages may show of a location: a file path, or a connection string without its password. */
export function shownLocation(location: string): string {
  return isTeamDatabaseUrl(location) ? postgresDisplayName(location) : location
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/** The tables the schema keeps (not the schema's own bookkeeping, not SQLite's internal or FTS tables). */
function tablesOf(db: Db): string[] {
  const sql = isPostgres(db)
    ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations' ORDER BY table_name"
    : "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
  return (db.prepare(sql).all() as { name: string }[]).map((row) => row.name)
}

/** Each table's parents by foreign key (a child's rows can only go in after its parents'). */
function parentsOf(db: Db, tables: readonly string[]): Map<string, Set<string>> {
  const parents = new Map(tables.map((table) => [table, new Set<string>()]))
  if (isPostgres(db)) {
    const rows = db
      .prepare(
        `SELECT child.relname AS child, parent.relname AS parent FROM pg_constraint c
           JOIN pg_class child ON child.oid = c.conrelid JOIN pg_class parent ON parent.oid = c.confrelid
           JOIN pg_namespace n ON n.oid = child.relnamespace
          WHERE c.contype = 'f' AND n.nspname = current_schema()`,
      )
      .all() as { child: string; parent: string }[]
    for (const { child, parent } of rows) parents.get(child)?.add(parent)
  } else {
    for (const table of tables) {
      const rows = db.prepare('SELECT "table" AS parent FROM pragma_foreign_key_list(?)').all(table) as { parent: string }[]
      for (const { parent } of rows) parents.get(table)?.add(parent)
    }
  }
  return parents
}

/** Parents before children (a table that refers to itself keeps its place). */
function parentsFirst(tables: readonly string[], parents: Map<string, Set<string>>): string[] {
  const ordered: string[] = []
  const placed = new Set<string>()
  const place = (table: string, path: Set<string>) => {
    if (placed.has(table) || path.has(table)) return
    path.add(table)
    for (const parent of parents.get(table) ?? []) if (parent !== table) place(parent, path)
    placed.add(table)
    ordered.push(table)
  }
  for (const table of tables) place(table, new Set())
  return ordered
}

const countRows = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }).n

/** The tables a first open's import of the embedded dataset fills (open.ts seedIfEmpty), audit and settings aside. */
const SEEDED_TABLES = new Set(['measures', 'events', 'sources', 'links', 'measure_tags', 'commitment_progress', 'watch_terms'])

/** The action of the one audit row the embedded dataset's first load writes (open.ts). */
const SEED_ACTION = 'seed'

/**
 * Whether the target holds only what a first open loaded: every audit row is the seed's, no
 * setting but 'seeded', and nothing in a table the seed does not fill.
 */
function holdsOnlyTheSeed(db: Db, held: readonly string[]): boolean {
  if (!held.includes('audit')) return false
  const audited = db.prepare('SELECT count(*) AS n FROM audit WHERE action <> ?').get(SEED_ACTION) as { n: number }
  if (Number(audited.n) > 0) return false
  const settings = db.prepare("SELECT count(*) AS n FROM settings WHERE key <> 'seeded'").get() as { n: number }
  if (Number(settings.n) > 0) return false
  return held.every((table) => table === 'audit' || SEEDED_TABLES.has(table))
}

/**
 * Refuses a target that holds anything someone made; answers whether it holds the embedded
 * dataset a first open loaded (to be replaced). Settings aside: a new database may have written its own.
 */
function refuseUnlessEmpty(db: Db, tables: readonly string[], shown: string): boolean {
  const held = tables.filter((table) => table !== 'settings').filter((table) => countRows(db, table) > 0)
  if (held.length === 0) return false
  if (holdsOnlyTheSeed(db, held)) return true
  const measures = held.includes('measures') ? countRows(db, 'measures') : 0
  throw new CopyRefused(
    `${shown} already holds data (${measures > 0 ? `${measures} measures, ` : ''}rows in ${held.join(', ')}). ` +
      'db copy only fills a new or empty database (or one holding only the sample dataset its first start loaded), ' +
      'so nothing was changed. Copy into a new file or an empty PostgreSQL database.',
  )
}

/** Empties the tables, children before parents (the seed a first open loaded, replaced by the copy). */
function emptyTables(db: Db, parentsFirstOrder: readonly string[]): void {
  for (const table of [...parentsFirstOrder].reverse()) db.exec(`DELETE FROM ${quote(table)}`)
}

/** Copies one table's rows, in batches, and answers how many. */
function copyRows(source: Db, target: Db, table: string): number {
  const kept = new Set(columnNames(source, table))
  const columns = columnNames(target, table).filter((column) => kept.has(column))
  if (columns.length === 0) return 0
  const list = columns.map(quote).join(', ')
  const row = `(${columns.map(() => '?').join(', ')})`
  const insertOf = (rows: number) => target.prepare(`INSERT INTO ${quote(table)} (${list}) VALUES ${Array(rows).fill(row).join(', ')}`)
  const full = insertOf(ROWS_PER_INSERT)
  let batch: SqlValue[] = []
  let count = 0
  const flush = (rows: number) => {
    if (rows === 0) return
    ;(rows === ROWS_PER_INSERT ? full : insertOf(rows)).run(...batch)
    batch = []
  }
  for (const values of source.prepare(`SELECT ${list} FROM ${quote(table)}`).iterate() as Iterable<Record<string, SqlValue>>) {
    for (const column of columns) batch.push(values[column] ?? null)
    count++
    if (count % ROWS_PER_INSERT === 0) flush(ROWS_PER_INSERT)
  }
  flush(count % ROWS_PER_INSERT)
  return count
}

/** Makes the target's id counters continue after the copied rows (PostgreSQL identities, SQLite AUTOINCREMENT). */
function continueIdentities(db: Db): void {
  if (isPostgres(db)) {
    const identities = db
      .prepare(
        "SELECT table_name AS tbl, column_name AS col FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'",
      )
      .all() as { tbl: string; col: string }[]
    for (const { tbl, col } of identities) {
      const max = (db.prepare(`SELECT max(${quote(col)}) AS n FROM ${quote(tbl)}`).get() as { n: number | null }).n
      if (max === null) continue
      db.prepare(`SELECT setval(pg_get_serial_sequence(?, ?), ?)`).get(tbl, col, max)
    }
    return
  }
  const counted = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%'").all() as {
    name: string
  }[]
  if (counted.length === 0) return
  db.exec('DELETE FROM sqlite_sequence')
  for (const { name } of counted) {
    const max = (db.prepare(`SELECT max(rowid) AS n FROM ${quote(name)}`).get() as { n: number | null }).n
    if (max !== null) db.prepare('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)').run(name, max)
  }
}

/** A digest of the store's export, written at one fixed instant so two stores can be compared. */
function exportDigest(context: ServiceContext): string {
  const hash = createHash('sha256')
  for (const chunk of exportChunks({ ...context, nowMs: () => 0 })) hash.update(chunk)
  return hash.digest('hex')
}

function removeDatabaseFile(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true })
}

function sameLocation(a: string, b: string): boolean {
  if (isTeamDatabaseUrl(a) || isTeamDatabaseUrl(b)) {
    if (!isTeamDatabaseUrl(a) || !isTeamDatabaseUrl(b)) return false
    // One database reached as two roles is still one database: compare server and name only.
    const place = (url: string) => postgresDisplayName(url).replace(/^postgres(ql)?:\/\/[^@/]*@/, '')
    return place(a) === place(b)
  }
  return resolve(a) === resolve(b)
}

export async function copyDatabase(options: CopyOptions): Promise<CopyOutcome> {
  const from = shownLocation(options.from)
  const to = shownLocation(options.to)
  if (sameLocation(options.from, options.to)) throw new CopyRefused(`--from and --to are the same database (${from}).`)
  if (!isTeamDatabaseUrl(options.from) && !existsSync(options.from)) throw new CopyRefused(`There is no database file at ${from}.`)
  const open = (path: string) =>
    openStore({ path, actor: options.actor, seed: false, ...(options.teamDriverEntry ? { teamDriverEntry: options.teamDriverEntry } : {}) })

  let source: OpenedStore | undefined
  let target: OpenedStore | undefined
  let done = false
  try {
    source = await open(options.from)
    target = await open(options.to)
    if (target.readOnly) throw new CopyRefused(`${to} cannot be written (${target.readOnlyReason}). Nothing was changed.`)
    const sourceDb = source.core.context.db
    const targetDb = target.core.context.db
    const sourceTables = tablesOf(sourceDb).filter((table) => !isDerivedSummaryTable(table))
    const targetTables = new Set(tablesOf(targetDb))
    // Both are at the current schema now, so they hold the same tables; a table the target lacked
    // would be lost without a word, so it is refused rather than skipped.
    const unknown = sourceTables.filter((table) => !targetTables.has(table))
    if (unknown.length > 0) throw new CopyRefused(`${from} has tables that ${to} does not (${unknown.join(', ')}), so nothing was changed.`)
    const tables = sourceTables
    const ordered = parentsFirst(tables, parentsOf(targetDb, tables))

    const copied: CopyOutcome['tables'] = []
    let replacedSeed = false
    // One transaction on each side: the source is read as of one moment (on PostgreSQL a snapshot:
    // repeatable read), the target gets all or nothing.
    sourceDb.exec(isPostgres(sourceDb) ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN')
    try {
      targetDb.exec('BEGIN IMMEDIATE')
      try {
        // Looked at under the write lock, so no one can write to the target between the look and the copy.
        replacedSeed = refuseUnlessEmpty(targetDb, ordered, to)
        if (replacedSeed) emptyTables(targetDb, ordered)
        // A new database may have written settings of its own: the source's replace them.
        targetDb.exec('DELETE FROM settings')
        for (const table of ordered) copied.push({ table, rows: copyRows(sourceDb, targetDb, table) })
        continueIdentities(targetDb)
        resetSummaries(targetDb)
        // Verified before COMMIT, so a copy that does not match leaves the target as it was.
        for (const { table, rows } of copied) {
          const there = countRows(targetDb, table)
          if (there !== rows) throw new CopyMismatch(`${table}: ${rows} rows read from ${from}, ${there} in ${to}.`)
        }
        if (exportDigest(source.core.context) !== exportDigest(target.core.context))
          throw new CopyMismatch(`the export of ${to} differs from the export of ${from}: the copy is not exact.`)
        targetDb.exec('COMMIT')
      } catch (error) {
        if (targetDb.isTransaction) targetDb.exec('ROLLBACK')
        throw error
      }
    } finally {
      if (sourceDb.isTransaction) sourceDb.exec('COMMIT')
    }
    done = true
    return { from, to, tables: copied, measures: copied.find((entry) => entry.table === 'measures')?.rows ?? 0, replacedSeed }
  } finally {
    target?.close()
    source?.close()
    // A file this copy created and could not fill is not left behind as if it were a database.
    if (!done && target?.created && !isTeamDatabaseUrl(options.to)) removeDatabaseFile(options.to)
  }
}
