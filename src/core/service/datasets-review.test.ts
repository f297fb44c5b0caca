// What the update review relies on beyond dataset.diff/apply of a file: the dataset this app ships
// as a source of its own (offered at start when it is newer than the database's), a conflicting
// date kept as a "sources disagree" alternative that the next update does not take for the user's
// edit, and removing a measure the new dataset dropped only when the user asks.
import { DatabaseSync } from 'node:sqlite'
import { rmSync } from 'node:fs'
import { afterEach, describe, expect, it, onTestFinished } from 'vitest'
import { CORRECTED, datasetNextVersion, embeddedDataset } from '../../../test/fixtures/dataset-update.ts'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import { openStore } from '../open.ts'
import type { Core } from './index.ts'

type Event = { id: string; at: string; alternatives: { field: string; value: string; note: string }[] }

let temp: TempStore | undefined
afterEach(() => {
  temp?.cleanup()
  temp = undefined
})

async function fresh(): Promise<Core> {
  temp = await openTempStore()
  return temp.store.core
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const eventOf = (service: Core, measureId: string, eventId: string): Event =>
  (value(service.call('measures.get', { id: measureId })).events as unknown as Event[]).find((e) => e.id === eventId) as Event

describe('the shipped dataset as a review source', () => {
  it('is offered when it is newer than the database’s, and diffs and applies like a file', async () => {
    const first = await openTempStore()
    const embedded = embeddedDataset().dataset as { id: string; version: number }
    first.store.close()
    // The database as an older app left it: seeded from the previous version.
    const db = new DatabaseSync(first.path)
    db.prepare("UPDATE settings SET value = ? WHERE key = 'dataset'").run(JSON.stringify({ ...embedded, version: embedded.version - 1 }))
    db.prepare("INSERT OR IGNORE INTO settings (key, value) VALUES ('dataset', ?)").run(
      JSON.stringify({ ...embedded, version: embedded.version - 1 }),
    )
    db.close()
    const store = await openStore({ path: first.path, actor: 'test', seed: true })
    onTestFinished(() => {
      store.close()
      rmSync(first.dir, { recursive: true, force: true })
    })
    const service = store.core
    const status = value(service.call('dataset.status', {}))
    expect(status).toMatchObject({ embedded, embeddedNewer: true, installed: { version: embedded.version - 1 } })
    const diff = value(service.call('dataset.diff', { embedded: true }))
    expect(diff.to).toEqual(embedded)
    value(service.call('dataset.apply', { embedded: true }))
    expect(value(service.call('dataset.status', {}))).toMatchObject({ installed: embedded, embeddedNewer: false })
  })

  it('takes either a file or the shipped dataset, not both or neither', async () => {
    const service = await fresh()
    expect(service.call('dataset.diff', {} as never).ok).toBe(false)
    expect(service.call('dataset.diff', { file: datasetNextVersion(), embedded: true } as never).ok).toBe(false)
  })
})

describe('a dataset date that conflicts with the user’s', () => {
  it('is kept as an alternative of the event, the user’s date in use, and the next update does not see it as the user’s', async () => {
    const service = await fresh()
    const userDate = '2026-11-20T00:00:00-05:00[America/New_York]'
    const event = eventOf(service, CORRECTED.measureId, CORRECTED.eventId)
    // The user corrects the date by editing the event (same id), as the editor does.
    const facts = value(service.call('measures.get', { id: CORRECTED.measureId }))
    const events = (facts.events as unknown as Event[]).map((e) => (e.id === event.id ? { ...e, at: userDate } : e))
    value(
      service.call('exchange.import', { file: { format: 'measure-tracker', version: 3, measures: [{ ...facts, events }] }, replace: true }),
    )
    expect(eventOf(service, CORRECTED.measureId, CORRECTED.eventId).at).toBe(userDate)

    const next = datasetNextVersion()
    const diff = value(service.call('dataset.diff', { file: next }))
    const update = diff.updates.find((u) => u.id === CORRECTED.measureId)
    expect(update?.conflicts.map((c) => c.path)).toEqual([`events[${CORRECTED.eventId}].at`])
    expect(update?.eventKinds[CORRECTED.eventId]).toBe('terminated')
    expect(update?.title.en).toBeTruthy()

    value(service.call('dataset.apply', { file: next, measureIds: [CORRECTED.measureId] }))
    const applied = eventOf(service, CORRECTED.measureId, CORRECTED.eventId)
    expect(applied.at).toBe(userDate)
    expect(applied.alternatives).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'at', value: CORRECTED.at, note: `dataset ${next.dataset?.id} v${next.dataset?.version}` }),
      ]),
    )

    // The same dataset again, one version on: nothing about that event to review.
    const again = structuredClone(next)
    again.dataset = { id: next.dataset?.id as string, version: (next.dataset?.version as number) + 1 }
    const later = value(service.call('dataset.diff', { file: again })).updates.find((u) => u.id === CORRECTED.measureId)
    expect(later).toBeUndefined()

    // The user picks the dataset's date on the measure page: it drives the status, and stays theirs.
    const index = applied.alternatives.findIndex((alt) => alt.value === CORRECTED.at)
    value(service.call('events.chooseAlternative', { measureId: CORRECTED.measureId, eventId: CORRECTED.eventId, index }))
    expect(eventOf(service, CORRECTED.measureId, CORRECTED.eventId).at).toBe(CORRECTED.at)
    expect(value(service.call('dataset.diff', { file: again })).updates.find((u) => u.id === CORRECTED.measureId)).toBeUndefined()
  })
})

describe('a measure the new dataset dropped', () => {
  it('stays unless the user removes it; removing moves it to the trash, and undo brings it back', async () => {
    const service = await fresh()
    const next = datasetNextVersion()
    // One no other measure links to, so the file stays whole without it.
    const linked = new Set(next.measures.flatMap((m) => ((m.links ?? []) as { targetId: string }[]).map((l) => l.targetId)))
    const dropped = next.measures.find((m) => !linked.has(m.id))?.id as string
    next.measures = next.measures.filter((m) => m.id !== dropped)
    const diff = value(service.call('dataset.diff', { file: next }))
    expect(diff.updates.find((u) => u.id === dropped)?.kind).toBe('removed')

    const changed = diff.updates.filter((u) => u.kind === 'changed').map((u) => u.id)
    value(service.call('dataset.apply', { file: next, measureIds: changed }))
    expect(value(service.call('measures.get', { id: dropped })).deletedAt).toBeNull()
    value(service.call('dataset.undo', {}))

    expect(service.call('dataset.apply', { file: next, removeIds: [changed[0] as string] }).ok).toBe(false)
    value(service.call('dataset.apply', { file: next, measureIds: changed, removeIds: [dropped] }))
    expect(value(service.call('measures.get', { id: dropped })).deletedAt).not.toBeNull()
    value(service.call('dataset.undo', {}))
    expect(value(service.call('measures.get', { id: dropped })).deletedAt).toBeNull()
  })
})
