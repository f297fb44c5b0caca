// Opening a path that is not ours, or not writable, through the real store: what is refused is
// left exactly as it was (bytes and mode), and a write-protected database opens read-only.
import { afterEach, describe, expect, it } from 'vitest'
import { DatabaseSync } from 'node:sqlite'
import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openStore, type OpenedStore } from '../open.ts'
import { MIGRATIONS } from './migrations.ts'
import { tempDir } from '../../../test/helpers/temp-store.ts'

const stores: OpenedStore[] = []
afterEach(() => {
  for (const store of stores.splice(0)) store.close()
})

async function open(path: string, seed = true): Promise<OpenedStore> {
  const store = await openStore({ path, actor: 'test', seed })
  stores.push(store)
  return store
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
const modeOf = (path: string) => statSync(path).mode & 0o777
const snapshot = (path: string) => ({ mode: modeOf(path), bytes: statSync(path).isFile() ? readFileSync(path) : null })

async function expectRefused(path: string, message: RegExp): Promise<void> {
  const before = snapshot(path)
  await expect(openStore({ path, actor: 'test' })).rejects.toThrow(message)
  expect(snapshot(path)).toEqual(before)
}

describe('a path that is not a Measure Tracker database', () => {
  it('a PNG and a text file (0644) are refused by name, their bytes and mode unchanged, no -wal beside them', async () => {
    const dir = tempDir()
    const png = join(dir, 'photo.png')
    writeFileSync(png, PNG, { mode: 0o644 })
    chmodSync(png, 0o644)
    await expectRefused(png, new RegExp(`${png} is not a Measure Tracker database.*Nothing was changed`))
    const text = join(dir, 'notes.txt')
    writeFileSync(text, 'shopping list\n'.repeat(20))
    chmodSync(text, 0o644)
    await expectRefused(text, /notes\.txt is not a Measure Tracker database/)
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'photo.png'])
  })

  it('a folder is refused, and keeps its mode (it was made 0600, unreadable to its owner, before)', async () => {
    const folder = join(tempDir(), 'data')
    mkdirSync(folder, { mode: 0o755 })
    chmodSync(folder, 0o755)
    await expectRefused(folder, /data is a folder, not a database file/)
    expect(readdirSync(folder)).toEqual([])
  })

  it('a zero-length file is not turned into a sample database: refused with what to do, still empty', async () => {
    const path = join(tempDir(), 'empty.db')
    writeFileSync(path, '')
    chmodSync(path, 0o644)
    await expectRefused(path, /empty\.db is an empty file.*delete the empty file/)
  })

  it('a path in a folder that does not exist (a typo) is refused and no folder is made', async () => {
    const dir = tempDir()
    const path = join(dir, 'Measuer Tracker', 'measures.db')
    await expect(openStore({ path, actor: 'test' })).rejects.toThrow(/There is no folder .*Measuer Tracker.*mkdir -p/)
    expect(readdirSync(dir)).toEqual([])
  })

  it('another program’s SQLite file is refused and left byte for byte as it was', async () => {
    const path = join(tempDir(), 'other.sqlite')
    const other = new DatabaseSync(path)
    other.exec("CREATE TABLE photos (name TEXT); INSERT INTO photos VALUES ('a')")
    other.close()
    await expectRefused(path, /SQLite database of another program \(tables: photos\)/)
  })

  it('a newer version’s rollback-journal file is refused and stays byte-identical (the CLI too)', async () => {
    const path = join(tempDir(), 'newer.db')
    const newer = new DatabaseSync(path)
    newer.exec(`CREATE TABLE measures (id TEXT); PRAGMA user_version = ${MIGRATIONS.length + 1}`)
    newer.close()
    chmodSync(path, 0o644)
    expect(readFileSync(path)[18]).toBe(1) // rollback journal
    await expectRefused(path, /newer version of Measure Tracker.*Nothing was changed/)
    const before = snapshot(path)
    const cli = spawnSync(process.execPath, ['src/cli/main.ts', '--db', path, 'status'], { encoding: 'utf8' })
    expect(cli.status).toBe(1)
    expect(cli.stderr).toContain(`The database ${path} was written by a newer version`)
    expect(snapshot(path)).toEqual(before)
    expect(readdirSync(join(path, '..'))).toEqual(['newer.db'])
  })

  it('a new file in an existing folder is created 0600 (and only that file changes mode)', async () => {
    const dir = tempDir()
    chmodSync(dir, 0o755)
    const store = await open(join(dir, 'fresh.db'))
    expect(store.created).toBe(true)
    expect(modeOf(join(dir, 'fresh.db'))).toBe(0o600)
    expect(modeOf(dir)).toBe(0o755)
  })
})

describe('a database that cannot be written', () => {
  async function seededCopy(): Promise<string> {
    const path = join(tempDir(), 'measures.db')
    ;(await open(path)).close()
    stores.pop()
    return path
  }

  it('mode 0400 opens read-only: queries work, a change is FORBIDDEN naming the file, mode and bytes unchanged', async () => {
    const path = await seededCopy()
    chmodSync(path, 0o400)
    const before = snapshot(path)
    const store = await open(path)
    expect(store.readOnly).toBe(true)
    expect(store.readOnlyReason).toMatch(/no write permission \(mode 0400\)/)
    const info = store.core.call('meta.info', {})
    expect(info.ok && [info.value.readOnly, info.value.readOnlyReason]).toEqual([true, store.readOnlyReason])
    const list = store.core.call('measures.list', {})
    expect(list.ok && list.value.length).toBeGreaterThan(0)
    const exported = store.core.call('exchange.export', {})
    expect(exported.ok).toBe(true)
    const id = list.ok ? (list.value[0]?.id as string) : ''
    const change = store.core.call('notes.add', { measureId: id, body: 'x' })
    expect(change.ok ? null : change.error).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(new RegExp(`${path} is read-only .*copy it or change its permissions`)),
    })
    store.close()
    stores.pop()
    expect(snapshot(path)).toEqual(before)
  })

  it('the command line shows status from a 0400 file and refuses a note with the reason', async () => {
    const path = await seededCopy()
    chmodSync(path, 0o400)
    const status = spawnSync(process.execPath, ['src/cli/main.ts', '--db', path, 'status', '--json'], { encoding: 'utf8' })
    expect(status.status).toBe(0)
    expect(JSON.parse(status.stdout).length).toBeGreaterThan(0)
    expect(status.stderr).toContain('is read-only (the file has no write permission (mode 0400))')
    const ids = JSON.parse(status.stdout) as { id: string }[]
    const note = spawnSync(process.execPath, ['src/cli/main.ts', '--db', path, 'note', 'add', ids[0]?.id as string, 'hello'], {
      encoding: 'utf8',
    })
    expect(note.status).not.toBe(0)
    expect(note.stderr).toMatch(/is read-only .*copy it or change its permissions/)
    expect(modeOf(path)).toBe(0o400)
  })

  it('in a write-protected folder (0555) it opens read-only: SQLite could not make its -wal/-journal there', async () => {
    const path = await seededCopy()
    const folder = join(path, '..')
    chmodSync(folder, 0o555)
    try {
      const store = await open(path)
      expect(store.readOnlyReason).toBe(`its folder ${folder} is write-protected (mode 0555)`)
      const list = store.core.call('measures.list', {})
      expect(list.ok && list.value.length).toBeGreaterThan(0)
      const change = store.core.call('tags.add', { measureId: list.ok ? (list.value[0]?.id as string) : '', tag: 'b' })
      expect(change.ok ? null : change.error.code).toBe('FORBIDDEN')
    } finally {
      chmodSync(folder, 0o700)
    }
    expect(modeOf(path)).toBe(0o600)
  })

  it('an older schema that is read-only is refused with what to do, not upgraded', async () => {
    const path = join(tempDir(), 'old.db')
    const old = new DatabaseSync(path)
    old.exec('PRAGMA journal_mode = WAL')
    for (const step of MIGRATIONS.slice(0, 2)) old.exec(step)
    old.exec('PRAGMA user_version = 2')
    old.close()
    chmodSync(path, 0o400)
    await expectRefused(
      path,
      /read-only \(the file has no write permission \(mode 0400\)\) and needs upgrading from schema 2.*Copy it somewhere writable or change its permissions/,
    )
  })

  it('on a read-only file system (EROFS) it opens read-only, even with no -wal/-shm beside it', async (context) => {
    const path = await seededCopy()
    const mountPoint = tempDir()
    // Needs mount(2) (root with CAP_SYS_ADMIN, as in CI's container); where the kernel refuses, there is no read-only media to test with.
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint], { encoding: 'utf8' })
    if (mounted.status !== 0) return context.skip(`mount refused: ${mounted.stderr}`)
    try {
      copyFileSync(path, join(mountPoint, 'measures.db'))
      expect(spawnSync('mount', ['-o', 'remount,ro', mountPoint]).status).toBe(0)
      const store = await open(join(mountPoint, 'measures.db'))
      expect(store.readOnlyReason).toBe('it is on a read-only file system')
      const list = store.core.call('measures.list', {})
      expect(list.ok && list.value.length).toBeGreaterThan(0)
      const change = store.core.call('tags.add', { measureId: list.ok ? (list.value[0]?.id as string) : '', tag: 'b' })
      expect(change.ok ? null : change.error.code).toBe('FORBIDDEN')
      store.close()
      stores.pop()
    } finally {
      spawnSync('umount', [mountPoint])
    }
    expect(existsSync(join(mountPoint, 'measures.db'))).toBe(false)
  })
})
