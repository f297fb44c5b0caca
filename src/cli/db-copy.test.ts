// `measure-tracker db copy` against the real PostgreSQL server and real files: a whole database
// (edits, notes, reminders, settings, history) goes to a team database and back exactly, ids
// continue after it, a database that holds anyone's work is never written to (one holding only the
// sample dataset its first start loaded is replaced), a copy that fails part-way leaves nothing,
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
const AT_ZONED = '2026-12-01T00:00:00+00:00[UTC]'
const exported = (path: string) => readFileSync(path, 'utf8').replace(/"exportedAt": "[^"]+"/, '"exportedAt": …')

/** The value of a service answer, or the test fails with its error. */
function value<T>(answer: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!answer.ok) throw new Error(answer.error.message)
  return answer.value
}

/**
 * A file with the embedded dataset and someone's work on it: an edited measure, an event, a note
 * written and edited, a tag, reminder lead days (a setting) and reminders marked shown.
 */
async function fileWithWork(): Promise<{ dir: string; file: string; measureId: string }> {
  const dir = tempDir()
  const file = join(dir, 'mine.db')
  const store = await openStore({ path: file, actor: 'ana' })
  try {
    const call = store.service.call.bind(store.service)
    const measureId = value(await call('measures.list', {}))[0]!.id
    value(await call('measures.update', { id: measureId, facts: { rate: '12.5% ad valorem' } }))
    value(await call('events.record', { measureId, event: { kind: 'terminated', at: '2026-11-30T00:00:00+00:00[UTC]' } }))
    const note = value(await call('notes.add', { measureId, body: 'Checked with **counsel** on 1 Dec.' }))
    value(await call('notes.edit', { measureId, noteId: note.id, body: 'Checked with **counsel** on 2 Dec.' }))
    value(await call('tags.add', { measureId, tag: 'priority' }))
    value(await call('reminders.setLeadDays', { leadDays: [3, 30, 365] }))
    const due = value(await call('reminders.due', {}))
    value(await call('reminders.markShown', { keys: due.reminders.map((reminder) => reminder.key) }))
    return { dir, file, measureId }
  } finally {
    store.close()
  }
}

/** The one number a query answers (SELECT count(*)::int AS n …). */
const count = async (query: PromiseLike<readonly { n: number }[]>) => (await query)[0]!.n

/** Every table of a database file with its row count (the summaries and search index left out: they are derived). */
function rowCounts(path: string): Record<string, number> {
  const db = new DatabaseSync(path, { readOnly: true })
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'measure_summary%' AND name NOT LIKE 'measure_search%' ORDER BY name",
      )
      .all() as { name: string }[]
    return Object.fromEntries(
      tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]),
    )
  } finally {
    db.close()
  }
}

const rowCount = (path: string, table: string) => rowCounts(path)[table]

/** What a person sees of a database: its export at one instant (exportedAt aside). */
async function exportOf(db: string, out: string): Promise<string> {
  const run = await cli('export', '--db', db, '--out', out, '--at', AT)
  expect(run.code, run.err).toBe(0)
  return exported(out)
}

/** The measure page of `id` (with its history and notes) and the reminder settings, as the service answers them. */
async function pageOf(db: string, id: string) {
  const store = await openStore({ path: db, actor: 'reader', seed: false })
  try {
    const { history, ...page } = value(await store.service.call('measures.get', { id, at: AT_ZONED }))
    const reminders = value(await store.service.call('reminders.settings', {}))
    return { page, history: history.map(({ id: _id, ...entry }) => entry), reminders }
  } finally {
    store.close()
  }
}

describe('db copy: usage and files', () => {
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

  it('copies file to file: into a new file, or over the sample dataset a first start loaded; a target with work in it is refused, unchanged', async () => {
    const { dir, file } = await fileWithWork()
    const copy = join(dir, 'copy.db')
    const done = await cli('db', 'copy', '--from', file, '--to', copy)
    expect(done.code, done.err).toBe(0)
    expect(done.out).toContain('Verified')
    expect(rowCounts(copy)).toEqual(rowCounts(file))

    // The app's first start seeds a new file with the sample dataset: that is not anyone's work.
    const seeded = join(dir, 'seeded.db')
    ;(await openStore({ path: seeded, actor: 'app' })).close()
    const over = await cli('db', 'copy', '--from', file, '--to', seeded)
    expect(over.code, over.err).toBe(0)
    expect(over.out).toContain('held only the sample dataset')
    expect(rowCounts(seeded)).toEqual(rowCounts(file))

    // Now it holds ana's notes and edits: a second copy into it is refused and changes nothing.
    const before = readFileSync(copy)
    const again = await cli('db', 'copy', '--from', seeded, '--to', copy)
    expect(again).toMatchObject({ code: 2, err: expect.stringContaining('already holds data') })
    expect(again.err).toContain('nothing was changed')
    expect(readFileSync(copy).equals(before)).toBe(true)
  })

  it('refuses a source written by a newer version, and leaves no target file', async () => {
    const { dir, file } = await fileWithWork()
    const raw = new DatabaseSync(file)
    const version = (raw.prepare('PRAGMA user_version').get() as { user_version: number }).user_version
    raw.exec(`PRAGMA user_version = ${version + 1}`)
    raw.close()
    const target = join(dir, 'new.db')
    const refused = await cli('db', 'copy', '--from', file, '--to', target)
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('was written by a newer version of Measure Tracker')
    expect(existsSync(target)).toBe(false)
  })

  it('a copy whose export does not match its source is not kept: said, exit 1, the target as it was', async () => {
    const { dir, file } = await fileWithWork()
    // An empty target at the current schema with a trigger that alters every measure written into it.
    const target = join(dir, 'tampered.db')
    ;(await openStore({ path: target, actor: 'app', seed: false })).close()
    const raw = new DatabaseSync(target)
    raw.exec("CREATE TRIGGER tamper AFTER INSERT ON measures BEGIN UPDATE measures SET rate = 'tampered' WHERE id = NEW.id; END")
    raw.close()
    const mismatch = await cli('db', 'copy', '--from', file, '--to', target)
    expect(mismatch.code).toBe(1)
    expect(mismatch.err).toContain('The copy was not kept')
    expect(mismatch.err).toContain('differs from the export')
    expect(mismatch.out).not.toContain('Verified')
    expect(rowCount(target, 'measures')).toBe(0)
    expect(rowCount(target, 'audit')).toBe(0)
  })

  it('a copy into a new file that fails part-way leaves no file behind', async () => {
    const { dir, file } = await fileWithWork()
    // A tag whose measure is gone (written with foreign keys off): the target refuses it mid-copy.
    const raw = new DatabaseSync(file)
    raw.exec('PRAGMA foreign_keys = OFF')
    raw.prepare("INSERT INTO measure_tags (measure_id, tag, position) VALUES ('no-such-measure', 'orphan', 0)").run()
    raw.close()
    const target = join(dir, 'half.db')
    const failed = await cli('db', 'copy', '--from', file, '--to', target)
    expect(failed.code).toBe(1)
    expect(failed.err).toContain('Nothing was copied')
    expect(existsSync(target)).toBe(false)
  })
})

describe.skipIf(skipReason !== null)(`db copy with a team database${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const pg = usePostgres()

  it('file → PostgreSQL → new file: the exports, the measure pages with their history, the settings and every table are the same; no output shows the password', async () => {
    const { dir, file, measureId } = await fileWithWork()
    const { url, display } = pg.database()
    const password = decodeURIComponent(new URL(url).password)

    const up = await cli('db', 'copy', '--from', file, '--to', url)
    expect(up.code, up.err).toBe(0)
    expect(up.out).toContain(`Copied ${file} to ${display}`)
    expect(up.out).toMatch(/notes\s+1 row\b/)
    expect(up.out).toMatch(/note_revisions\s+1 row\b/)
    expect(up.out).toContain('Verified')
    const back = join(dir, 'back.db')
    const down = await cli('db', 'copy', '--from', url, '--to', back, '--json')
    expect(down.code, down.err).toBe(0)
    expect(JSON.parse(down.out)).toMatchObject({ from: display, to: back, verified: true })
    for (const output of [up, down]) for (const line of (output.out + '\n' + output.err).split('\n')) expect(line).not.toContain(password)

    const exports = await Promise.all([file, url, back].map((db, index) => exportOf(db, join(dir, `export-${index}.json`))))
    expect(exports[1]).toBe(exports[0])
    expect(exports[2]).toBe(exports[0])
    expect(exports[0]).toContain('12.5% ad valorem')
    // What the export does not hold: the history (who did what, when), note revisions, settings, reminders shown.
    const pages = await Promise.all([file, url, back].map((db) => pageOf(db, measureId)))
    expect(pages[0]!.history.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['measures.update', 'events.record', 'notes.add', 'notes.edit', 'tags.add']),
    )
    expect(pages[0]!.reminders.leadDays).toEqual([365, 30, 3])
    expect(pages[1]).toEqual(pages[0])
    expect(pages[2]).toEqual(pages[0])
    const counts = rowCounts(file)
    for (const table of ['notes', 'note_revisions', 'reminders_shown', 'audit', 'settings']) expect(counts[table], table).toBeGreaterThan(0)
    expect(rowCounts(back)).toEqual(counts)
  })

  it('new ids on the team database continue after the copied ones: a measure and a note made after the copy', async () => {
    const { file, measureId } = await fileWithWork()
    const { url, sql } = pg.database()
    expect((await cli('db', 'copy', '--from', file, '--to', url)).code).toBe(0)
    const copied = await count(sql`SELECT max(id)::int AS n FROM audit`)
    expect(copied).toBe(rowCount(file, 'audit'))
    const store = await openStore({ path: url, actor: 'bo' })
    try {
      const created = value(
        await store.service.call('measures.create', {
          facts: { title: { en: 'After the move' }, imposer: 'US', target: 'CN', category: 'tariff' },
        }),
      )
      expect(created.history[0]).toMatchObject({ action: 'measures.create' })
      value(await store.service.call('notes.add', { measureId, body: 'After the move' }))
    } finally {
      store.close()
    }
    expect(await count(sql`SELECT count(*)::int AS n FROM audit`)).toBe(copied + 2)
    expect(await count(sql`SELECT min(id)::int AS n FROM audit WHERE id > ${copied}`)).toBe(copied + 1)
  })

  it('replaces the sample dataset of a team database started once (README: before the GRANTs), but never writes into one that holds work', async () => {
    const { dir, file, measureId } = await fileWithWork()
    const { url, display, sql } = pg.database()
    // A first start seeds the team database with the embedded dataset.
    expect((await cli('status', '--db', url)).code).toBe(0)
    expect(await count(sql`SELECT count(*)::int AS n FROM audit WHERE action <> 'seed'`)).toBe(0)
    const replaced = await cli('db', 'copy', '--from', file, '--to', url)
    expect(replaced.code, replaced.err).toBe(0)
    expect(replaced.out).toContain(`${display} held only the sample dataset`)
    expect(await exportOf(url, join(dir, 'team.json'))).toBe(await exportOf(file, join(dir, 'file.json')))

    // Someone adds a note on the team database: now it holds work, and a copy into it is refused.
    expect((await cli('note', 'add', measureId, 'Team note', '--db', url)).code).toBe(0)
    const before = await exportOf(url, join(dir, 'before.json'))
    const audited = await count(sql`SELECT count(*)::int AS n FROM audit`)
    const other = await fileWithWork()
    const refused = await cli('db', 'copy', '--from', other.file, '--to', url)
    expect(refused).toMatchObject({ code: 2, err: expect.stringContaining(`${display} already holds data`) })
    expect(refused.err).not.toContain(decodeURIComponent(new URL(url).password))
    expect(await count(sql`SELECT count(*)::int AS n FROM audit`)).toBe(audited)
    expect(await exportOf(url, join(dir, 'after.json'))).toBe(before)
  })

  it('a copy that fails part-way leaves the team database as it was: empty, or holding only its sample dataset', async () => {
    const { file } = await fileWithWork()
    // A row whose measure is gone (written with foreign keys off): the server refuses it mid-copy.
    const raw = new DatabaseSync(file)
    raw.exec('PRAGMA foreign_keys = OFF')
    raw.prepare("INSERT INTO measure_tags (measure_id, tag, position) VALUES ('no-such-measure', 'orphan', 0)").run()
    raw.close()
    const empty = pg.database()
    const failed = await cli('db', 'copy', '--from', file, '--to', empty.url)
    expect(failed.code).toBe(1)
    expect(failed.err).toContain('Nothing was copied')
    for (const table of ['measures', 'audit', 'notes', 'settings'])
      expect(await count(empty.sql`SELECT count(*)::int AS n FROM ${empty.sql(table)}`), table).toBe(0)

    const seeded = pg.database()
    expect((await cli('status', '--db', seeded.url)).code).toBe(0)
    const measures = await count(seeded.sql`SELECT count(*)::int AS n FROM measures`)
    expect((await cli('db', 'copy', '--from', file, '--to', seeded.url)).code).toBe(1)
    expect(await count(seeded.sql`SELECT count(*)::int AS n FROM measures`)).toBe(measures)
    expect(await count(seeded.sql`SELECT count(*)::int AS n FROM audit WHERE action = 'seed'`)).toBe(1)
    expect(await count(seeded.sql`SELECT count(*)::int AS n FROM notes`)).toBe(0)
  })

  it('a role that may only read the target: refused, said without the password, nothing changed', async () => {
    const { file } = await fileWithWork()
    const { url, name, sql } = pg.database()
    expect((await cli('status', '--db', url)).code).toBe(0)
    const role = `reader_${name}`
    pg.server.psql(`CREATE ROLE ${role} LOGIN PASSWORD 'reader-secret'; GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`, name)
    const reader = new URL(url)
    reader.username = role
    reader.password = 'reader-secret'
    const audited = await count(sql`SELECT count(*)::int AS n FROM audit`)
    const refused = await cli('db', 'copy', '--from', file, '--to', reader.href)
    expect(refused.code).toBe(2)
    expect(refused.err).toContain('cannot be written')
    expect(refused.err).toContain(`postgres://${role}@`)
    expect(refused.err + refused.out).not.toContain('reader-secret')
    expect(await count(sql`SELECT count(*)::int AS n FROM audit`)).toBe(audited)
  })

  it('one database named with two roles is the same database', async () => {
    const { url, name } = pg.database()
    expect((await cli('status', '--db', url)).code).toBe(0)
    const role = `writer_${name}`
    pg.server.psql(`CREATE ROLE ${role} LOGIN PASSWORD 'writer-secret'`, name)
    const other = new URL(url)
    other.username = role
    other.password = 'writer-secret'
    const refused = await cli('db', 'copy', '--from', url, '--to', other.href)
    expect(refused).toMatchObject({ code: 2, err: expect.stringContaining('the same database') })
  })

  it('an unreachable server or a wrong password: said, without the password, and no file left behind', async () => {
    const { dir, file } = await fileWithWork()
    const { url } = pg.database()
    const wrong = new URL(url)
    wrong.password = 'not-the-password'
    const refused = await cli('db', 'copy', '--from', file, '--to', wrong.href)
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('password authentication failed')
    expect(refused.err + refused.out).not.toContain('not-the-password')
    const target = join(dir, 'never.db')
    const unreachable = new URL(url)
    unreachable.port = '1'
    const away = await cli('db', 'copy', '--from', unreachable.href, '--to', target)
    expect(away.code).toBe(1)
    expect(away.err).toContain('Check that the server is reachable')
    expect(away.err + away.out).not.toContain(decodeURIComponent(unreachable.password))
    expect(existsSync(target)).toBe(false)
  })
})
