// The messages between the core's thread and the thread that holds the PostgreSQL driver
// (blocking-client.ts ↔ driver-thread.ts). Only data crosses; an error is sent as its fields.

export type SqlValue = string | number | null | Uint8Array

export type DriverRequest =
  /** One statement with parameters (extended protocol): rows as objects, or as arrays. */
  | { op: 'query'; text: string; params: SqlValue[]; arrays: boolean }
  /** Statements without parameters, several at once (simple protocol): BEGIN, COMMIT, DDL. */
  | { op: 'exec'; text: string }
  | { op: 'close' }

export interface DriverRows {
  rows: unknown[]
  /** Column names in order (for rows as arrays). */
  columns: string[]
  /** Rows the statement changed (INSERT, UPDATE, DELETE), else 0. */
  changes: number
}

export interface DriverFailure {
  message: string
  /** PostgreSQL's SQLSTATE (23505, 42501, …), or the driver's own code (CONNECTION_REFUSED, …). */
  code: string | null
  detail: string | null
}

export type DriverReply = { ok: true; value: DriverRows | null } | { ok: false; error: DriverFailure }

/** What the thread is given when it starts. */
export interface DriverStart {
  url: string
  /** The core thread waits on index 0 of this Int32Array: 1 = an answer is on the port. */
  signal: SharedArrayBuffer
}
