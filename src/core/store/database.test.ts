import { afterEach, describe, expect, it } from 'vitest'
import { DatabaseSync } from 'node:sqlite'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { openDatabase, SchemaTooNewError, inTransaction } from './database.ts'
import { MIGRATIONS } from './migrations.ts'
import { defaultDatabasePath, resolveDatabasePath } from './location.ts'
import { tempDir } from '../../../test/helpers/temp-store.ts'

const opened: DatabaseSync[] = []
afterEach(() => {
  for (const db of opened.splice(0)) if (db.isOpen) db.close()
})

async function open(path: string, migrations?: readonly string[], options?: { ownLocation?: boolean }) {
  const result = await openDatabase(path, migrations, options)
  opened.push(result.db)
  return result
}

describe('openDatabase', () => {
  it('creates the file readable by the user only, with WAL, FULL sync, foreign keys and a busy timeout', async () => {
    // The app's own location: its folder is created too (elsewhere a missing folder is refused).
    const path = join(tempDir(), 'nested', 'm.db')
    const { db, schemaVersion } = await open(path, undefined, { ownLocation: true })
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(statSync(join(path, '..')).mode & 0o777).toBe(0o700)
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' })
    expect(db.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 2 })
    expect(db.prepare('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 })
    expect((db.prepare('PRAGMA busy_timeout').get() as { timeout: number }).timeout).toBeGreaterThanOrEqual(1000)
    expect(schemaVersion).toBe(MIGRATIONS.length)
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: MIGRATIONS.length })
    db.exec("INSERT INTO settings VALUES ('k', 'v')")
    for (const file of readdirSync(join(path, '..'))) expect(statSync(join(path, '..', file)).mode & 0o777).toBe(0o600)
  })

  it('refuses a database written by a newer version, with a message that says so, and leaves it alone', async () => {
    const path = join(tempDir(), 'newer.db')
    const raw = new DatabaseSync(path)
    raw.exec(`PRAGMA user_version = ${MIGRATIONS.length + 3}`)
    raw.close()
    const attempt = openDatabase(path)
    await expect(attempt).rejects.toBeInstanceOf(SchemaTooNewError)
    await expect(openDatabase(path)).rejects.toThrow(/newer version of Measure Tracker/)
    const check = new DatabaseSync(path)
    expect(check.prepare('PRAGMA user_version').get()).toEqual({ user_version: MIGRATIONS.length + 3 })
    check.close()
  })

  it('backs up the file before migrating, and the backup holds the old data', async () => {
    const path = join(tempDir(), 'old.db')
    const first = await open(path, ['CREATE TABLE t (x INTEGER) STRICT'])
    first.db.exec('INSERT INTO t VALUES (42)')
    first.db.close()
    const second = await open(path, ['CREATE TABLE t (x INTEGER) STRICT', 'ALTER TABLE t ADD COLUMN y TEXT'])
    expect(second.previousVersion).toBe(1)
    expect(second.backupPath).not.toBeNull()
    expect(existsSync(second.backupPath as string)).toBe(true)
    expect(statSync(second.backupPath as string).mode & 0o777).toBe(0o600)
    const backup = new DatabaseSync(second.backupPath as string)
    expect(backup.prepare('SELECT x FROM t').all()).toEqual([{ x: 42 }])
    expect(backup.prepare('PRAGMA user_version').get()).toEqual({ user_version: 1 })
    backup.close()
  })

  it('applies a migration and its version bump together: a failing step changes neither', async () => {
    const path = join(tempDir(), 'fail.db')
    const good = await open(path, ['CREATE TABLE a (x INTEGER) STRICT'])
    good.db.close()
    await expect(
      openDatabase(path, ['CREATE TABLE a (x INTEGER) STRICT', 'CREATE TABLE b (y INTEGER); SELECT no_such_function()']),
    ).rejects.toThrow(/Migrating the database to schema 2 failed/)
    const check = new DatabaseSync(path)
    expect(check.prepare('PRAGMA user_version').get()).toEqual({ user_version: 1 })
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").all()).toEqual([])
    check.close()
  })

  it('rolls back a transaction whose work throws', async () => {
    const { db } = await open(join(tempDir(), 'tx.db'))
    expect(() =>
      inTransaction(db, () => {
        db.exec("INSERT INTO settings VALUES ('a', '1')")
        throw new Error('boom')
      }),
    ).toThrow('boom')
    expect(db.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 0 })
  })
})

describe('database location', () => {
  it('follows the OS convention for "Measure Tracker", like Electron userData', () => {
    expect(defaultDatabasePath('linux', {}, '/home/ana')).toBe('/home/ana/.config/Measure Tracker/measure-tracker.db')
    expect(defaultDatabasePath('linux', { XDG_CONFIG_HOME: '/x' }, '/home/ana')).toBe('/x/Measure Tracker/measure-tracker.db')
    expect(defaultDatabasePath('darwin', {}, '/Users/ana')).toBe(
      '/Users/ana/Library/Application Support/Measure Tracker/measure-tracker.db',
    )
    expect(defaultDatabasePath('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toContain('Measure Tracker')
  })

  it('lets --db win over MEASURE_TRACKER_DB, which wins over the default', () => {
    expect(resolveDatabasePath('/a.db', { MEASURE_TRACKER_DB: '/b.db' })).toBe('/a.db')
    expect(resolveDatabasePath(undefined, { MEASURE_TRACKER_DB: '/b.db' })).toBe('/b.db')
    expect(resolveDatabasePath(undefined, {})).toMatch(/Measure Tracker/)
  })
})

describe('migration 3 (timeline column)', () => {
  it('fills the timeline of measures that already had events, so their status is right after upgrading', async () => {
    const path = join(tempDir(), 'v2.db')
    const old = await open(path, MIGRATIONS.slice(0, 2))
    old.db.exec(`INSERT INTO measures (id, title_en, imposer, target, category, created_at, updated_at)
                 VALUES ('m', 'M', 'US', 'CN', 'tariff', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`)
    old.db.exec(`INSERT INTO events (measure_id, id, kind, at, at_ms, until, until_ms)
                 VALUES ('m', 'e1', 'suspended', '2025-11-10T00:01:00-05:00[America/New_York]', ${Date.parse('2025-11-10T05:01:00Z')},
                         '2026-11-10T00:01:00-05:00[America/New_York]', ${Date.parse('2026-11-10T05:01:00Z')})`)
    old.db.close()
    const { openStore } = await import('../open.ts')
    const store = await openStore({ path, actor: 'test', seed: false })
    const list = store.core.call('measures.list', { at: '2026-01-01T00:00:00+00:00[UTC]' })
    store.close()
    expect(list.ok && list.value.map((m) => [m.id, m.status, m.next?.kind])).toEqual([['m', 'suspended', 'suspension_end']])
  })
})
