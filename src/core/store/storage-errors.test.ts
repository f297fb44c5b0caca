// SQLite's own words name no file and suggest nothing: through the service, a storage failure
// names the database file, keeps SQLite's words, and says what to do next.
import { afterEach, describe, expect, it } from 'vitest'
import { DatabaseSync } from 'node:sqlite'
import { join } from 'node:path'
import { openStore, type OpenedStore } from '../open.ts'
import type { ServiceError } from '../../shared/result.ts'
import { storageError } from './storage-errors.ts'
import { tempDir } from '../../../test/helpers/temp-store.ts'

const stores: OpenedStore[] = []
afterEach(() => {
  for (const store of stores.splice(0)) store.close()
})

async function seeded(): Promise<OpenedStore> {
  const store = await openStore({ path: join(tempDir(), 'measures.db'), actor: 'test' })
  stores.push(store)
  return store
}

describe('storage errors through the service', () => {
  it('a full disk: names the file, keeps SQLite’s words, says to free space, and nothing was changed', async () => {
    const store = await seeded()
    const db = store.core.context.db
    const list = store.core.call('measures.list', {})
    const id = list.ok ? (list.value[0]?.id as string) : ''
    // The file may not grow: SQLite answers SQLITE_FULL exactly as on a full disk.
    const pages = (db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count
    db.exec(`PRAGMA max_page_count = ${pages}`)
    const result = store.core.call('notes.add', { measureId: id, body: 'x'.repeat(19_000) })
    expect(result.ok ? null : result.error).toMatchObject({
      code: 'STORAGE',
      message: `Writing to ${store.path} failed (SQLite: database or disk is full). Nothing was changed. Free some disk space and try again.`,
    })
    const detail = store.core.call('measures.get', { id })
    expect(detail.ok && detail.value.notes.some((note) => note.body.length === 19_000)).toBe(false)
  })

  it('a read that fails names the file too', async () => {
    const store = await seeded()
    const other = new DatabaseSync(store.path)
    other.exec('DROP TABLE measure_tags')
    other.close()
    const result = store.core.call('measures.list', {})
    expect(result.ok ? null : result.error.message).toMatch(
      new RegExp(`^Reading ${store.path} failed \\(SQLite: no such table: measure_tags\\)`),
    )
  })
})

describe('a team database’s failures', () => {
  const PATH = 'postgres://ana@db.example.org:5432/measures'
  const postgresError = (code: string, message: string) => Object.assign(new Error(message), { name: 'PostgresError', code })

  it('a lost server, or a database closed to sessions while the driver reconnects: "cannot be reached", which the app retries', () => {
    for (const error of [
      postgresError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      postgresError('57P01', 'terminating connection due to administrator command'),
      postgresError('55000', 'database "measures" is not currently accepting connections'),
    ]) {
      const refused = storageError(PATH, 'Reading', error) as ServiceError
      expect(refused.message, error.message).toContain('cannot be reached')
      expect(refused.details, error.message).toMatchObject({ unreachable: true })
    }
  })

  it('another 55000 is not an outage', () => {
    const refused = storageError(PATH, 'Reading', postgresError('55000', 'cannot refresh materialized view concurrently')) as ServiceError
    expect(refused.details).not.toMatchObject({ unreachable: true })
  })
})
