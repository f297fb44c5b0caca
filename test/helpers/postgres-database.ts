// Fresh databases on the test PostgreSQL server (postgres-server.ts), each with its own driver
// connection. They are created with an ICU English collation, as a server set up in a typical
// locale would be, so a schema that relied on the server's byte-order "C" default would show it.
import type { Sql } from 'postgres'
import { afterAll, beforeAll } from 'vitest'
import { openPostgres } from '../../src/core/store/postgres/connect.ts'
import { postgresDisplayName } from '../../src/core/store/postgres/display-name.ts'
import { postgresBinDir, startPostgres, type PostgresServer } from './postgres-server.ts'

/**
 * Why the PostgreSQL suites skip here, or null when they run. They skip only where the server is
 * not installed and MT_REQUIRE_POSTGRES is not 1 (.ci/run sets it, so there a missing server fails).
 */
export function postgresSkipReason(): string | null {
  if (process.env.MT_REQUIRE_POSTGRES === '1' || postgresBinDir() !== null) return null
  return 'PostgreSQL is not installed (no /usr/lib/postgresql/<major>/bin/initdb) and MT_REQUIRE_POSTGRES is not 1'
}

let created = 0

export interface TestDatabase {
  url: string
  /** The connection string as messages show it (postgresDisplayName). */
  display: string
  /** The database's name, for server.psql(…, name). */
  name: string
  sql: Sql
}

/**
 * A server for the enclosing describe block, started before its tests and stopped after them,
 * with every pool opened through it closed first.
 */
export function usePostgres() {
  let server: PostgresServer | undefined
  const pools: Sql[] = []
  beforeAll(async () => {
    server = await startPostgres()
  }, 60_000)
  afterAll(async () => {
    await Promise.all(pools.map((sql) => sql.end()))
    await server?.stop()
  })
  const running = (): PostgresServer => {
    if (!server) throw new Error('the test PostgreSQL server is not running (used outside a test?)')
    return server
  }
  return {
    get server() {
      return running()
    },
    database(options: { max?: number } = {}): TestDatabase {
      const made = freshDatabase(running(), options)
      pools.push(made.sql)
      return { ...made, display: postgresDisplayName(made.url) }
    },
    /** Another pool of one connection on `url`: another process, as far as the server can tell. */
    connect(url: string): Sql {
      const sql = openPostgres(url, { max: 1 })
      pools.push(sql)
      return sql
    },
  }
}

/** A new, empty database on `server`: its connection string and a driver pool on it. */
function freshDatabase(server: PostgresServer, options: { max?: number } = {}): { url: string; sql: Sql; name: string } {
  const name = `mt_test_${process.pid}_${++created}`
  server.psql(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'`)
  const url = new URL(server.url)
  url.pathname = `/${name}`
  const sql = openPostgres(url.toString(), { max: options.max ?? 2 })
  return { url: url.toString(), sql, name }
}
