import { describe, expect, it } from 'vitest'
import { diffDatasets } from './dataset-diff.ts'

describe('dataset diff for the update review', () => {
  const a = { id: 'a', title: 'A', events: [{ id: 'e', at: '2026-11-09' }] }
  const base = [a, { id: 'b', title: 'B' }]

  it('lists a new measure, a corrected date and a conflict with the user’s edit, and nothing untouched', () => {
    const next = [
      { id: 'a', title: 'A', events: [{ id: 'e', at: '2026-11-10' }] },
      { id: 'b', title: 'B (dataset)' },
      { id: 'c', title: 'C' },
    ]
    const local = [a, { id: 'b', title: 'B (mine)' }, { id: 'u', title: 'user only' }]
    const updates = diffDatasets(base, next, local)
    expect(updates.map((u) => [u.id, u.kind, u.changes.map((c) => c.path), u.conflicts.map((c) => c.path)])).toEqual([
      ['a', 'changed', ['events[e].at'], []],
      ['b', 'changed', [], ['title']],
      ['c', 'new', [''], []],
    ])
    expect(updates[1]?.merged).toEqual({ id: 'b', title: 'B (mine)' })
  })

  it('offers no update when the new dataset equals the base', () => {
    expect(diffDatasets(base, base, [{ id: 'a', title: 'edited' }])).toEqual([])
  })

  it('offers removing a measure the dataset dropped and the user never touched', () => {
    const updates = diffDatasets(base, [a], base)
    expect(updates.map((u) => [u.id, u.kind, u.merged])).toEqual([['b', 'removed', undefined]])
  })
})
