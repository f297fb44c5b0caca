import { describe, expect, it } from 'vitest'
import { emptyFilter } from './board-filter.ts'
import { deleteView, renameView, saveView, savedViewsFrom, viewStateFrom } from './board-views.ts'

const cnExport = {
  filter: { ...emptyFilter(), imposer: 'CN', category: 'export_control' as const },
  sort: 'next' as const,
  group: 'none' as const,
}
let n = 0
const id = () => `v${++n}`

describe('saved board views', () => {
  it('saves, replaces by name (any case) in place, renames and deletes', () => {
    let views = saveView([], '  CN   export controls ', cnExport, id)
    expect(views).toEqual([{ id: 'v1', name: 'CN export controls', ...cnExport }])
    views = saveView(views, 'Due in 90 days', { ...cnExport, filter: emptyFilter() }, id)
    views = saveView(views, 'cn export controls', { ...cnExport, sort: 'title' }, id)
    expect(views.map((v) => [v.id, v.name, v.sort])).toEqual([
      ['v1', 'cn export controls', 'title'],
      ['v2', 'Due in 90 days', 'next'],
    ])
    // A name another view has, or none, is refused.
    expect(renameView(views, 'v2', 'CN EXPORT CONTROLS')).toEqual(views)
    expect(renameView(views, 'v2', '   ')).toEqual(views)
    expect(renameView(views, 'v2', 'Due soon').map((v) => v.name)).toEqual(['cn export controls', 'Due soon'])
    expect(deleteView(views, 'v1').map((v) => v.id)).toEqual(['v2'])
    expect(saveView(views, '', cnExport, id)).toEqual(views)
  })

  it('a saved view is a copy: changing the board later does not change it', () => {
    const filter = { ...emptyFilter(), tag: 'truce' }
    const views = saveView([], 'Truce', { filter, sort: 'next', group: 'none' }, id)
    filter.tag = 'other'
    expect(views[0]!.filter.tag).toBe('truce')
  })

  it('reads back whatever storage holds, dropping what is not a view and resetting bad values', () => {
    expect(savedViewsFrom(null)).toEqual([])
    expect(savedViewsFrom('not json')).toEqual([])
    expect(savedViewsFrom('{"a":1}')).toEqual([])
    const views = savedViewsFrom(
      JSON.stringify([
        { id: 'a', name: 'Good', filter: { imposer: 'CN', status: 'partly_suspended', needsReview: true }, sort: 'title', group: 'status' },
        { id: 'b', name: 'Bad values', filter: { category: 'nonsense', needsReview: 'yes', text: 5 }, sort: 'nope', group: 7 },
        { id: 'a', name: 'Duplicate id' },
        { name: 'No id' },
        { id: 'c', name: '   ' },
      ]),
    )
    expect(views.map((v) => v.name)).toEqual(['Good', 'Bad values'])
    expect(views[0]).toMatchObject({
      sort: 'title',
      group: 'status',
      filter: { imposer: 'CN', status: 'partly_suspended', needsReview: true, target: '' },
    })
    expect(views[1]).toMatchObject({ sort: 'next', group: 'none', filter: emptyFilter() })
    expect(viewStateFrom(undefined)).toEqual({ filter: emptyFilter(), sort: 'next', group: 'none' })
  })
})
