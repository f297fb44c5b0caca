// A damaged database file: refused before anything writes to it, with the newest backup named and
// the ways forward offered; salvage copies what is readable into a new file; restore replaces it.
// The damage is real: pages of a real file overwritten with garbage after a checkpoint.
import { describe, expect, it } from 'vitest'
import { DatabaseSync } from 'node:sqlite'
import { spawnSync } from 'node:child_process'
import { closeSync, openSync, readFileSync, readdirSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { openStore } from '../open.ts'
import { generateExchangeFile } from '../../../bench/generate.ts'
import { tempDir } from '../../../test/helpers/temp-store.ts'
import { cli } from '../../../test/helpers/run-cli.ts'

const MEASURES = 120
const PAGE = 4096

/** A database of MEASURES measures with a backup, then two of the measures table's pages overwritten. */
async function damagedDatabase() {
  const dir = tempDir('mt-damage-')
  const path = join(dir, 'measure-tracker.db')
  const store = await openStore({ path, actor: 'test', seed: false })
  const file = generateExchangeFile(MEASURES)
  const imported = store.core.call('exchange.import', { file, dryRun: false, replace: false })
  if (!imported.ok) throw new Error(imported.error.message)
  store.close() // the last connection checkpoints the WAL into the file
  expect((await cli('--db', path, 'backup')).code).toBe(0)
  const backup = join(dir, 'backups', readdirSync(join(dir, 'backups'))[0] as string)
  const db = new DatabaseSync(path, { readOnly: true })
  const pages = (
    db.prepare("SELECT pageno FROM dbstat WHERE name = 'measures' AND pagetype = 'leaf' ORDER BY pageno").all() as { pageno: number }[]
  ).map((row) => row.pageno)
  db.close()
  expect(pages.length).toBeGreaterThan(10)
  const fd = openSync(path, 'r+')
  for (const page of [pages[3], pages[Math.floor(pages.length / 2)]] as number[])
    writeSync(fd, Buffer.alloc(PAGE, 0x5a), 0, PAGE, (page - 1) * PAGE)
  closeSync(fd)
  return { dir, path, backup, titles: new Map(file.measures.map((m) => [m.id, m.title.en])) }
}

const bytesOf = (path: string) => readFileSync(path)

describe('a damaged database', () => {
  it('is refused for writing by the command line: exit 1, names the file and its newest backup, offers restore and salvage, bytes unchanged', async () => {
    const { path, backup } = await damagedDatabase()
    const before = bytesOf(path)
    for (const argv of [['note', 'add', 'm-1', 'hello'], ['import', join(path, '..', 'none.json')], ['status']]) {
      const run = await cli('--db', path, ...argv)
      expect(run.code).toBe(1)
      expect(run.err).toContain(`${path} is damaged`)
      expect(run.err).toContain(`measure-tracker restore "${backup}"`)
      expect(run.err).toContain('measure-tracker salvage')
    }
    // The real process, for its exit code.
    const real = spawnSync(process.execPath, ['src/cli/main.ts', '--db', path, 'note', 'add', 'm-1', 'hello'], { encoding: 'utf8' })
    expect(real.status).toBe(1)
    expect(real.stderr).toContain('is damaged')
    expect(bytesOf(path).equals(before)).toBe(true)
  })

  it('is refused by the app and the browser host (openStore), which would write to it on open', async () => {
    const { path } = await damagedDatabase()
    const before = bytesOf(path)
    await expect(openStore({ path, actor: 'app', dailyBackup: true })).rejects.toThrow(/is damaged .*Nothing was written to it/)
    expect(bytesOf(path).equals(before)).toBe(true)
  })

  it('salvage copies every readable measure into a new file that opens, and leaves the damaged file untouched', async () => {
    const { dir, path, titles } = await damagedDatabase()
    const before = bytesOf(path)
    const out = join(dir, 'salvaged.db')
    const run = await cli('--db', path, 'salvage', '--out', out)
    expect(run.code).toBe(0)
    expect(run.out).toMatch(/unreadable stretch/)
    expect(bytesOf(path).equals(before)).toBe(true)
    const store = await openStore({ path: out, actor: 'test', seed: false })
    const list = store.core.call('measures.list', {})
    store.close()
    if (!list.ok) throw new Error(list.error.message)
    // Two pages lost, the rest readable: each salvaged measure is the one that was stored.
    expect(list.value.length).toBeGreaterThan(MEASURES / 2)
    expect(list.value.length).toBeLessThan(MEASURES)
    for (const m of list.value) expect(m.title.en).toBe(titles.get(m.id))
    expect(list.value.every((m) => m.status !== undefined && m.since !== undefined)).toBe(true)
    // The salvaged file is sound.
    const check = new DatabaseSync(out, { readOnly: true })
    expect(check.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' })
    check.close()
    // Salvage never overwrites.
    expect((await cli('--db', path, 'salvage', '--out', out)).code).toBe(2)
  })

  it('restore over it puts the backup in place and keeps the damaged bytes as a backup', async () => {
    const { path, backup } = await damagedDatabase()
    const damaged = bytesOf(path)
    const run = await cli('--db', path, 'restore', backup, '--yes')
    expect(run.code).toBe(0)
    const kept = /kept unchanged as (.+)$/m.exec(run.out)?.[1] as string
    expect(kept).toMatch(/-damaged\.db$/)
    expect(bytesOf(kept).equals(damaged)).toBe(true)
    expect((await cli('--db', path, 'status', '--json')).code).toBe(0)
    const store = await openStore({ path, actor: 'test', seed: false })
    const list = store.core.call('measures.list', {})
    store.close()
    expect(list.ok && list.value.length).toBe(MEASURES)
  })
})
