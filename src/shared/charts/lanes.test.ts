import { describe, expect, it } from 'vitest'
import { GROUP_HEIGHT, LANE_HEIGHT, groupBy, laneLayout, visibleRows } from './lanes.ts'
import { clampView, panView, zoomView } from './scale.ts'
import { el, svgString } from './svg.ts'

describe('lane layout', () => {
  it('puts a heading above each labelled group and stacks lanes at a fixed height', () => {
    const layout = laneLayout([
      { key: 'US>CN', label: 'US → CN', ids: ['a', 'b'] },
      { key: 'empty', label: 'nothing', ids: [] },
      { key: 'CN>US', label: 'CN → US', ids: ['c'] },
    ])
    expect(layout.rows.map((r) => [r.type, r.key, r.y])).toEqual([
      ['group', 'group:US>CN', 0],
      ['lane', 'a', GROUP_HEIGHT],
      ['lane', 'b', GROUP_HEIGHT + LANE_HEIGHT],
      ['group', 'group:CN>US', GROUP_HEIGHT + 2 * LANE_HEIGHT],
      ['lane', 'c', 2 * GROUP_HEIGHT + 2 * LANE_HEIGHT],
    ])
    expect(layout.height).toBe(2 * GROUP_HEIGHT + 3 * LANE_HEIGHT)
  })

  it('leaves out the heading of an unlabelled group (no grouping)', () => {
    expect(laneLayout([{ key: 'all', label: '', ids: ['a'] }]).rows).toEqual([
      { type: 'lane', key: 'a', id: 'a', y: 0, height: LANE_HEIGHT },
    ])
  })

  it('groups in order of first appearance, keeping the items’ order inside a group', () => {
    const items = [
      { id: 'a', k: 'x' },
      { id: 'b', k: 'y' },
      { id: 'c', k: 'x' },
    ]
    expect(
      groupBy(
        items,
        (i) => i.k,
        (i) => i.id,
      ),
    ).toEqual([
      { key: 'x', ids: ['a', 'c'] },
      { key: 'y', ids: ['b'] },
    ])
  })

  it('finds the window of 10,000 lanes by arithmetic: only rows meeting it, plus the overscan', () => {
    const layout = laneLayout([{ key: 'all', label: '', ids: Array.from({ length: 10_000 }, (_, i) => `m${i}`) }])
    const rows = visibleRows(layout, 5000 * LANE_HEIGHT + 3, 10 * LANE_HEIGHT, 2)
    expect(rows[0]!.key).toBe('m4998')
    expect(rows.at(-1)!.key).toBe('m5012')
    expect(visibleRows(layout, 0, 3 * LANE_HEIGHT, 0).map((r) => r.key)).toEqual(['m0', 'm1', 'm2'])
  })
})

describe('view range', () => {
  const data = { fromMs: 0, toMs: 1000 * 86_400_000 }
  it('zooms about the anchor instant, which stays where it was', () => {
    const view = zoomView(data, 0.5, 400 * 86_400_000, data)
    expect(view).toEqual({ fromMs: 200 * 86_400_000, toMs: 700 * 86_400_000 })
  })
  it('pans by a fraction of the view and never beyond the data plus half its span either side', () => {
    const view = { fromMs: 0, toMs: 100 * 86_400_000 }
    expect(panView(view, 0.25, data)).toEqual({ fromMs: 25 * 86_400_000, toMs: 125 * 86_400_000 })
    expect(panView(view, -100, data).fromMs).toBe(-500 * 86_400_000)
    expect(clampView({ fromMs: 0, toMs: 1 }, data).toMs).toBe(6 * 3_600_000)
  })
})

describe('svg tree', () => {
  it('escapes text and attributes, so data can never add markup', () => {
    const node = el('g', { 'aria-label': '"><script>' }, [el('text', {}, ['<b>&</b>']), null])
    expect(svgString(node)).toBe('<g aria-label="&quot;&gt;&lt;script&gt;"><text>&lt;b&gt;&amp;&lt;/b&gt;</text></g>')
  })
})
