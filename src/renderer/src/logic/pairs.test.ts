import { describe, expect, it } from 'vitest'
import { counterPairs } from './pairs.ts'
import { summary } from '../test/fixtures.ts'

describe('counterPairs', () => {
  it('puts linked measures side by side, one column per imposing party, keeping the sort order', () => {
    const rows = [
      summary('cn-ports', { imposer: 'CN', target: 'US', counter: ['us-ships'] }),
      summary('us-ships', { counter: ['cn-ports', 'cn-hanwha'] }),
      summary('lonely'),
      summary('cn-hanwha', { imposer: 'CN', target: 'US' }),
    ]
    const { groups, unpaired } = counterPairs(rows)
    expect(groups).toHaveLength(1)
    // US lists two counter-measures, China one: the originating side (US) goes left.
    expect(groups[0]).toMatchObject({ left: 'US', right: 'CN' })
    expect(groups[0]!.rows.map((r) => [r.left.map((m) => m.id), r.right.map((m) => m.id)])).toEqual([
      [['us-ships'], ['cn-ports', 'cn-hanwha']],
    ])
    expect(unpaired.map((m) => m.id)).toEqual(['lonely'])
  })

  it('ignores related links and links to measures filtered out', () => {
    const rows = [
      summary('a', { links: [{ targetId: 'b', relation: 'related' }] }),
      summary('b', { imposer: 'CN' }),
      summary('c', { counter: ['gone'] }),
    ]
    expect(counterPairs(rows).groups).toEqual([])
    expect(counterPairs(rows).unpaired.map((m) => m.id)).toEqual(['a', 'b', 'c'])
  })

  it("orders sides by party code when links are symmetric, the reader's own side first, or as swapped", () => {
    const rows = [summary('us', { counter: ['cn'] }), summary('cn', { imposer: 'CN', target: 'US', counter: ['us'] })]
    expect(counterPairs(rows).groups[0]).toMatchObject({ left: 'CN', right: 'US' })
    expect(counterPairs(rows, 'US').groups[0]).toMatchObject({ left: 'US', right: 'CN' })
    expect(counterPairs(rows, 'GB').groups[0]).toMatchObject({ left: 'CN', right: 'US' })
    expect(counterPairs(rows, 'US', new Set(['CN|US'])).groups[0]).toMatchObject({ left: 'CN', right: 'US' })
    expect(counterPairs(rows, 'US').groups[0]!.rows[0]).toMatchObject({ left: [{ id: 'us' }], right: [{ id: 'cn' }] })
  })
})
