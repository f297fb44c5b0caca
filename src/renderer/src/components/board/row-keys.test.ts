import { describe, expect, it } from 'vitest'
import { rowElementKeys } from './row-keys.ts'

const view = (first: number, itemKeys: string[]) => itemKeys.map((itemKey, at) => ({ index: first + at, itemKey }))

describe('the board rows’ element keys', () => {
  it('keys elements by place in the view, so a new answer reuses them', () => {
    expect(rowElementKeys(view(0, ['a', 'b', 'c']), null)).toEqual(['s0', 's1', 's2'])
    expect(rowElementKeys(view(0, ['x', 'y', 'z']), null)).toEqual(['s0', 's1', 's2'])
    expect(rowElementKeys(view(40, ['p', 'q']), null)).toEqual(['s40', 's41'])
  })

  it('leaves the keys as they were when a row is pinned (focused): its element is not replaced', () => {
    expect(rowElementKeys(view(0, ['a', 'b', 'c']), { itemKey: 'b', elementKey: 's1' })).toEqual(['s0', 's1', 's2'])
  })

  it('moves the pinned element with its item, the place it left taking the item’s place key', () => {
    expect(rowElementKeys(view(0, ['c', 'a', 'd', 'b']), { itemKey: 'b', elementKey: 's1' })).toEqual(['s0', 's3', 's2', 's1'])
    // Focusing the row that took the swapped key pins that element without changing a key.
    expect(rowElementKeys(view(0, ['c', 'a', 'd', 'b']), { itemKey: 'a', elementKey: 's3' })).toEqual(['s0', 's3', 's2', 's1'])
  })

  it('drops the pinned element when its item leaves the view: its place gets a key of its own', () => {
    const keys = rowElementKeys(view(0, ['c', 'a', 'd']), { itemKey: 'b', elementKey: 's1' })
    expect(keys).toEqual(['s0', 'x1', 's2'])
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('keeps the pinned element for its item when its place has scrolled out of view', () => {
    expect(rowElementKeys(view(10, ['e', 'b', 'f']), { itemKey: 'b', elementKey: 's1' })).toEqual(['s10', 's1', 's12'])
    expect(rowElementKeys(view(10, ['e', 'g', 'f']), { itemKey: 'g', elementKey: 'x1' })).toEqual(['s10', 'x1', 's12'])
  })
})
