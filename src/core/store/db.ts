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
}

export function isPostgres(db: Db): db is PostgresDb {
  return (db as Partial<PostgresDb>).store === 'postgres'
}
