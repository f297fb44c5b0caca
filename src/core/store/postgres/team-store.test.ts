// A team database opened as the hosts open it (openStore with a postgres:// connection string):
// two stores on one database stand for two machines. Against the real server (usePostgres).
import { describe, expect, it } from 'vitest'
import { openStore, type OpenedStore } from '../../open.ts'
import { startCore } from '../../worker/core-client.ts'
import { generateExchangeFile } from '../../../../bench/generate.ts'
import { postgresSkipReason, usePostgres } from '../../../../test/helpers/postgres-database.ts'

const skipReason = postgresSkipReason()

describe.skipIf(skipReason !== null)(`a team database${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const pg = usePostgres()
  const opened: OpenedStore[] = []
  const open = async (url: string, actor = 'app:alice') => {
    const store = await openStore({ path: url, actor })
    opened.push(store)
    return store
  }
  const closeAll = () => opened.splice(0).forEach((store) => store.close())
  const call = async (store: OpenedStore, method: string, input: unknown) => {
    const result = await store.service.call(method as never, input as never)
    return result as { ok: boolean; value?: unknown; error?: { code: string; message: string; details?: unknown } }
  }

  it('is seeded once for the whole team, and names itself without its password', async () => {
    const { url, display } = pg.database()
    try {
      const [first, second] = await Promise.all([open(url), open(url)])
      const info = (await call(second, 'meta.info', {})).value as { dbPath: string; measureCount: number; schemaVersion: number }
      expect(info.dbPath).toBe(display)
      expect(info.measureCount).toBe(((await call(first, 'meta.info', {})).value as { measureCount: number }).measureCount)
      expect(info.measureCount).toBeGreaterThan(0)
      expect(JSON.stringify(info)).not.toContain(new URL(url).password)
      expect(first.path).toBe(display)
    } finally {
      closeAll()
    }
  })

  it('tells every other store of a commit within 2 s (LISTEN/NOTIFY), and not the store that made it', async () => {
    const { url } = pg.database()
    try {
      const watcher = await open(url, 'app:alice')
      const writer = await open(url, 'app:bob')
      let told = 0
      watcher.watchExternalChanges(() => told++)
      let toldWriter = 0
      writer.watchExternalChanges(() => toldWriter++)
      await new Promise((resolve) => setTimeout(resolve, 300)) // LISTEN is in place
      const { id } = (
        await call(writer, 'measures.create', { facts: { title: { en: 'Team probe' }, imposer: 'US', target: 'CN', category: 'tariff' } })
      ).value as {
        id: string
      }
      const started = Date.now()
      while (told === 0 && Date.now() - started < 2_000) await new Promise((resolve) => setTimeout(resolve, 20))
      expect(told).toBe(1)
      expect(toldWriter).toBe(0)
      const seen = (await call(watcher, 'measures.get', { id })).value as { title: { en: string } }
      expect(seen.title.en).toBe('Team probe')
      // A refused write commits nothing and tells no one.
      await call(writer, 'measures.update', { id: 'no-such-measure', facts: { title: { en: 'x' } } })
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(told).toBe(1)
    } finally {
      closeAll()
    }
  })

  it('gives a role that may only read a read-only store, and the server refuses its writes anyway', async () => {
    const { url, name } = pg.database()
    try {
      await open(url) // migrated and seeded by a user who may write
      const role = `reader_${name}`
      pg.server.psql(`CREATE ROLE ${role} LOGIN PASSWORD 'reader-pw'; GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`, name)
      const readerUrl = new URL(url)
      readerUrl.username = role
      readerUrl.password = 'reader-pw'
      const reader = await open(readerUrl.toString(), 'app:carol')
      expect(reader.readOnly).toBe(true)
      expect(reader.readOnlyReason).toContain(role)
      const list = await call(reader, 'measures.list', {})
      expect(list.ok).toBe(true)
      const refused = await call(reader, 'notes.add', { measureId: (list.value as { id: string }[])[0]!.id, body: 'from a reader' })
      expect(refused.error?.code).toBe('FORBIDDEN')
      expect(pg.server.psql("SELECT count(*) FROM notes WHERE body = 'from a reader'", name).trim()).toBe('0')
      // The database itself refuses, whatever the app does.
      const direct = pg.connect(readerUrl.toString())
      await expect(direct.unsafe("DELETE FROM notes WHERE body = 'x'")).rejects.toThrow(/permission denied/)
    } finally {
      closeAll()
    }
  })

  it('records the database user, then the program and OS user, as who made each change', async () => {
    const { url, name } = pg.database()
    try {
      const store = await open(url, 'app:dana')
      const measure = ((await call(store, 'measures.list', {})).value as { id: string }[])[0]!
      expect((await call(store, 'notes.add', { measureId: measure.id, body: 'seen by Dana' })).ok).toBe(true)
      expect(pg.server.psql("SELECT actor FROM audit WHERE action = 'notes.add'", name).trim()).toBe(`${pg.server.superuser} (app:dana)`)
      // The measure page's history shows it.
      const page = (await call(store, 'measures.get', { id: measure.id })).value as { history: { actor: string }[] }
      expect(page.history.map((entry) => entry.actor)).toContain(`${pg.server.superuser} (app:dana)`)
    } finally {
      closeAll()
    }
  })

  it('says the server cannot be reached while it cannot, changes nothing, and works again when it can', async () => {
    const { url, name } = pg.database()
    try {
      const store = await open(url)
      const measure = ((await call(store, 'measures.list', {})).value as { id: string }[])[0]!
      // The server refuses new sessions to this database and ends the store's own: as a network cut would.
      pg.server.psql(
        `ALTER DATABASE ${name} ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`,
      )
      const read = await call(store, 'measures.list', {})
      expect(read.error?.code).toBe('STORAGE')
      expect(read.error?.message).toMatch(/cannot be reached/)
      expect(read.error?.message).not.toContain(new URL(url).password)
      const write = await call(store, 'notes.add', { measureId: measure.id, body: 'while cut off' })
      expect(write.ok).toBe(false)
      pg.server.psql(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`)
      // Works again when it can: the driver reconnects on a later call. The first call may still meet
      // the refusal of a connection attempt made during the outage, so it is asked again as the app's
      // back-off does (stores/access.ts), a little later each time, for at most about 6 s.
      let after = await call(store, 'notes.add', { measureId: measure.id, body: 'after the cut' })
      for (let wait = 100; !after.ok && wait <= 3_200; wait *= 2) {
        expect(after.error?.details).toMatchObject({ unreachable: true })
        await new Promise((resolve) => setTimeout(resolve, wait))
        after = await call(store, 'notes.add', { measureId: measure.id, body: 'after the cut' })
      }
      expect(after.ok).toBe(true)
      expect(pg.server.psql(`SELECT body FROM notes WHERE body LIKE '%cut%' ORDER BY body`, name).trim()).toBe('after the cut')
    } finally {
      closeAll()
    }
  })

  it("marks a reminder shown for the person who saw it: the next person's app still shows it", async () => {
    const { url, name } = pg.database()
    try {
      await open(url) // the schema and the dataset, by a user who owns them
      const person = (role: string) => {
        pg.server.psql(
          `CREATE ROLE ${role} LOGIN PASSWORD 'pw-${role}'; GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}; GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
          name,
        )
        const as = new URL(url)
        as.username = role
        as.password = `pw-${role}`
        return as.toString()
      }
      // Five days before the truce's suspensions end: reminders are due.
      const nowMs = () => Date.parse('2026-11-05T12:00:00Z')
      const alice = await openStore({ path: person(`alice_${name}`), actor: 'app:alice', nowMs })
      const bob = await openStore({ path: person(`bob_${name}`), actor: 'app:bob', nowMs })
      opened.push(alice, bob)
      const due = async (store: OpenedStore) =>
        ((await call(store, 'reminders.due', {})).value as { reminders: { key: string }[] }).reminders.map((r) => r.key)
      const keys = await due(alice)
      expect(keys.length).toBeGreaterThan(0)
      expect(await due(bob)).toEqual(keys)
      expect((await call(alice, 'reminders.markShown', { keys, missed: false })).ok).toBe(true)
      expect(await due(alice)).toEqual([])
      expect(await due(bob)).toEqual(keys)
    } finally {
      closeAll()
    }
  })

  // The core's thread ended 1.5 s into a 5,000-measure import (the import is one transaction on a
  // team database): the server rolls the cut-off transaction back with the lost session.
  it('holds all or none of an import when the core is cut off mid-way, and the restarted core writes', async () => {
    const { url, name } = pg.database()
    const count = () => Number(pg.server.psql('SELECT count(*) FROM measures', name).trim())
    const core = await startCore({ path: url, actor: 'test', log: () => {} })
    try {
      const before = count()
      const restarts: string[] = []
      core.onRestart((reason) => restarts.push(reason))
      const importing = core.service.call('exchange.import', { file: generateExchangeFile(5_000) })
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      await core.stopAbruptly()
      const answer = await importing
      await expect.poll(() => restarts.length, { timeout: 20_000 }).toBe(1)
      await expect.poll(count, { timeout: 10_000 }).toBeOneOf(answer.ok ? [before + 5_000] : [before, before + 5_000])
      const after = count()
      const created = await core.service.call('measures.create', {
        facts: { title: { en: 'After the restart' }, imposer: 'US', target: 'CN', category: 'tariff' },
      })
      expect(created.ok).toBe(true)
      expect(count()).toBe(after + 1)
    } finally {
      await core.close()
    }
  }, 60_000)
})
