// Fresh databases on the test PostgreSQL server (postgres-server.ts), each with its own driver
// connection. They are created with an ICU English collation, as a server set up in a typical
// locale would be, so a schema that relied on the server's byte-order "C" default would show it.
import postgres, { type Sql } from 'postgres'
import { postgresBinDir, type PostgresServer } from './postgres-server.ts'

/**
 * Why the PostgreSQL suites skip here, or null when they run. They skip only where the server is
 * not installed and MT_REQUIRE_POSTGRES is not 1 (.ci/run sets it, so there a missing server fails).
 */
export function postgresSkipReason(): string | null {
  if (process.env.MT_REQUIRE_POSTGRES === '1' || postgresBinDir() !== null) return null
  return 'PostgreSQL is not installed (no /usr/lib/postgresql/<major>/bin/initdb) and MT_REQUIRE_POSTGRES is not 1'
}

let created = 0

/** A new, empty database on `server`: its connection string and a driver pool on it. */
export function freshDatabase(server: PostgresServer, options: { max?: number } = {}): { url: string; sql: Sql; name: string } {
  const name = `mt_test_${process.pid}_${++created}`
  server.psql(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'`)
  const url = new URL(server.url)
  url.pathname = `/${name}`
  // Notices (e.g. "extension already exists") are not results: kept out of the test output.
  const sql = postgres(url.toString(), { max: options.max ?? 2, onnotice: () => {} })
  return { url: url.toString(), sql, name }
}
