// A fresh database in a temporary folder per test, opened through the real store.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject } from 'vitest'
import './team-store-context.ts'
import { openStore, type Store } from '../../src/core/open.ts'
import { openPostgres } from '../../src/core/store/postgres/connect.ts'
import { teamActorName } from '../../src/core/actor.ts'

export interface TempStore {
  store: Store
  dir: string
  path: string
  cleanup(): void
}

export function tempDir(prefix = 'mt-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** Which store the tests of this run open: the file, or (the "team-store" project) a team database. */
export const TEST_STORE: 'file' | 'postgres' = process.env.MT_TEST_STORE === 'postgres' ? 'postgres' : 'file'

/**
 * Who the audit names for a store opened with `actor`: on a team database the database user comes
 * first (src/core/actor.ts teamActorName); the test server's user is the one in its connection string.
 */
export function auditedActor(actor: string): string {
  return TEST_STORE === 'postgres' ? teamActorName(new URL(inject('teamServerUrl')).username, actor) : actor
}

let teamDatabases = 0

/** A new, empty database on the run's PostgreSQL server (test/helpers/team-store-setup.ts). */
async function newTeamDatabase(): Promise<string> {
  const server = new URL(inject('teamServerUrl'))
  const name = `mt_store_${process.pid}_${++teamDatabases}`
  const admin = openPostgres(server.toString(), { max: 1 })
  try {
    await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`)
  } finally {
    await admin.end()
  }
  server.pathname = `/${name}`
  return server.toString()
}

export async function openTempStore(options: { seed?: boolean; nowMs?: () => number } = {}): Promise<TempStore> {
  const dir = tempDir()
  const path = TEST_STORE === 'postgres' ? await newTeamDatabase() : join(dir, 'measures.db')
  const store = await openStore({ path, actor: 'test', seed: options.seed ?? true, ...(options.nowMs ? { nowMs: options.nowMs } : {}) })
  return {
    store,
    dir,
    path,
    cleanup() {
      store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
