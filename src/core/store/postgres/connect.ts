// A driver pool on a PostgreSQL database, configured so rows read as they do from SQLite
// (node:sqlite gives INTEGER columns as JavaScript numbers; here every column is bigint, which the
// driver would give as strings), and so the server lists the app's connections by name.
import postgres, { type PostgresType, type Sql } from 'postgres'

/** bigint's type oid (pg_type.oid of int8). */
const INT8 = 20

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
}

const int8AsNumber: PostgresType<number> = { to: INT8, from: [INT8], serialize: (value) => String(value), parse: int8ToNumber }

export function openPostgres(url: string, options: PostgresPoolOptions = {}): Sql<{ int8: number }> {
  return postgres(url, {
    max: options.max ?? 4,
    connection: { application_name: 'Measure Tracker' },
    onnotice: (notice) => options.onNotice?.(String(notice.message)),
    types: { int8: int8AsNumber },
  })
}
