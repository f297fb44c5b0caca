// Writing a large import without locking everyone else out. A 25,000-measure import written
// row by row into the database held the write lock for 9–34 s, and every other process (the app,
// `status`, a note from the command line) failed after the 5 s busy timeout. Instead the rows are
// first written into a private staging database (a temporary file with the same schema: no lock
// on the real file), then copied into the real tables with INSERT … SELECT in one short
// transaction. That copy is all or nothing, as the old single transaction was: nobody ever sees a
// part of an import.
import { DatabaseSync } from 'node:sqlite'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pluralText } from '../../shared/i18n/plural.ts'
import { CALENDAR_LEDGER_TABLES } from './calendar-rows.ts'
import { MIGRATIONS } from './migrations.ts'
import { refreshAllTimelines, writeLinks, writeWholeMeasure, type StoredMeasure } from './measure-rows.ts'
import { inTransaction } from './database.ts'

const STAGING = 'import_staging'
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`
/** Not part of a measure: never copied from staging (nor deleted for a replaced measure). */
const NOT_MEASURE_DATA = new Set(['audit', 'settings', 'reminders_shown', ...CALENDAR_LEDGER_TABLES])

export interface Staging {
  path: string
  /** Ids of the staged measures. */
  ids: string[]
  discard(): void
}

/** A staging file being written, one measure at a time (a streamed import holds none of them). */
export interface StagingWriter {
  /** The staging database, for rows that are not measures (the audit's "before" of a replaced one). */
  db: DatabaseSync
  write(measure: StoredMeasure): void
  /** Writes the links (every measure they point to is staged by now), then `alsoWrite`'s rows, and closes. */
  finish(alsoWrite?: (staging: DatabaseSync) => void): Staging
  /** Closes and removes the staging file (after a refused import). */
  discard(): void
}

/** A new private staging file with the schema, in one open transaction; the real file is not touched. */
export function openStaging(): StagingWriter {
  // Private folder (0700): the staged rows are the user's data.
  const dir = mkdtempSync(join(tmpdir(), 'measure-tracker-import-'))
  const path = join(dir, 'staging.db')
  const remove = () => rmSync(dir, { recursive: true, force: true })
  let db: DatabaseSync
  try {
    // No foreign keys here: mergeStaged checks them in the real file after the copy, and the
    // import's check has refused links to measures the file does not hold.
    db = new DatabaseSync(path, { enableForeignKeyConstraints: false })
  } catch (error) {
    remove()
    throw error
  }
  const close = () => {
    if (db.isOpen) db.close()
  }
  const ids: string[] = []
  // Links wait for the end: they may point at a measure later in the file. Kept as small tuples.
  const links: Pick<StoredMeasure, 'id' | 'links'>[] = []
  try {
    // A throwaway file: no journal and no fsync, so staging costs little more than the inserts.
    db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF')
    db.exec('BEGIN')
    for (const step of MIGRATIONS) db.exec(step)
    // Only a measure's own rows are staged and copied (mergeStaged): what triggers derive from
    // them (the board's summaries) is derived in the real file as the copy inserts them.
    const triggers = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger'`).all() as { name: string }[]
    for (const { name } of triggers) db.exec(`DROP TRIGGER ${quote(name)}`)
    // Nor the indexes that only speed up reads (those of primary keys and UNIQUE stay, they are
    // constraints): each insert would keep them up to date for nothing, the copy reads whole tables.
    const indexes = db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'`)
      .all() as { name: string }[]
    for (const { name } of indexes) db.exec(`DROP INDEX ${quote(name)}`)
  } catch (error) {
    close()
    remove()
    throw error
  }
  return {
    db,
    write(measure) {
      writeWholeMeasure(db, measure, { staging: true })
      ids.push(measure.id)
      if (measure.links.length > 0) links.push({ id: measure.id, links: measure.links })
    },
    finish(alsoWrite) {
      try {
        refreshAllTimelines(db)
        for (const measure of links) writeLinks(db, measure)
        alsoWrite?.(db)
        db.exec('COMMIT')
      } catch (error) {
        close()
        remove()
        throw error
      }
      close()
      return { path, ids, discard: remove }
    },
    discard() {
      close()
      remove()
    },
  }
}

/**
 * Writes whole measures (then their links, then whatever `alsoWrite` adds, e.g. audit rows) into a
 * new private staging file; the real file is not touched.
 */
export function stageMeasures(measures: readonly StoredMeasure[], alsoWrite?: (staging: DatabaseSync) => void): Staging {
  const staging = openStaging()
  try {
    for (const measure of measures) staging.write(measure)
  } catch (error) {
    staging.discard()
    throw error
  }
  return staging.finish(alsoWrite)
}

export interface MergeHooks<T> {
  /**
   * Runs first inside the write lock, with the ids of staged measures the database holds right
   * now: it may refuse (throw) or prepare the audit. Its result is passed to `after`.
   */
  before(existingIds: string[]): T
  /** Runs last inside the same transaction (audit rows). */
  after(prepared: T): void
}

function columns(db: DatabaseSync, schema: string, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?, ?)`).all(table, schema) as { name: string }[]).map((row) => row.name)
}

/**
 * Copies staged measures into the database in one transaction: replaced measures' rows are
 * deleted, staged rows inserted table by table, and links other measures had to a replaced one
 * put back (as writeWholeMeasure does).
 */
export function mergeStaged<T>(db: DatabaseSync, staging: Staging, hooks: MergeHooks<T>): void {
  // ATTACH cannot run inside a transaction; unqualified names still mean the main tables.
  db.prepare(`ATTACH DATABASE ? AS ${STAGING}`).run(staging.path)
  // Foreign keys are off for the copy and checked at its end instead: deleting a replaced measure
  // with ON DELETE CASCADE scans the whole links table once per measure (links.target_id has no
  // index), which made replacing 25,000 measures hold the lock for 15 s. The rows of replaced
  // measures are deleted table by table instead, in one pass each. (The pragma cannot change
  // inside a transaction, hence outside inTransaction.)
  const foreignKeys = (db.prepare('PRAGMA foreign_keys').get() as { foreign_keys: number }).foreign_keys === 1
  db.exec('PRAGMA foreign_keys = OFF')
  try {
    inTransaction(db, () => {
      const existing = (
        db.prepare(`SELECT id FROM main.measures WHERE id IN (SELECT id FROM ${STAGING}.measures) ORDER BY id`).all() as { id: string }[]
      ).map((row) => row.id)
      const prepared = hooks.before(existing)
      const staged = `(SELECT id FROM ${STAGING}.measures)`
      const inbound = db
        .prepare(`SELECT measure_id, target_id, relation FROM main.links WHERE target_id IN ${staged} AND measure_id NOT IN ${staged}`)
        .all()
      // Creation order puts parents (measures) before the tables that refer to them.
      const tables = (
        db.prepare(`SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid`).all() as {
          name: string
        }[]
      ).map((row) => row.name)
      // A measure's own rows: `measures` and the tables keyed by measure_id. Tables derived from
      // them (the board's summaries and search index, migration 7) are kept by triggers on these,
      // which fire for the copy too, so they are never copied.
      const measureData = tables.filter(
        (table) => !NOT_MEASURE_DATA.has(table) && (table === 'measures' || columns(db, 'main', table).includes('measure_id')),
      )
      if (existing.length > 0) {
        for (const table of [...measureData].reverse()) {
          const cols = columns(db, 'main', table)
          const where = table === 'measures' ? 'id' : cols.includes('measure_id') ? 'measure_id' : null
          if (!where) continue
          const alsoTarget = cols.includes('target_id') ? ` OR target_id IN ${staged}` : ''
          db.exec(`DELETE FROM main.${quote(table)} WHERE ${where} IN ${staged}${alsoTarget}`)
        }
      }
      const stagedTables = new Set(
        (db.prepare(`SELECT name FROM ${STAGING}.sqlite_schema WHERE type = 'table'`).all() as { name: string }[]).map((row) => row.name),
      )
      for (const table of measureData) {
        if (!stagedTables.has(table)) continue
        const wanted = new Set(columns(db, STAGING, table))
        const shared = columns(db, 'main', table)
          .filter((column) => wanted.has(column))
          .map(quote)
          .join(', ')
        db.exec(`INSERT INTO main.${quote(table)} (${shared}) SELECT ${shared} FROM ${STAGING}.${quote(table)}`)
      }
      const relink = db.prepare('INSERT OR REPLACE INTO main.links (measure_id, target_id, relation) VALUES (?, ?, ?)')
      for (const row of inbound) relink.run(row.measure_id as string, row.target_id as string, row.relation as string)
      // What the foreign keys would have refused is refused here, and the whole copy rolls back.
      for (const table of measureData) {
        const broken = db.prepare(`SELECT count(*) AS n FROM pragma_foreign_key_check(?, 'main')`).get(table) as { n: number }
        if (broken.n > 0)
          throw new Error(
            `the import would leave ${pluralText('en', broken.n, { one: '{count} row', other: '{count} rows' })} of ${table} pointing at missing measures`,
          )
      }
      hooks.after(prepared)
    })
  } finally {
    if (foreignKeys) db.exec('PRAGMA foreign_keys = ON')
    db.exec(`DETACH DATABASE ${STAGING}`)
  }
}

/** Inside mergeStaged's hooks: appends the audit rows written while staging, in their order. */
export function copyStagedAudit(db: DatabaseSync): void {
  db.exec(`INSERT INTO main.audit (at, actor, action, measure_id, before_json, after_json)
           SELECT at, actor, action, measure_id, before_json, after_json FROM ${STAGING}.audit ORDER BY id`)
}
