// Automatic and manual backups: where they go, their modes, one a day, the last seven kept.
import { describe, expect, it } from 'vitest'
import { DatabaseSync } from 'node:sqlite'
import { copyFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openStore } from '../open.ts'
import { beforeOpen } from './before-open.ts'
import { listBackups } from './backup.ts'
import { tempDir } from '../../../test/helpers/temp-store.ts'

async function seededFile(): Promise<{ dir: string; path: string }> {
  const dir = tempDir('mt-backup-')
  const path = join(dir, 'measure-tracker.db')
  ;(await openStore({ path, actor: 'test' })).close()
  return { dir, path }
}

const measureCount = (path: string) => {
  const db = new DatabaseSync(path, { readOnly: true })
  try {
    return (db.prepare('SELECT count(*) AS n FROM measures').get() as { n: number }).n
  } finally {
    db.close()
  }
}

describe('daily backup', () => {
  it('is made when the app opens the store: dated, owner-only, in a private backups folder, with the data', async () => {
    const { dir, path } = await seededFile()
    const store = await openStore({ path, actor: 'app', dailyBackup: true })
    store.close()
    const folder = join(dir, 'backups')
    const files = readdirSync(folder)
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^measure-tracker-\d{4}-\d{2}-\d{2}\.db$/)
    expect(statSync(folder).mode & 0o777).toBe(0o700)
    expect(statSync(join(folder, files[0] as string)).mode & 0o777).toBe(0o600)
    expect(measureCount(join(folder, files[0] as string))).toBe(measureCount(path))
    expect(measureCount(path)).toBeGreaterThan(0)
    // Reading a copy leaves no -wal or -shm files in the folder.
    expect(readdirSync(folder)).toEqual(files)
  })

  it('is made at most once a day, and not by the command line (no dailyBackup)', async () => {
    const { dir, path } = await seededFile()
    const now = new Date(2026, 11, 4, 9, 0)
    expect((await beforeOpen(path, { dailyBackup: true, now })).dailyBackupPath).toMatch(/measure-tracker-2026-12-04\.db$/)
    expect((await beforeOpen(path, { dailyBackup: true, now: new Date(2026, 11, 4, 23, 59) })).dailyBackupPath).toBeNull()
    ;(await openStore({ path, actor: 'cli' })).close()
    expect(readdirSync(join(dir, 'backups'))).toEqual(['measure-tracker-2026-12-04.db'])
  })

  it('keeps the last seven daily copies and never deletes manual or pre-restore ones', async () => {
    const { dir, path } = await seededFile()
    for (let day = 1; day <= 9; day++) await beforeOpen(path, { dailyBackup: true, now: new Date(2026, 10, day, 12) })
    const folder = join(dir, 'backups')
    copyFileSync(join(folder, 'measure-tracker-2026-11-09.db'), join(folder, 'measure-tracker-2026-10-01-120000-manual.db'))
    copyFileSync(join(folder, 'measure-tracker-2026-11-09.db'), join(folder, 'measure-tracker-2026-10-01-120001-before-restore.db'))
    await beforeOpen(path, { dailyBackup: true, now: new Date(2026, 10, 10, 12) })
    const names = readdirSync(folder).sort()
    expect(names).toEqual([
      'measure-tracker-2026-10-01-120000-manual.db',
      'measure-tracker-2026-10-01-120001-before-restore.db',
      ...[4, 5, 6, 7, 8, 9, 10].map((day) => `measure-tracker-2026-11-${String(day).padStart(2, '0')}.db`),
    ])
    expect(
      listBackups(path)
        .map((file) => file.kind)
        .sort(),
    ).toEqual(['before-restore', 'daily', 'daily', 'daily', 'daily', 'daily', 'daily', 'daily', 'manual'])
  })

  it('leaves another program’s SQLite file and a non-database alone', async () => {
    const dir = tempDir('mt-backup-')
    const other = join(dir, 'other.db')
    const db = new DatabaseSync(other)
    db.exec('CREATE TABLE t (x)')
    db.close()
    const picture = join(dir, 'picture.png')
    writeFileSync(picture, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    await beforeOpen(other, { dailyBackup: true })
    await beforeOpen(picture, { dailyBackup: true })
    expect(readdirSync(dir).sort()).toEqual(['other.db', 'picture.png'])
  })
})
