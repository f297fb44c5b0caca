// The staging half of an import never touches the real file, and the copy is all or nothing.
import { afterEach, describe, expect, it } from 'vitest'
import { DatabaseSync } from 'node:sqlite'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { openStore, type OpenedStore } from '../open.ts'
import { readAllMeasures } from './measure-rows.ts'
import { mergeStaged, stageMeasures } from './staged-import.ts'
import { tempDir } from '../../../test/helpers/temp-store.ts'

const stores: OpenedStore[] = []
afterEach(() => {
  for (const store of stores.splice(0)) store.close()
})

async function seededStore(): Promise<OpenedStore> {
  const store = await openStore({ path: join(tempDir(), 'measures.db'), actor: 'test' })
  stores.push(store)
  return store
}

describe('staged import', () => {
  it('stages while another connection holds the write lock on the real file', async () => {
    const store = await seededStore()
    const measures = readAllMeasures(store.core.context.db)
    const holder = new DatabaseSync(store.path, { timeout: 100 })
    holder.exec('BEGIN IMMEDIATE')
    try {
      const staging = stageMeasures(measures.map((m) => ({ ...m, id: `copy-${m.id}`, links: [] })))
      expect(existsSync(staging.path)).toBe(true)
      staging.discard()
      expect(existsSync(staging.path)).toBe(false)
    } finally {
      holder.exec('ROLLBACK')
      holder.close()
    }
  })

  it('changes nothing when the copy is refused inside the lock', async () => {
    const store = await seededStore()
    const db = store.core.context.db as DatabaseSync
    const before = readAllMeasures(db)
    const staging = stageMeasures(before.map((m) => ({ ...m, title: { ...m.title, en: 'changed' } })))
    expect(() =>
      mergeStaged(db, staging, {
        before(existing) {
          expect(existing.length).toBe(before.length)
          throw new Error('refused')
        },
        after() {},
      }),
    ).toThrow('refused')
    staging.discard()
    expect(readAllMeasures(db)).toEqual(before)
    expect(db.isTransaction).toBe(false)
  })

  it('replacing keeps the links other measures have to a replaced one', async () => {
    const store = await seededStore()
    const db = store.core.context.db as DatabaseSync
    const all = readAllMeasures(db)
    const [target, other] = all as [(typeof all)[0], (typeof all)[0]]
    db.prepare("INSERT OR REPLACE INTO links (measure_id, target_id, relation) VALUES (?, ?, 'counter')").run(other.id, target.id)
    const staging = stageMeasures([{ ...target, links: [], title: { ...target.title, en: 'replaced' } }])
    mergeStaged(db, staging, { before: () => null, after: () => {} })
    staging.discard()
    const after = readAllMeasures(db)
    expect(after.find((m) => m.id === target.id)?.title.en).toBe('replaced')
    expect(after.find((m) => m.id === other.id)?.links).toContainEqual({ targetId: target.id, relation: 'counter' })
  })
})

describe('the staging file checks no foreign keys (the copy does)', () => {
  it('refuses, inside the lock, a staged link to a measure neither staged nor stored, and changes nothing', async () => {
    const store = await seededStore()
    const db = store.core.context.db as DatabaseSync
    const before = readAllMeasures(db)
    const [first] = before as [(typeof before)[0]]
    // Staging itself accepts the row: it keeps no foreign keys, so it costs only the inserts.
    const staging = stageMeasures([{ ...first, id: 'copy-of-first', links: [{ targetId: 'no-such-measure', relation: 'counter' }] }])
    expect(() => mergeStaged(db, staging, { before: () => null, after: () => {} })).toThrow(
      'the import would leave 1 row of links pointing at missing measures',
    )
    staging.discard()
    expect(readAllMeasures(db)).toEqual(before)
    expect(db.isTransaction).toBe(false)
  })
})
