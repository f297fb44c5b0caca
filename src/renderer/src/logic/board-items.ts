// The board's rows as one flat list for the virtualized table: group headings and measure rows
// (or counter-measure pair rows), each with a known height so no row needs measuring.
import type { MeasureSummary } from '../../../shared/api-views.ts'
import { STATUSES, type Status } from '../../../shared/domain.ts'
import type { GroupKey } from './board-filter.ts'
import { counterPairs } from './pairs.ts'

// Three short lines fit (title and subtitle; kind, your time and the legal time): dense enough for
// 8 rows at 1024×700, 12 at 1440×900 and 16 at 1920×1080 (e2e/expiry-board.spec.ts).
export const ROW_HEIGHT = 54
export const HEADING_HEIGHT = 36
/** A pair row stacks each side's measures; this is one of them. */
export const PAIR_ENTRY_HEIGHT = 60
const PAIR_PADDING = 12

export type BoardItem =
  | { type: 'status-heading'; key: string; status: Status; count: number }
  | { type: 'pairs-heading'; key: string; pairKey: string; left: string; right: string; count: number }
  | { type: 'unpaired-heading'; key: string; count: number }
  | { type: 'row'; key: string; row: MeasureSummary }
  /** A row whose window the service has not answered yet (logic/board-window.ts). */
  | { type: 'placeholder'; key: string }
  | { type: 'pair'; key: string; left: MeasureSummary[]; right: MeasureSummary[] }

export function itemHeight(item: BoardItem): number {
  switch (item.type) {
    case 'row':
    case 'placeholder':
      return ROW_HEIGHT
    case 'pair':
      return PAIR_PADDING + PAIR_ENTRY_HEIGHT * Math.max(item.left.length, item.right.length, 1)
    default:
      return HEADING_HEIGHT
  }
}

const asRows = (rows: readonly MeasureSummary[]): BoardItem[] => rows.map((row) => ({ type: 'row', key: row.id, row }))

export interface PairOptions {
  /** The reader's own region: their side goes on the left of counter-measure pairs. */
  home?: string
  swapped?: ReadonlySet<string>
}

/** `rows` are already filtered and sorted. */
export function boardItems(rows: readonly MeasureSummary[], group: GroupKey, pairOptions: PairOptions = {}): BoardItem[] {
  if (group === 'none') return asRows(rows)
  const items: BoardItem[] = []
  if (group === 'status') {
    const byStatus = new Map<Status, MeasureSummary[]>(STATUSES.map((status) => [status, []]))
    for (const row of rows) byStatus.get(row.status)?.push(row)
    for (const [status, members] of byStatus) {
      if (members.length === 0) continue
      items.push({ type: 'status-heading', key: `status:${status}`, status, count: members.length })
      items.push(...asRows(members))
    }
    return items
  }
  const pairs = counterPairs(rows, pairOptions.home, pairOptions.swapped)
  for (const pairGroup of pairs.groups) {
    items.push({
      type: 'pairs-heading',
      key: `pairs:${pairGroup.key}`,
      pairKey: pairGroup.key,
      left: pairGroup.left,
      right: pairGroup.right,
      count: pairGroup.rows.length,
    })
    for (const pair of pairGroup.rows) items.push({ type: 'pair', key: `pair:${pair.key}`, left: pair.left, right: pair.right })
  }
  if (pairs.unpaired.length > 0) {
    items.push({ type: 'unpaired-heading', key: 'unpaired', count: pairs.unpaired.length })
    items.push(...asRows(pairs.unpaired))
  }
  return items
}
