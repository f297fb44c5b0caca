// Migration 4 (issue 10): a database from before rate numbers, partial suspensions, rate steps
// and commitments keeps every measure, event and note, reads the same status, and can hold the
// new fields from then on.
import { afterEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { DatabaseSync } from 'node:sqlite'
import { openDatabase } from './database.ts'
import { MIGRATIONS } from './migrations.ts'
import { tempDir } from '../../../test/helpers/temp-store.ts'

const closers: (() => void)[] = []
afterEach(() => {
  for (const close of closers.splice(0)) close()
})

const SUSPENDED_AT = '2025-11-10T00:01:00-05:00[America/New_York]'
const UNTIL = '2026-11-10T00:01:00-05:00[America/New_York]'

/** A version-3 file, written with version 3's own SQL, as an older release left it. */
async function version3File(): Promise<string> {
  const path = join(tempDir(), 'v3.db')
  const { db } = await openDatabase(path, MIGRATIONS.slice(0, 3))
  db.exec(`INSERT INTO measures (id, title_en, imposer, target, category, rate, scope, created_at, updated_at)
           VALUES ('m', 'Reciprocal tariff', 'US', 'CN', 'tariff', '34%', 'all goods', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`)
  db.exec(`INSERT INTO events (measure_id, id, kind, at, at_ms, until, until_ms, rate)
           VALUES ('m', 'e', 'effective', '2025-04-09T00:01:00-04:00[America/New_York]', ${Date.parse('2025-04-09T04:01:00Z')}, NULL, NULL, '34%'),
                  ('m', 's', 'suspended', '${SUSPENDED_AT}', ${Date.parse('2025-11-10T05:01:00Z')}, '${UNTIL}', ${Date.parse('2026-11-10T05:01:00Z')}, NULL)`)
  db.exec(
    `INSERT INTO notes (measure_id, id, body, pinned, created_at, updated_at) VALUES ('m', 'n', 'kept', 1, '2025-01-02T00:00:00.000Z', '2025-01-02T00:00:00.000Z')`,
  )
  db.exec(`UPDATE measures SET timeline = (SELECT json_group_array(json_array(id, kind, at, at_ms, until, until_ms, scheduled, rate, scope, alternatives <> '[]'))
           FROM (SELECT * FROM events WHERE measure_id = 'm' ORDER BY at_ms, id))`)
  expect((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(3)
  db.close()
  return path
}

async function openStoreAt(path: string) {
  const { openStore } = await import('../open.ts')
  const store = await openStore({ path, actor: 'test', seed: false })
  closers.push(() => store.close())
  return store
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

describe('migration 4 (rates, partial suspensions, rate steps, commitments)', () => {
  it('upgrades a version-3 file keeping everything, with the new fields empty and the same status', async () => {
    const path = await version3File()
    const store = await openStoreAt(path)
    expect(value(store.core.call('meta.info', {})).schemaVersion).toBe(MIGRATIONS.length)
    const [row] = value(store.core.call('measures.list', { at: '2026-06-01T00:00:00+00:00[UTC]' }))
    expect(row).toMatchObject({
      id: 'm',
      status: 'suspended',
      rate: '34%',
      rateValue: null,
      rateInEffect: null,
      suspendedPart: null,
      commitment: null,
      noteCount: 1,
    })
    expect(row?.next).toMatchObject({ kind: 'suspension_end', at: UNTIL })
    const detail = value(store.core.call('measures.get', { id: 'm' }))
    expect(detail.events.map((e) => [e.id, e.kind, e.rate, e.rateValue, e.part, e.whenSuspended])).toEqual([
      ['e', 'effective', '34%', null, null, null],
      ['s', 'suspended', null, null, null, null],
    ])
    expect(detail).toMatchObject({ rateValue: null, commitment: null, progress: [] })
    expect(detail.notes.map((n) => n.body)).toEqual(['kept'])
  })

  it('fills the timeline cache with the new event fields, and the upgraded file stores them from then on', async () => {
    const path = await version3File()
    const store = await openStoreAt(path)
    const db = store.core.context.db as DatabaseSync
    const timeline = JSON.parse(
      (db.prepare("SELECT timeline FROM measures WHERE id = 'm'").get() as { timeline: string }).timeline,
    ) as unknown[][]
    expect(timeline.map((entry) => entry.length)).toEqual([13, 13])
    value(store.core.call('measures.update', { id: 'm', facts: { rateValue: { value: 34, unit: 'percent' } } }))
    value(
      store.core.call('events.record', {
        measureId: 'm',
        event: {
          kind: 'extended',
          at: '2026-11-04T12:00:00-05:00[America/New_York]',
          until: '2027-11-10T00:01:00-05:00[America/New_York]',
          part: { rate: 24 },
        },
      }),
    )
    const [row] = value(store.core.call('measures.list', { at: '2026-12-01T00:00:00+00:00[UTC]' }))
    expect(row).toMatchObject({
      status: 'partly_suspended',
      rateInEffect: { value: 10, unit: 'percent' },
      suspendedPart: { rate: 24, scope: null },
    })
  })
})
