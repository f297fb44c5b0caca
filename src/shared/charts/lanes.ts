// The timeline's vertical layout: group headings and one lane per measure, each of a fixed
// height, so the visible window of 10,000 lanes is found by arithmetic, never by measuring.
export const LANE_HEIGHT = 30
export const GROUP_HEIGHT = 26

export type LaneRow =
  | { type: 'group'; key: string; label: string; count: number; y: number; height: number }
  | { type: 'lane'; key: string; id: string; y: number; height: number }

export interface LaneGroup {
  key: string
  label: string
  ids: readonly string[]
}

export interface LaneLayout {
  rows: LaneRow[]
  height: number
}

/** Rows top to bottom; a group's heading is left out when there is a single group without a label. */
export function laneLayout(groups: readonly LaneGroup[]): LaneLayout {
  const rows: LaneRow[] = []
  let y = 0
  for (const group of groups) {
    if (group.ids.length === 0) continue
    if (group.label !== '') {
      rows.push({ type: 'group', key: `group:${group.key}`, label: group.label, count: group.ids.length, y, height: GROUP_HEIGHT })
      y += GROUP_HEIGHT
    }
    for (const id of group.ids) {
      rows.push({ type: 'lane', key: id, id, y, height: LANE_HEIGHT })
      y += LANE_HEIGHT
    }
  }
  return { rows, height: y }
}

/** Groups items in their given order by a key; groups in order of first appearance unless sorted by `order`. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string, idOf: (item: T) => string): { key: string; ids: string[] }[] {
  const groups = new Map<string, string[]>()
  for (const item of items) {
    const key = keyOf(item)
    let ids = groups.get(key)
    if (!ids) groups.set(key, (ids = []))
    ids.push(idOf(item))
  }
  return [...groups].map(([key, ids]) => ({ key, ids }))
}

/** The rows that meet the window [top, top + height), with `overscan` rows either side. */
export function visibleRows(layout: LaneLayout, top: number, height: number, overscan = 4): LaneRow[] {
  const rows = layout.rows
  let low = 0
  let high = rows.length - 1
  let first = rows.length
  while (low <= high) {
    const middle = (low + high) >> 1
    const row = rows[middle] as LaneRow
    if (row.y + row.height > top) {
      first = middle
      high = middle - 1
    } else low = middle + 1
  }
  const start = Math.max(0, first - overscan)
  let end = first
  while (end < rows.length && (rows[end] as LaneRow).y < top + height) end++
  return rows.slice(start, Math.min(rows.length, end + overscan))
}
