// The store port (../db.ts) on PostgreSQL: the core's SQLite statements, translated once each
// (dialect.ts), run synchronously through the driver's thread (blocking/blocking-client.ts).
import type { Db, DbStatement, PostgresDb, SqlValue } from '../db.ts'
import { openBlockingPostgres, type BlockingPostgres, type BlockingPostgresOptions } from './blocking/blocking-client.ts'
import { WRITE_LOCK_STATEMENT, toPostgres, toPostgresScript } from './dialect.ts'
import { ANNOUNCE_CHANGE } from './team-changes.ts'
import { postgresDisplayName } from './display-name.ts'

/** Rows fetched per round trip by iterate(). */
const CURSOR_BATCH = 1_000
let cursors = 0

class PostgresStatement implements DbStatement {
  private arrays = false
  private names: string[] | null = null
  private readonly connection: BlockingPostgres
  private readonly text: string
  constructor(connection: BlockingPostgres, text: string) {
    this.connection = connection
    this.text = text
  }
  setReturnArrays(enabled: boolean): void {
    this.arrays = enabled
  }
  all(...params: SqlValue[]): unknown[] {
    const result = this.connection.query(this.text, params, this.arrays)
    this.names = result.columns
    return result.rows
  }
  get(...params: SqlValue[]): unknown {
    return this.all(...params)[0]
  }
  run(...params: SqlValue[]): { changes: number; lastInsertRowid: number } {
    const result = this.connection.query(this.text, params, true)
    return { changes: result.changes, lastInsertRowid: 0 }
  }
  /**
   * Rows a batch at a time through a cursor of the server's, so an export of any size holds one
   * batch here: WITH HOLD, so it outlives a transaction around it, and several can be open at once
   * on the one connection (the export walks its tables side by side: measure-cursor.ts).
   */
  *iterate(...params: SqlValue[]): Generator<unknown, void, undefined> {
    const name = `mt_rows_${++cursors}`
    this.connection.query(`DECLARE ${name} NO SCROLL CURSOR WITH HOLD FOR ${this.text}`, params, true)
    try {
      for (;;) {
        const batch = this.connection.query(`FETCH ${CURSOR_BATCH} FROM ${name}`, [], this.arrays)
        this.names = batch.columns
        if (batch.rows.length === 0) return
        yield* batch.rows
      }
    } finally {
      if (!this.connection.closed) this.connection.exec(`CLOSE ${name}`)
    }
  }
  columns(): { name: string }[] {
    if (this.names === null) this.names = this.connection.query(`SELECT * FROM (${this.text}) AS q LIMIT 0`, [], true).columns
    return this.names.map((name) => ({ name }))
  }
}

export type OpenPostgresDbOptions = BlockingPostgresOptions

export function openPostgresDb(url: string, options: OpenPostgresDbOptions = {}): PostgresDb {
  const connection = openBlockingPostgres(url, options)
  const translated = new Map<string, string>()
  let inTransaction = false
  // A write transaction (BEGIN IMMEDIATE) announces its commit to the other stores (team-changes.ts).
  let writing = false
  let committedWrites = 0
  const db: PostgresDb = {
    store: 'postgres',
    displayName: postgresDisplayName(url),
    prepare(sql: string): DbStatement {
      let text = translated.get(sql)
      if (text === undefined) {
        text = toPostgres(sql)
        translated.set(sql, text)
      }
      return new PostgresStatement(connection, text)
    },
    exec(sql: string): void {
      for (const statement of toPostgresScript(sql)) {
        const word = statement.trimStart().slice(0, 8).toUpperCase()
        const ends = word.startsWith('COMMIT') || word.startsWith('ROLLBACK') || word.startsWith('END')
        try {
          connection.exec(writing && word.startsWith('COMMIT') ? `${ANNOUNCE_CHANGE}; ${statement}` : statement)
          if (writing && word.startsWith('COMMIT')) committedWrites++
        } finally {
          // A failed COMMIT ends the transaction too (PostgreSQL rolls it back).
          if (ends) inTransaction = writing = false
        }
        if (word.startsWith('BEGIN')) {
          inTransaction = true
          writing = statement.includes(WRITE_LOCK_STATEMENT)
        }
      }
    },
    close(): void {
      connection.close()
    },
    get committedWrites() {
      return committedWrites
    },
    get isTransaction() {
      return inTransaction
    },
    get isOpen() {
      return !connection.closed
    },
  }
  return db
}

export type { Db }
