// A driver pool on a PostgreSQL database, configured so rows read as they do from SQLite
// (node:sqlite gives INTEGER columns as JavaScript numbers; here every column is bigint, which the
// driver would give as strings), and so the server lists the app's connections by name.
import postgres, { type PostgresType, type Sql } from 'postgres'

/** Type oids (pg_type.oid) of int8, bool and numeric. */
const INT8 = 20
const BOOL = 16
const NUMERIC = 1700

/**
 * int8 → number, refusing what a number cannot hold exactly rather than rounding it: the core's
 * integers are instants in ms, counts, flags and ids, all far below 2^53, so a larger one is damage.
 */
export function int8ToNumber(text: string): number {
  const value = Number(text)
  if (!Number.isSafeInteger(value)) throw new RangeError(`the integer ${text} does not fit in a JavaScript number`)
  return value
}

export interface PostgresPoolOptions {
  /** Connections in the pool (default 4: one desktop app, one writer at a time). */
  max?: number
  /** Told of the server's notices (default: ignored; the driver would print them). */
  onNotice?: (message: string) => void
  /**
   * Booleans and numerics read as node:sqlite reads them (1/0, numbers): the core's connection
   * (blocking/driver-thread.ts), whose statements are SQLite's. Off for catalog reads and migrations.
   */
  sqliteValues?: boolean
  /** Give up connecting after this many seconds (the driver's default is 30). */
  connectTimeoutSeconds?: number
}

const int8AsNumber: PostgresType<number> = { to: INT8, from: [INT8], serialize: (value) => String(value), parse: int8ToNumber }
// SQLite has no booleans: a comparison or EXISTS reads 1 or 0, and the core compares with 1.
const boolAsNumber: PostgresType<number> = {
  to: BOOL,
  from: [BOOL],
  serialize: (value) => (value ? 't' : 'f'),
  parse: (text) => (text === 't' ? 1 : 0),
}
// sum() and avg() of integers are numeric on PostgreSQL, integers or reals on SQLite.
const numericAsNumber: PostgresType<number> = { to: NUMERIC, from: [NUMERIC], serialize: (value) => String(value), parse: Number }

export function openPostgres(url: string, options: PostgresPoolOptions = {}): Sql<{ int8: number }> {
  return postgres(url, {
    max: options.max ?? 4,
    ...(options.connectTimeoutSeconds ? { connect_timeout: options.connectTimeoutSeconds } : {}),
    connection: { application_name: 'Measure Tracker' },
    onnotice: (notice) => options.onNotice?.(String(notice.message)),
    types: (options.sqliteValues ? { int8: int8AsNumber, bool: boolAsNumber, numeric: numericAsNumber } : { int8: int8AsNumber }) as {
      int8: PostgresType<number>
    },
  })
}
