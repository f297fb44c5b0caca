import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { HEADING_HEIGHT, ROW_HEIGHT, boardItems } from './board-items.ts'
import { sizingOf, windowLayout, type ItemSizing } from './board-window.ts'
import { indexAt, offsetShowing, visibleRange, virtualItems } from './virtual-range.ts'
import { summary } from '../test/fixtures.ts'

/** Each item's start as the sum of the heights before it: what startAt must answer. */
function summedStarts(sizing: ItemSizing): number[] {
  const starts = [0]
  for (let index = 0; index < sizing.length; index++) starts.push(starts[index]! + sizing.heightAt(index))
  return starts
}

const statusCounts = fc.record({ in_force: fc.nat(40), suspended: fc.nat(40), lapsed: fc.nat(40) }, { requiredKeys: [] })

describe("the virtual list's places", () => {
  it('places every item of a windowed layout at the sum of the heights before it, and finds it there', () => {
    fc.assert(
      fc.property(statusCounts, fc.boolean(), (byStatus, grouped) => {
        const total = Object.values(byStatus).reduce((sum, count) => sum + count, 0)
        const layout = windowLayout(total, grouped ? byStatus : null)
        const starts = summedStarts(layout)
        expect(Array.from({ length: layout.length + 1 }, (_, index) => layout.startAt(index))).toEqual(starts)
        for (let index = 0; index < layout.length; index++) {
          expect(indexAt(layout, starts[index]!)).toBe(index)
          expect(indexAt(layout, starts[index + 1]! - 1)).toBe(index)
        }
      }),
    )
  })

  it('places the items of an array (short lists, pairs) the same way', () => {
    const items = boardItems(
      Array.from({ length: 7 }, (_, i) => summary(`m${i}`, { status: i < 3 ? 'in_force' : 'suspended' })),
      'status',
    )
    const sizing = sizingOf(items)
    expect(Array.from({ length: sizing.length + 1 }, (_, index) => sizing.startAt(index))).toEqual(summedStarts(sizing))
    expect(sizing.startAt(1)).toBe(HEADING_HEIGHT)
  })

  it('shows the items meeting the view and two more each side, at their places, whatever the length', () => {
    const layout = windowLayout(100_000, null)
    expect(visibleRange(layout, 0, 800, 2)).toEqual([0, Math.floor(800 / ROW_HEIGHT) + 2])
    const top = 50_000 * ROW_HEIGHT + 10
    expect(visibleRange(layout, top, 800, 2)).toEqual([49_998, 50_000 + Math.floor((10 + 800) / ROW_HEIGHT) + 2])
    expect(visibleRange(layout, 10 ** 9, 800, 2)).toEqual([99_997, 99_999])
    expect(visibleRange(windowLayout(0, null), 0, 800, 2)).toBeNull()
    expect(virtualItems(layout, 3, 4)).toEqual([
      { index: 3, key: 3, start: 3 * ROW_HEIGHT, size: ROW_HEIGHT },
      { index: 4, key: 4, start: 4 * ROW_HEIGHT, size: ROW_HEIGHT },
    ])
  })

  it('scrolls as little as brings an item fully into view', () => {
    const layout = windowLayout(1_000, null)
    const top = 100 * ROW_HEIGHT
    expect(offsetShowing(layout, 105, top, 800)).toBe(top)
    expect(offsetShowing(layout, 99, top, 800)).toBe(99 * ROW_HEIGHT)
    expect(offsetShowing(layout, 120, top, 800)).toBe(121 * ROW_HEIGHT - 800)
  })
})
