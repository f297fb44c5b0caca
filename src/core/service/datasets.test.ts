// dataset.apply / dataset.undo as properties over random user edits and random dataset changes:
// whatever both sides did, a fact the user changed is still the user's after apply, and undo puts the
// database back exactly (the whole export, byte for byte).
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { embeddedDataset } from '../../../test/fixtures/dataset-update.ts'
import { openTempStore, type TempStore } from '../../../test/helpers/temp-store.ts'
import type { Core } from './index.ts'

type Measure = { id: string; title: Record<string, string>; events: { id: string; at: string }[] }

let temp: TempStore
let service: Core
const embedded = embeddedDataset()
const ids = embedded.measures.slice(0, 6).map((m) => m.id)
const DATES = ['2027-01-01T00:00:00-05:00[America/New_York]', '2027-02-01T00:00:00-05:00[America/New_York]'] as const

beforeAll(async () => {
  temp = await openTempStore()
  service = temp.store.core
})
afterAll(() => temp.cleanup())

const exported = (): string => {
  const result = service.call('exchange.export', {})
  if (!result.ok) throw new Error(result.error.message)
  return JSON.stringify(result.value.measures)
}

function get(id: string): Measure {
  const result = service.call('measures.get', { id })
  if (!result.ok) throw new Error(result.error.message)
  return result.value as unknown as Measure
}

/** One side's change to a measure: its English title, or its first event's date, or nothing. */
const change = fc.record({
  measure: fc.constantFrom(...ids),
  title: fc.option(fc.constantFrom('A', 'B'), { nil: undefined }),
  date: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
})

describe('dataset.apply and dataset.undo', () => {
  it('keeps every fact the user changed, and undo restores the whole export exactly', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 3 }), fc.array(change, { maxLength: 3 }), (userChanges, datasetChanges) => {
        const start = exported()
        const userTitles = new Map<string, string>()
        const userDates = new Map<string, string>()
        for (const c of userChanges) {
          if (c.title !== undefined) {
            const title = { ...get(c.measure).title, en: c.title }
            expect(service.call('measures.update', { id: c.measure, facts: { title } }).ok).toBe(true)
            userTitles.set(c.measure, c.title)
          }
          if (c.date !== undefined) {
            const event = get(c.measure).events[0]
            const recorded = service.call('events.record', { measureId: c.measure, event: { ...event, at: c.date } })
            // Recorded as the user's own event beside the dataset's (its own id).
            if (recorded.ok) userDates.set(`${c.measure}/${recorded.value.id}`, recorded.value.at)
          }
        }
        const file = structuredClone(embedded) as unknown as { dataset: { id: string; version: number }; measures: Measure[] }
        file.dataset = { ...file.dataset, version: file.dataset.version + 1 }
        for (const c of datasetChanges) {
          const measure = file.measures.find((m) => m.id === c.measure) as Measure
          if (c.title !== undefined) measure.title.en = `dataset ${c.title}`
          if (c.date !== undefined) (measure.events[0] as { at: string }).at = c.date
        }
        const beforeApply = exported()
        const applied = service.call('dataset.apply', { file })
        expect(applied.ok, applied.ok ? '' : applied.error.message).toBe(true)
        for (const [id, title] of userTitles) expect(get(id).title.en).toBe(title)
        for (const [key, at] of userDates) {
          const [id, eventId] = key.split('/')
          expect(get(id as string).events.find((e) => e.id === eventId)?.at).toBe(at)
        }
        expect(service.call('dataset.undo', {}).ok).toBe(true)
        expect(exported()).toBe(beforeApply)
        // Back to the seeded state for the next run: the user's edits undone by replacing with the start.
        const restore = service.call('exchange.import', {
          file: { format: 'measure-tracker', version: 3, measures: JSON.parse(start) },
          replace: true,
        })
        expect(restore.ok).toBe(true)
        expect(exported()).toBe(start)
      }),
      { numRuns: 25 },
    )
  })
})

describe('dataset.apply and what the exchange form does not carry', () => {
  it('keeps a note in the trash and a note’s earlier versions of a measure it updates', () => {
    const id = ids[0] as string
    const added = service.call('notes.add', { measureId: id, body: 'first', pinned: false })
    if (!added.ok) throw new Error(added.error.message)
    const noteId = added.value.id
    expect(service.call('notes.edit', { measureId: id, noteId, body: 'second' }).ok).toBe(true)
    expect(service.call('notes.remove', { measureId: id, noteId }).ok).toBe(true)
    const file = structuredClone(embedded) as unknown as { dataset: { id: string; version: number }; measures: Measure[] }
    file.dataset = { ...file.dataset, version: file.dataset.version + 1 }
    ;(file.measures.find((m) => m.id === id) as Measure).title.en = 'dataset retitled'
    expect(service.call('dataset.apply', { file }).ok).toBe(true)
    expect(get(id).title.en).toBe('dataset retitled')
    const history = service.call('notes.history', { measureId: id, noteId })
    expect(history.ok && history.value.map((r) => r.body)).toEqual(expect.arrayContaining(['first']))
    expect(service.call('notes.restore', { measureId: id, noteId }).ok).toBe(true)
    // The user changed the measure after the update: undo would take the restored note away, so it refuses.
    const undo = service.call('dataset.undo', {})
    expect(undo.ok ? '' : undo.error.message).toContain(`${id} changed since it was applied`)
    expect(get(id).title.en).toBe('dataset retitled')
  })
})
