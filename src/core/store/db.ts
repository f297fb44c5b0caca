// The store port: the part of node:sqlite's DatabaseSync the core's statements use. The file store
// is a DatabaseSync itself; the team store (postgres/postgres-db.ts) implements the same calls on
// PostgreSQL. Code that needs SQLite's own features (backup, restore, salvage, PRAGMAs) takes a
// DatabaseSync and is reached only on the file store; code that differs by store asks isPostgres().
import type { SqlValue } from './postgres/blocking/protocol.ts'

export type { SqlValue }

export interface DbStatement {
  all(...params: SqlValue[]): unknown[]
  get(...params: SqlValue[]): unknown
  run(...params: SqlValue[]): { changes: number | bigint; lastInsertRowid: number | bigint }
  iterate(...params: SqlValue[]): Iterable<unknown>
  setReturnArrays(enabled: boolean): void
  columns(): { name: string }[]
}

export interface Db {
  prepare(sql: string): DbStatement
  exec(sql: string): void
  close(): void
  readonly isTransaction: boolean
  readonly isOpen: boolean
}

/** Marks the team store's connection (a DatabaseSync has no such field). */
export interface PostgresDb extends Db {
  readonly store: 'postgres'
  /** postgres://user@host:port/db, never with the password. */
  readonly displayName: string
  /** Write transactions this connection committed (SQLite's total_changes() counts rows; either moves with each write). */
  readonly committedWrites: number
}

export function isPostgres(db: Db): db is PostgresDb {
  return (db as Partial<PostgresDb>).store === 'postgres'
}

/** A number that moves whenever this connection writes (to notice that a command changed something). */
export function ownWriteCount(db: Db): number {
  if (isPostgres(db)) return db.committedWrites
  return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n
}

/** A table's columns in their order (the schemas on both stores keep the same order: schema-parity.test.ts). */
export function columnNames(db: Db, table: string): string[] {
  const sql = isPostgres(db)
    ? 'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position'
    : 'SELECT name FROM pragma_table_info(?)'
  return (db.prepare(sql).all(table) as { name: string }[]).map((row) => row.name)
}
