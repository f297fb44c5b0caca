import { describe, expect, it } from 'vitest'
import { HEADING_HEIGHT, ROW_HEIGHT, boardItems } from './board-items.ts'
import { pagesFor, sizingOf, windowItems, windowLayout } from './board-window.ts'
import { summary } from '../test/fixtures.ts'

const all = (length: number, read: (index: number) => unknown) => Array.from({ length }, (_, index) => read(index))

describe('the windowed list', () => {
  it('places a heading before each status group and its rows after it, in the service order', () => {
    const layout = windowLayout(5, { in_force: 2, suspended: 3 })
    expect(all(layout.length + 1, (index) => layout.slot(index))).toEqual([
      { kind: 'heading', status: 'in_force', count: 2 },
      { kind: 'row', rowIndex: 0 },
      { kind: 'row', rowIndex: 1 },
      { kind: 'heading', status: 'suspended', count: 3 },
      { kind: 'row', rowIndex: 2 },
      { kind: 'row', rowIndex: 3 },
      { kind: 'row', rowIndex: 4 },
      undefined,
    ])
    expect(all(layout.length, (index) => layout.heightAt(index))).toEqual([
      HEADING_HEIGHT,
      ROW_HEIGHT,
      ROW_HEIGHT,
      HEADING_HEIGHT,
      ROW_HEIGHT,
      ROW_HEIGHT,
      ROW_HEIGHT,
    ])
    expect(pagesFor(layout, 0, 6)).toEqual([0])
  })

  it('measures the same whether a window is loaded or not: only what is shown changes', () => {
    const layout = windowLayout(250, null)
    const row = summary('m-1')
    const empty = windowItems(layout, () => undefined)
    const loaded = windowItems(layout, (rowIndex) => (rowIndex === 120 ? row : undefined))
    expect(loaded.sizing).toBe(empty.sizing)
    expect(empty.at(120)).toEqual({ type: 'placeholder', key: 'slot:120' })
    expect(loaded.at(120)).toEqual({ type: 'row', key: 'm-1', row })
    expect(new Set(all(layout.length, (index) => layout.keyAt(index))).size).toBe(250)
    expect(pagesFor(layout, 95, 205)).toEqual([0, 1, 2])
  })

  it('gives layouts of the same counts the same signature, and different counts different ones', () => {
    expect(windowLayout(7, { in_force: 3, suspended: 4 }).signature).toBe(windowLayout(7, { in_force: 3, suspended: 4 }).signature)
    const signatures = [
      windowLayout(7, { in_force: 3, suspended: 4 }),
      windowLayout(7, { in_force: 4, suspended: 3 }),
      windowLayout(7, null),
      windowLayout(8, null),
    ].map((layout) => layout.signature)
    expect(new Set(signatures).size).toBe(4)
  })

  it('measures an array of items by its items, once per array', () => {
    const items = boardItems([summary('a', { status: 'in_force' }), summary('b', { status: 'suspended' })], 'status')
    const sizing = sizingOf(items)
    expect(sizingOf(items)).toBe(sizing)
    expect(all(sizing.length, (index) => sizing.keyAt(index))).toEqual(['status:in_force', 'a', 'status:suspended', 'b'])
    expect(all(sizing.length, (index) => sizing.heightAt(index))).toEqual([HEADING_HEIGHT, ROW_HEIGHT, HEADING_HEIGHT, ROW_HEIGHT])
  })
})
