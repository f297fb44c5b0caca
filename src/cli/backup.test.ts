// `backup`, `backup list` and `restore` as a user types them.
import { describe, expect, it } from 'vitest'
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../../test/helpers/temp-store.ts'
import { cli } from '../../test/helpers/run-cli.ts'

const noteBodies = async (db: string, id: string) =>
  JSON.parse((await cli('--db', db, 'note', 'list', id, '--json')).out).map((n: { body: string }) => n.body)

describe('measure-tracker backup / restore', () => {
  it('backs up, lists, shows a backup without changing anything, then restores it with --yes', async () => {
    const dir = tempDir('mt-cli-backup-')
    const db = join(dir, 'm.db')
    expect((await cli('--db', db, 'status')).code).toBe(0)
    const id = JSON.parse((await cli('--db', db, 'status', '--json')).out)[0].id as string

    const made = await cli('--db', db, 'backup')
    expect(made.code).toBe(0)
    const backup = /to (.+-manual\.db)$/.exec(made.out)?.[1] as string
    expect(statSync(backup).mode & 0o777).toBe(0o600)
    const out = join(dir, 'copy.db')
    expect((await cli('--db', db, 'backup', '--out', out)).code).toBe(0)
    expect(statSync(out).mode & 0o777).toBe(0o600)
    expect((await cli('--db', db, 'backup', '--out', out)).err).toContain('already exists')

    expect((await cli('--db', db, 'note', 'add', id, 'written after the backup')).code).toBe(0)
    const list = await cli('--db', db, 'backup', 'list')
    expect(list.out).toContain(backup.split('/').pop())
    expect(list.out).toContain('manual')

    // Without --yes: the summary, and not one byte changed.
    const before = readFileSync(db)
    const shown = await cli('--db', db, 'restore', backup.split('/').pop() as string)
    expect(shown.code).toBe(0)
    expect(shown.out).toMatch(/schema version \d+/)
    expect(shown.out).toMatch(/\d+ measures \(0 deleted\), \d+ events, 0 notes/)
    expect(shown.out).toMatch(/newest change: \d{4}-/)
    expect(shown.out).toContain('Nothing was changed')
    expect(readFileSync(db).equals(before)).toBe(true)
    expect(await noteBodies(db, id)).toEqual(['written after the backup'])

    const restored = await cli('--db', db, 'restore', backup, '--yes')
    expect(restored.code).toBe(0)
    expect(await noteBodies(db, id)).toEqual([])
    const kept = /kept as (.+)$/m.exec(restored.out)?.[1] as string
    expect(kept).toMatch(/-before-restore\.db$/)
    // The state the restore replaced is a backup, and restoring it brings the note back.
    expect((await cli('--db', db, 'restore', kept, '--yes')).code).toBe(0)
    expect(await noteBodies(db, id)).toEqual(['written after the backup'])
  })

  it('restores a backup into a new file in one step, with nothing seeded in between', async () => {
    const dir = tempDir('mt-cli-backup-')
    const db = join(dir, 'm.db')
    await cli('--db', db, 'status')
    const id = JSON.parse((await cli('--db', db, 'status', '--json')).out)[0].id as string
    await cli('--db', db, 'note', 'add', id, 'kept')
    const out = join(dir, 'copy.db')
    await cli('--db', db, 'backup', '--out', out)
    const fresh = join(tempDir('mt-cli-backup-'), 'fresh.db')
    expect((await cli('--db', fresh, 'restore', out, '--yes')).code).toBe(0)
    expect((await cli('--db', fresh, 'status', '--json')).out).toBe((await cli('--db', db, 'status', '--json')).out)
    expect(await noteBodies(fresh, id)).toEqual(['kept'])
  })

  it('refuses a file that is not a Measure Tracker database, with a clear message and exit 2', async () => {
    const dir = tempDir('mt-cli-backup-')
    const db = join(dir, 'm.db')
    await cli('--db', db, 'status')
    const text = join(dir, 'notes.txt')
    writeFileSync(text, 'hello\n')
    const before = readFileSync(db)
    const run = await cli('--db', db, 'restore', text, '--yes')
    expect(run.code).toBe(2)
    expect(run.err).toContain(`${text} is not a Measure Tracker database`)
    expect((await cli('--db', db, 'restore', join(dir, 'missing.db'))).err).toContain('does not exist')
    expect(readFileSync(db).equals(before)).toBe(true)
  })
})

describe('backup, restore and salvage given something that is not a database', () => {
  it('refuse a folder or a text file with a clear message and leave it as it was', async () => {
    const dir = tempDir('mt-cli-backup-notdb-')
    const folder = join(dir, 'a-folder')
    mkdirSync(folder, { mode: 0o755 })
    const text = join(dir, 'notes.txt')
    writeFileSync(text, 'not a database', { mode: 0o644 })
    for (const argv of [['backup'], ['salvage', '--out', join(dir, 'salvaged.db')], ['restore', join(dir, 'whatever.db'), '--yes']]) {
      const onFolder = await cli('--db', folder, ...argv)
      expect(onFolder.code, argv.join(' ')).toBe(2)
      expect(onFolder.err).toContain(`${folder} is a folder or a special file, not a database. Nothing was changed.`)
      expect(statSync(folder).mode & 0o777).toBe(0o755)
    }
    for (const argv of [['backup'], ['salvage', '--out', join(dir, 'salvaged.db')]]) {
      const onText = await cli('--db', text, ...argv)
      expect(onText.code, argv.join(' ')).toBe(2)
      expect(onText.err).toContain(`${text} is not a SQLite database. Nothing was changed.`)
      expect(readFileSync(text, 'utf8')).toBe('not a database')
      expect(statSync(text).mode & 0o777).toBe(0o644)
    }
  })
})
