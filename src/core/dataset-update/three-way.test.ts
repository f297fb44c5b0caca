import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mergeMeasure, sameJson, type Json } from './three-way.ts'

const event = (id: string, at: string, note = 'n'): Json => ({ id, kind: 'effective', at, note })

describe('three-way merge of a measure', () => {
  it('takes the dataset’s corrected date when the user left the event alone', () => {
    const base = { id: 'm', events: [event('e1', '2026-11-09T16:00Z')] }
    const next = { id: 'm', events: [event('e1', '2026-11-10T16:00Z')] }
    const r = mergeMeasure(base, next, base)
    expect(r.merged).toEqual(next)
    expect(r.changes).toEqual([
      { path: 'events[e1].at', kind: 'changed', base: '2026-11-09T16:00Z', next: '2026-11-10T16:00Z', local: '2026-11-09T16:00Z' },
    ])
    expect(r.conflicts).toEqual([])
  })

  it('keeps the user’s date in use and offers the dataset’s beside it when both changed it', () => {
    const base = { id: 'm', events: [event('e1', 'A')] }
    const next = { id: 'm', events: [event('e1', 'B')] }
    const local = { id: 'm', events: [event('e1', 'C')] }
    const r = mergeMeasure(base, next, local)
    expect(r.merged).toEqual(local)
    expect(r.conflicts).toEqual([{ path: 'events[e1].at', kind: 'conflict', base: 'A', next: 'B', local: 'C' }])
    expect(r.changes).toEqual([])
  })

  it('keeps the user’s own event and the user’s note while adding the dataset’s new event and title', () => {
    const base = { id: 'm', title: { en: 'Old' }, notes: '', events: [event('e1', 'A')] }
    const next = { id: 'm', title: { en: 'New' }, notes: '', events: [event('e1', 'A'), event('e2', 'B')] }
    const local = { id: 'm', title: { en: 'Old' }, notes: 'mine', events: [event('e1', 'A'), event('u1', 'U')] }
    const r = mergeMeasure(base, next, local)
    expect(r.merged).toEqual({
      id: 'm',
      title: { en: 'New' },
      notes: 'mine',
      events: [event('e1', 'A'), event('u1', 'U'), event('e2', 'B')],
    })
    expect(r.changes.map((c) => [c.path, c.kind])).toEqual([
      ['title.en', 'changed'],
      ['events[e2]', 'added'],
    ])
  })

  it('reports a measure only the new dataset has as added, and a removed one the user kept as a conflict', () => {
    const m = { id: 'new', title: { en: 'T' } }
    expect(mergeMeasure(undefined, m, undefined)).toEqual({
      merged: m,
      changes: [{ path: '', kind: 'added', base: undefined, next: m, local: undefined }],
      conflicts: [],
    })
    const edited = { id: 'old', title: { en: 'user' } }
    const r = mergeMeasure({ id: 'old', title: { en: 'T' } }, undefined, edited)
    expect(r.merged).toEqual(edited)
    expect(r.conflicts.map((c) => [c.path, c.next])).toEqual([['', undefined]])
  })

  it('treats a list without ids (tags) as one fact', () => {
    const r = mergeMeasure({ tags: ['a'] }, { tags: ['a', 'b'] }, { tags: ['a', 'c'] })
    expect(r.merged).toEqual({ tags: ['a', 'c'] })
    expect(r.conflicts.map((c) => c.path)).toEqual(['tags'])
  })
})

describe('three-way merge properties', () => {
  const value = fc.constantFrom<Json | undefined>(undefined, 'x', 'y', 'z', 1, null, ['t'])
  const record = fc.dictionary(fc.constantFrom('title', 'at', 'rate', 'notes'), value)
  const clean = (r: Record<string, Json | undefined>): Record<string, Json> =>
    Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as Record<string, Json>
  const sides = fc.tuple(record, record, record).map(([b, n, l]) => [clean(b), clean(n), clean(l)] as const)
  const keys = ['title', 'at', 'rate', 'notes']

  it('never loses a field the user changed, whatever the dataset did', () => {
    fc.assert(
      fc.property(sides, ([base, next, local]) => {
        const merged = mergeMeasure(base, next, local).merged as Record<string, Json>
        for (const k of keys) {
          if (!sameJson(local[k], base[k])) expect(sameJson(merged[k], local[k])).toBe(true)
        }
      }),
    )
  })

  it('takes the dataset’s value for a field the user left alone', () => {
    fc.assert(
      fc.property(sides, ([base, next, local]) => {
        const merged = mergeMeasure(base, next, local).merged as Record<string, Json>
        for (const k of keys) {
          if (sameJson(local[k], base[k])) expect(sameJson(merged[k], next[k])).toBe(true)
        }
      }),
    )
  })

  it('reports a conflict exactly where both sides changed a field differently', () => {
    fc.assert(
      fc.property(sides, ([base, next, local]) => {
        const { conflicts } = mergeMeasure(base, next, local)
        const expected = keys.filter((k) => !sameJson(local[k], base[k]) && !sameJson(next[k], base[k]) && !sameJson(next[k], local[k]))
        expect(conflicts.map((c) => c.path).sort()).toEqual(expected.sort())
      }),
    )
  })

  it('changes nothing when the dataset did not change', () => {
    fc.assert(
      fc.property(sides, ([base, , local]) => {
        const r = mergeMeasure(base, base, local)
        expect(r.merged).toEqual(local)
        expect(r.changes).toEqual([])
        expect(r.conflicts).toEqual([])
      }),
    )
  })
})
