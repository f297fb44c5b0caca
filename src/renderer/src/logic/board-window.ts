// The board's list as the service pages it (measures.page, issue 14): the page holds the rows of
// the windows it has asked for, and the virtual list reads items by index — headings where the
// status groups begin (their sizes come with the first answer's counts), rows where loaded, and a
// placeholder of the same height where a window is still on its way.
import type { MeasureSummary } from '../../../shared/api-views.ts'
import { STATUSES, type Status } from '../../../shared/domain.ts'
import { HEADING_HEIGHT, ROW_HEIGHT, itemHeight, type BoardItem } from './board-items.ts'

/** Rows per window the virtual list asks for. */
export const PAGE_SIZE = 100
/** Lists up to this long are loaded whole (so they print and pair as before); longer ones by window. */
export const LOAD_WHOLE_MAX = 2_000

/** What the virtual list reads: a length and an item by index (an array is one). */
export interface ItemSource {
  readonly length: number
  at(index: number): BoardItem | undefined
  /** Keys and heights without building items (the windowed list's layout); an array has none. */
  readonly sizing?: ItemSizing
}

/**
 * Where the virtual list places items: each item's key, height and start, read by index without
 * building items. One object serves every source over the same layout — a window's rows arriving
 * changes what is shown, not where — and a windowed layout answers `startAt` by arithmetic, so
 * nothing walks all 100,000 items (logic/virtual-range.ts).
 */
export interface ItemSizing {
  readonly length: number
  keyAt(index: number): string | number
  heightAt(index: number): number
  /** Offset of item `index` from the top of the list; `startAt(length)` is the list's height. */
  startAt(index: number): number
}

const arraySizing = new WeakMap<ItemSource, ItemSizing>()

/** The source's own sizing, or (an array of items) one read from its items, kept per array. */
export function sizingOf(items: ItemSource): ItemSizing {
  if (items.sizing) return items.sizing
  let sizing = arraySizing.get(items)
  if (sizing === undefined) {
    const heightAt = (index: number) => itemHeight(items.at(index)!)
    let starts: Float64Array | null = null
    sizing = {
      length: items.length,
      keyAt: (index) => items.at(index)!.key,
      heightAt,
      startAt(index) {
        // An array is a short list (or the pairs view): its offsets are summed once, when first asked.
        if (starts === null) {
          starts = new Float64Array(items.length + 1)
          for (let i = 0; i < items.length; i++) starts[i + 1] = starts[i]! + heightAt(i)
        }
        return starts[Math.max(0, Math.min(index, items.length))]!
      },
    }
    arraySizing.set(items, sizing)
  }
  return sizing
}

interface Section {
  status: Status | null
  /** Item index of the heading (status groups), or of the first row. */
  start: number
  /** Index of its first row in the service's order. */
  firstRow: number
  count: number
}

function sectionsOf(total: number, byStatus: Partial<Record<Status, number>> | null): Section[] {
  if (byStatus === null) return [{ status: null, start: 0, firstRow: 0, count: total }]
  const sections: Section[] = []
  let start = 0
  let firstRow = 0
  for (const status of STATUSES) {
    const count = byStatus[status] ?? 0
    if (count === 0) continue
    sections.push({ status, start, firstRow, count })
    start += count + 1
    firstRow += count
  }
  return sections
}

/** What sits at an item index: a heading, or the row at that place of the service's order. */
export type Slot = { kind: 'heading'; status: Status; count: number } | { kind: 'row'; rowIndex: number }

/** Where headings and rows sit; its sizing keys items by index (an item keeps its place while its window loads). */
export interface WindowLayout extends ItemSizing {
  /** Equal for layouts of the same shape: a reload that changes no count keeps the layout. */
  readonly signature: string
  slot(index: number): Slot | undefined
}

/** The item layout: rows only, or (grouped by status) a heading before each status's rows. */
export function windowLayout(total: number, byStatus: Partial<Record<Status, number>> | null): WindowLayout {
  const sections = sectionsOf(total, byStatus)
  const headingIndexes = byStatus === null ? [] : sections.map((section) => section.start)
  const headings = new Set(headingIndexes)
  const length = total + headings.size
  return {
    length,
    signature: `${total}:${sections.map((section) => `${section.status}=${section.count}`).join(',')}`,
    keyAt: (index) => index,
    heightAt: (index) => (headings.has(index) ? HEADING_HEIGHT : ROW_HEIGHT),
    startAt(index) {
      const before = Math.max(0, Math.min(index, length))
      const headingsBefore = headingIndexes.filter((start) => start < before).length
      return before * ROW_HEIGHT + headingsBefore * (HEADING_HEIGHT - ROW_HEIGHT)
    },
    slot(index) {
      for (let i = sections.length - 1; i >= 0; i--) {
        const section = sections[i]!
        if (index < section.start) continue
        if (section.status !== null && index === section.start) return { kind: 'heading', status: section.status, count: section.count }
        const offset = index - section.start - (section.status === null ? 0 : 1)
        return offset < section.count ? { kind: 'row', rowIndex: section.firstRow + offset } : undefined
      }
      return undefined
    },
  }
}

/** Items over the layout, rows read from the loaded windows (`rowAt`), placeholders where not loaded yet. */
export function windowItems(layout: WindowLayout, rowAt: (rowIndex: number) => MeasureSummary | undefined): ItemSource {
  return {
    length: layout.length,
    sizing: layout,
    at(index) {
      const slot = layout.slot(index)
      if (slot === undefined) return undefined
      if (slot.kind === 'heading') return { type: 'status-heading', key: `status:${slot.status}`, status: slot.status, count: slot.count }
      const row = rowAt(slot.rowIndex)
      return row ? { type: 'row', key: row.id, row } : { type: 'placeholder', key: `slot:${slot.rowIndex}` }
    },
  }
}

/** The windows (page numbers) holding the rows of items `first`…`last`. */
export function pagesFor(layout: WindowLayout, first: number, last: number): number[] {
  const pages = new Set<number>()
  for (let index = Math.max(0, first); index <= last && index < layout.length; index++) {
    const slot = layout.slot(index)
    if (slot?.kind === 'row') pages.add(Math.floor(slot.rowIndex / PAGE_SIZE))
  }
  return [...pages]
}
