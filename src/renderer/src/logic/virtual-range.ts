// Which items of the board's virtual list are in view, from the scroll offset and the items'
// starts (logic/board-window.ts ItemSizing.startAt) — a binary search, so a list of 100,000 items
// costs what a list of 30 does: nothing is measured or built per item outside the view.
import type { ItemSizing } from './board-window.ts'

export interface VirtualItem {
  index: number
  key: string | number
  start: number
  size: number
}

/** The index of the item at `offset` (the last one whose start is at or above it). */
export function indexAt(sizing: ItemSizing, offset: number): number {
  let low = 0
  let high = sizing.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (sizing.startAt(middle) <= offset) low = middle
    else high = middle - 1
  }
  return low
}

/** First and last index of the items meeting `top`…`top + height`, `overscan` more on each side; null for no items. */
export function visibleRange(sizing: ItemSizing, top: number, height: number, overscan: number): [number, number] | null {
  if (sizing.length === 0) return null
  const first = Math.max(0, indexAt(sizing, Math.max(0, top)) - overscan)
  const last = Math.min(sizing.length - 1, indexAt(sizing, Math.max(0, top + height)) + overscan)
  return [first, last]
}

/** The items first…last with their places. */
export function virtualItems(sizing: ItemSizing, first: number, last: number): VirtualItem[] {
  const items: VirtualItem[] = []
  for (let index = first; index <= last; index++)
    items.push({ index, key: sizing.keyAt(index), start: sizing.startAt(index), size: sizing.heightAt(index) })
  return items
}

/** The scroll offset that brings item `index` fully into a view of `height` at `top`, moving as little as possible. */
export function offsetShowing(sizing: ItemSizing, index: number, top: number, height: number): number {
  const start = sizing.startAt(index)
  const end = start + sizing.heightAt(index)
  if (start < top) return start
  if (end > top + height) return end - height
  return top
}
