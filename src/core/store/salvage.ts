// Salvage: copy everything that can still be read from a damaged database into a NEW file with the
// current schema, table by table and row by row, stepping over rows that sit on unreadable pages.
// The damaged file is opened read-only and never written to.
//
// Done in Node on purpose: it needs no sqlite3 command-line tool. It reads through SQLite's own
// b-trees, so it cannot get past a damaged schema page (page 1) or a table whose root page is gone;
// SQLite's `.recover`, which reads raw pages, can. The message says so when nothing is readable.
import { DatabaseSync } from 'node:sqlite'
import { existsSync, rmSync } from 'node:fs'
import { ServiceError } from '../../shared/result.ts'
import { openDatabase } from './database.ts'
import { TIMELINE_SELECT } from './timeline-column.ts'
import { isDamageError } from './damage.ts'

export interface SalvagedTable {
  table: string
  copied: number
  /** Rows read but refused by the new file: their measure was lost, or their values are garbled. */
  refused: number
  /** Times the scan met an unreadable page and stepped past it (the rows there are lost). */
  unreadableStretches: number
}

export interface SalvageReport {
  from: string
  to: string
  tables: SalvagedTable[]
  measures: number
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

function columnsOf(db: DatabaseSync, table: string): string[] {
  return (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((row) => row.name)
}

/**
 * Every readable row of `table` (columns `columns`), in rowid order. When a page cannot be read
 * the scan resumes after it: it probes ever larger rowid steps until a read succeeds, then halves
 * back, so only the rows near the bad page are given up.
 */
function* readableRows(db: DatabaseSync, table: string, columns: string[], onStretch: () => void): Generator<unknown[]> {
  const list = columns.map(quote).join(', ')
  const scan = db.prepare(`SELECT rowid, ${list} FROM ${quote(table)} WHERE rowid > ? ORDER BY rowid`)
  scan.setReturnArrays(true)
  const first = db.prepare(`SELECT rowid, ${list} FROM ${quote(table)} WHERE rowid > ? ORDER BY rowid LIMIT 1`)
  const readsFrom = (after: number): boolean => {
    try {
      first.get(after)
      return true
    } catch (error) {
      if (isDamageError(error)) return false
      throw error
    }
  }
  let after = Number.MIN_SAFE_INTEGER
  for (;;) {
    try {
      for (const row of scan.iterate(after) as Iterable<unknown[]>) {
        after = Number(row[0])
        yield row.slice(1)
      }
      return
    } catch (error) {
      if (!isDamageError(error)) throw error
      onStretch()
      const resume = skipPast(after, readsFrom)
      if (resume === null) return
      after = resume
    }
  }
}

/** The smallest rowid bound above `after` from which a read succeeds (doubling, then bisecting), or null. */
function skipPast(after: number, readsFrom: (bound: number) => boolean): number | null {
  const start = Math.max(after, 0)
  for (let step = 1; start + step < Number.MAX_SAFE_INTEGER; step *= 2) {
    const candidate = start + step
    if (!readsFrom(candidate)) continue
    let low = start
    let high = candidate
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2)
      if (readsFrom(middle)) high = middle
      else low = middle
    }
    return high
  }
  return null
}

/** Copies what `fromPath` still holds into `toPath`, which must not exist yet. */
export async function salvageDatabase(fromPath: string, toPath: string): Promise<SalvageReport> {
  if (existsSync(toPath))
    throw new ServiceError('VALIDATION', `${toPath} already exists: salvage writes a new file (choose another with --out).`)
  let source: DatabaseSync
  let sourceTables: Set<string>
  try {
    source = new DatabaseSync(fromPath, { readOnly: true })
    sourceTables = new Set(
      (source.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map(
        (row) => row.name,
      ),
    )
  } catch (error) {
    throw new ServiceError(
      'STORAGE',
      `Nothing can be read from ${fromPath}: its schema is unreadable (${(error as Error).message}). SQLite's own recovery (sqlite3 "${fromPath}" .recover) reads raw pages and may get more.`,
    )
  }
  const target = await openDatabase(toPath)
  const db = target.db
  try {
    const tables: SalvagedTable[] = []
    db.exec('BEGIN IMMEDIATE')
    const targetTables = (
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid").all() as {
        name: string
      }[]
    ).map((row) => row.name)
    // Tables in the order the schema created them: parents (measures) before their children.
    for (const table of targetTables) {
      const report: SalvagedTable = { table, copied: 0, refused: 0, unreadableStretches: 0 }
      tables.push(report)
      if (!sourceTables.has(table)) continue
      const wanted = new Set(columnsOf(db, table))
      const columns = columnsOf(source, table).filter((column) => wanted.has(column))
      const insert = db.prepare(
        `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      )
      for (const row of readableRows(source, table, columns, () => report.unreadableStretches++)) {
        try {
          insert.run(...(row as never[]))
          report.copied++
        } catch {
          report.refused++
        }
      }
    }
    // Timelines are a cache of the events: rebuild them from the events that survived.
    db.exec(`UPDATE measures SET timeline = (${TIMELINE_SELECT.replaceAll('?1', 'measures.id')})`)
    db.exec('COMMIT')
    const measures = (db.prepare('SELECT count(*) AS n FROM measures WHERE deleted_at IS NULL').get() as { n: number }).n
    return { from: fromPath, to: toPath, tables, measures }
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK')
    db.close()
    source.close()
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${toPath}${suffix}`, { force: true })
    throw error
  } finally {
    if (db.isOpen) db.close()
    if (source.isOpen) source.close()
  }
}
