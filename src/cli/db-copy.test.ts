// `measure-tracker db copy` against the real PostgreSQL server and real files: a whole database
// (edits, notes, history) goes to a team database and back exactly, ids continue after it, a
// database that holds anything is never written to, a copy that fails part-way leaves nothing,
// and no message ever shows the password.
import { existsSync, readFileSync } from 'node:fs'
import { DatabaseSync } from 'node:sqlite'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../core/open.ts'
import { cli } from '../../test/helpers/run-cli.ts'
import { tempDir } from '../../test/helpers/temp-store.ts'
import { postgresSkipReason, usePostgres } from '../../test/helpers/postgres-database.ts'

const skipReason = postgresSkipReason()
const AT = '2026-12-01T00:00:00Z'
const exported = (path: string) => readFileSync(path, 'utf8').replace(/"exportedAt": "[^"]+"/, '"exportedAt": …')

/** A file with the embedded dataset, a note and an edit (so the history has more than the seed). */
async function fileWithWork(): Promise<{ dir: string; file: string; measureId: string }> {
  const dir = tempDir()
  const file = join(dir, 'mine.db')
  const store = await openStore({ path: file, actor: 'ana' })
  try {
    const page = await store.service.call('measures.list', {})
    if (!page.ok) throw new Error(page.error.message)
    const measureId = page.value[0]!.id
    const note = await store.service.call('notes.add', { measureId, body: 'Checked with **counsel** on 1 Dec.' })
    expect(note.ok).toBe(true)
    const tagged = await store.service.call('tags.add', { measureId, tag: 'priority' })
    expect(tagged.ok).toBe(true)
    return { dir, file, measureId }
  } finally {
    store.close()
  }
}

/** The one number a query answers (SELECT count(*)::int AS n …). */
const count = async (query: PromiseLike<readonly { n: number }[]>) => (await query)[0]!.n

const rowCount = (path: string, table: string) => {
  const db = new DatabaseSync(path, { readOnly: true })
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  } finally {
    db.close()
  }
}

describe('db copy: usage', () => {
  it('needs --from and --to, refuses the same database twice and a file that is not there, changing nothing', async () => {
    const dir = tempDir()
    expect(await cli('db', 'copy', '--to', join(dir, 'b.db'))).toMatchObject({ code: 2, err: expect.stringContaining('--from and --to') })
    expect(await cli('db', 'move', '--from', 'a', '--to', 'b')).toMatchObject({ code: 2 })
    const missing = await cli('db', 'copy', '--from', join(dir, 'none.db'), '--to', join(dir, 'b.db'))
    expect(missing).toMatchObject({ code: 2, err: expect.stringContaining('There is no database file') })
    expect(existsSync(join(dir, 'b.db'))).toBe(false)
    const { file } = await fileWithWork()
    expect(await cli('db', 'copy', '--from', file, '--to', file)).toMatchObject({
      code: 2,
      err: expect.stringContaining('the same database'),
    })
  })

  it('copies file to file, and refuses a target that holds data', async () => {
    const { dir, file } = await fileWithWork()
    const copy = join(dir, 'copy.db')
    const done = await cli('db', 'copy', '--from', file, '--to', copy)
    expect(done.code).toBe(0)
    expect(done.out).toContain('Verified')
    expect(rowCount(copy, 'notes')).toBe(1)
    const again = await cli('db', 'copy', '--from', file, '--to', copy)
    expect(again).toMatchObject({ code: 2, err: expect.stringContaining('already holds data') })
    expect(rowCount(copy, 'notes')).toBe(1)
  })
})

describe.skipIf(skipReason !== null)(`db copy with a team database${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const pg = usePostgres()

  it('file → PostgreSQL → new file: the exports are identical, history comes along, and no output shows the password', async () => {
    const { dir, file, measureId } = await fileWithWork()
    const { url, display } = pg.database()
    const password = decodeURIComponent(new URL(url).password)

    const up = await cli('db', 'copy', '--from', file, '--to', url)
    expect(up.code).toBe(0)
    expect(up.out).toContain(`Copied ${file} to ${display}`)
    expect(up.out).toMatch(/notes\s+1 row\b/)
    const back = join(dir, 'back.db')
    const down = await cli('db', 'copy', '--from', url, '--to', back, '--json')
    expect(down.code).toBe(0)
    expect(JSON.parse(down.out)).toMatchObject({ from: display, to: back, verified: true })
    for (const output of [up, down]) expect(output.out + output.err).not.toContain(password)

    const exports = await Promise.all(
      [file, url, back].map(async (db, index) => {
        const out = join(dir, `export-${index}.json`)
        expect((await cli('export', '--db', db, '--out', out, '--at', AT)).code).toBe(0)
        return exported(out)
      }),
    )
    expect(exports[1]).toBe(exports[0])
    expect(exports[2]).toBe(exports[0])
    // The history (audit) is the file's: the same rows, the same actors.
    expect(rowCount(back, 'audit')).toBe(rowCount(file, 'audit'))
    const history = await cli('show', measureId, '--db', back)
    expect(history.out).toContain('Checked with')
  })

  it('new ids on the team database continue after the copied ones', async () => {
    const { file, measureId } = await fileWithWork()
    const { url, sql } = pg.database()
    expect((await cli('db', 'copy', '--from', file, '--to', url)).code).toBe(0)
    const copied = await count(sql`SELECT max(id)::int AS n FROM audit`)
    expect((await cli('note', 'add', measureId, 'After the move', '--db', url)).code).toBe(0)
    const after = await count(sql`SELECT max(id)::int AS n FROM audit`)
    expect(after).toBeGreaterThan(copied)
  })

  it('never writes into a team database that holds data, and names it without the password', async () => {
    const { file } = await fileWithWork()
    const { url, display, sql } = pg.database()
    // A first start seeds the team database with the embedded dataset: it holds data now.
    expect((await cli('status', '--db', url)).code).toBe(0)
    const before = await count(sql`SELECT count(*)::int AS n FROM audit`)
    const refused = await cli('db', 'copy', '--from', file, '--to', url)
    expect(refused).toMatchObject({ code: 2, err: expect.stringContaining(`${display} already holds data`) })
    expect(refused.err).not.toContain(decodeURIComponent(new URL(url).password))
    const after = await count(sql`SELECT count(*)::int AS n FROM audit`)
    expect(after).toBe(before)
  })

  it('a copy that fails part-way leaves the team database empty', async () => {
    const { file } = await fileWithWork()
    // A row whose measure is gone (written with foreign keys off): the server refuses it mid-copy.
    const raw = new DatabaseSync(file)
    raw.exec('PRAGMA foreign_keys = OFF')
    raw.prepare("INSERT INTO measure_tags (measure_id, tag, position) VALUES ('no-such-measure', 'orphan', 0)").run()
    raw.close()
    const { url, sql } = pg.database()
    const failed = await cli('db', 'copy', '--from', file, '--to', url)
    expect(failed.code).toBe(1)
    expect(failed.err).toContain('Nothing was copied')
    const n = await count(sql`SELECT count(*)::int AS n FROM measures`)
    expect(n).toBe(0)
  })

  it('an unreachable server or a wrong password: said, without the password, and no file left behind', async () => {
    const { dir, file } = await fileWithWork()
    const { url } = pg.database()
    const wrong = new URL(url)
    wrong.password = 'not-the-password'
    const refused = await cli('db', 'copy', '--from', file, '--to', wrong.href)
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('password authentication failed')
    expect(refused.err).not.toContain('not-the-password')
    const target = join(dir, 'never.db')
    const unreachable = new URL(url)
    unreachable.port = '1'
    expect((await cli('db', 'copy', '--from', unreachable.href, '--to', target)).code).toBe(1)
    expect(existsSync(target)).toBe(false)
  })
})
