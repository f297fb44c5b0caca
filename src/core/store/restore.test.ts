// Restore, through the service the Settings page calls: see what a backup holds, restore it, and
// find the state it replaced kept as a backup of its own.
import { afterEach, describe, expect, it } from 'vitest'
import { DatabaseSync } from 'node:sqlite'
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openStore, type Store } from '../open.ts'
import { openDatabase } from './database.ts'
import { MIGRATIONS } from './migrations.ts'
import { ensureBackupFolder } from './backup.ts'
import { tempDir } from '../../../test/helpers/temp-store.ts'

const stores: Store[] = []
afterEach(() => {
  for (const store of stores.splice(0)) store.close()
})

async function open(path: string, seed = true): Promise<Store> {
  const store = await openStore({ path, actor: 'test', seed })
  stores.push(store)
  return store
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const ids = (store: Store) =>
  value(store.core.call('measures.list', {}))
    .map((m) => m.id)
    .sort()

describe('backups through the service', () => {
  it('round trip: back up, change, restore → the data as at the backup, and the changed state kept as a backup', async () => {
    const path = join(tempDir('mt-restore-'), 'measure-tracker.db')
    const store = await open(path)
    const before = ids(store)
    const made = value(store.core.call('backups.create', {}))
    expect(made.kind).toBe('manual')

    const [first, second] = before as [string, string]
    value(store.core.call('measures.delete', { id: first }))
    value(store.core.call('notes.add', { measureId: second, body: 'written after the backup' }))
    expect(ids(store)).not.toContain(first)

    // Another process with the file open (the command line, the app) sees the restore as a commit.
    const other = await open(path)

    const shown = value(store.core.call('backups.inspect', { name: made.name }))
    expect(shown).toMatchObject({ name: made.name, schemaVersion: MIGRATIONS.length, measures: before.length, notes: 0 })
    expect(shown.events).toBeGreaterThan(0)
    expect(shown.newestChange).toMatch(/^\d{4}-\d{2}-\d{2}T/)

    const restored = value(store.core.call('backups.restore', { name: made.name }))
    expect(restored.restored.measures).toBe(before.length)
    expect(ids(store)).toEqual(before)
    expect(ids(other)).toEqual(before)
    expect(value(other.core.call('measures.get', { id: second })).notes).toEqual([])

    // The replaced state is a backup that holds the deletion and the note.
    const list = value(store.core.call('backups.list', {}))
    const kept = list.backups.find((b) => b.name === restored.keptAs)
    expect(kept?.kind).toBe('before-restore')
    const keptContents = value(store.core.call('backups.inspect', { name: restored.keptAs }))
    expect(keptContents).toMatchObject({ measures: before.length - 1, deletedMeasures: 1, notes: 1 })

    // …and restoring that one brings the change back: nothing was lost either way.
    value(store.core.call('backups.restore', { name: restored.keptAs }))
    expect(ids(store)).not.toContain(first)
    const history = value(store.core.call('measures.get', { id: second })).notes
    expect(history.map((n) => n.body)).toEqual(['written after the backup'])
  })

  it('restores a backup made by an older schema, bringing it up to date', async () => {
    const dir = tempDir('mt-restore-')
    const path = join(dir, 'measure-tracker.db')
    const store = await open(path)
    const current = ids(store)
    // A copy at schema 2 (before the timeline column), with one measure and its event.
    const old = await openDatabase(join(dir, 'old.db'), MIGRATIONS.slice(0, 2))
    old.db.exec(`INSERT INTO measures (id, title_en, imposer, target, category, created_at, updated_at)
      VALUES ('old-one', 'From an old backup', 'US', 'CN', 'tariff', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`)
    old.db.exec(
      `INSERT INTO events (measure_id, id, kind, at, at_ms) VALUES ('old-one', 'e1', 'effective', '2025-01-01T00:00:00+00:00[UTC]', 1735689600000)`,
    )
    old.db.close()
    copyFileSync(join(dir, 'old.db'), join(ensureBackupFolder(path), 'measure-tracker-2025-01-01.db'))
    const restored = value(store.core.call('backups.restore', { name: 'measure-tracker-2025-01-01.db' }))
    expect(restored.restored.schemaVersion).toBe(2)
    expect(ids(store)).toEqual(['old-one'])
    // The timeline cache the list reads was rebuilt from the old copy's events.
    const [row] = value(store.core.call('measures.list', {}))
    expect(row?.status).toBe('in_force')
    expect(row?.since).toBe('2025-01-01T00:00:00+00:00[UTC]')
    expect(current.length).toBeGreaterThan(1)
  })

  it('refuses files that are not Measure Tracker databases, newer schemas, and anything but a backup name', async () => {
    const path = join(tempDir('mt-restore-'), 'measure-tracker.db')
    const store = await open(path)
    const folder = value(store.core.call('backups.list', {})).folder
    value(store.core.call('backups.create', {}))
    const before = readFileSync(path)
    const refusal = (name: string) => {
      const result = store.core.call('backups.restore', { name })
      if (result.ok) throw new Error(`restored ${name}`)
      return result.error
    }
    writeFileSync(join(folder, 'measure-tracker-2026-01-01.db'), 'just some text, not a database\n')
    expect(refusal('measure-tracker-2026-01-01.db').message).toMatch(/measure-tracker-2026-01-01\.db is not a Measure Tracker database/)
    const foreign = new DatabaseSync(join(folder, 'measure-tracker-2026-01-02.db'))
    foreign.exec('CREATE TABLE photos (id INTEGER)')
    foreign.close()
    expect(refusal('measure-tracker-2026-01-02.db').message).toMatch(/is not a Measure Tracker database/)
    const newer = new DatabaseSync(join(folder, 'measure-tracker-2026-01-03.db'))
    newer.exec(
      `CREATE TABLE measures (id); CREATE TABLE events (id); CREATE TABLE notes (id); CREATE TABLE audit (id); PRAGMA user_version = ${MIGRATIONS.length + 1}`,
    )
    newer.close()
    expect(refusal('measure-tracker-2026-01-03.db').message).toMatch(
      /newer version of Measure Tracker \(schema \d+; this version reads up to \d+\)/,
    )
    expect(refusal('../measure-tracker.db').code).toBe('VALIDATION')
    expect(refusal('/etc/passwd.db').code).toBe('VALIDATION')
    expect(refusal('measure-tracker-1999-01-01.db').code).toBe('NOT_FOUND')
    // Nothing was restored and no pre-restore copy was made for a refused file.
    expect(readFileSync(path).equals(before)).toBe(true)
    expect(
      value(store.core.call('backups.list', {}))
        .backups.map((b) => b.kind)
        .filter((k) => k === 'before-restore'),
    ).toEqual([])
  })
})
