// The board's grouping as the timeline's (shared/charts/lane-groups.ts groups the lanes):
// counter-measure pairs read as directions.
import type { TimelineGroup } from '../../../shared/charts/lane-groups.ts'
import type { GroupKey } from './board-filter.ts'

export function timelineGroupOf(board: GroupKey): TimelineGroup {
  return board === 'pairs' ? 'direction' : board === 'status' ? 'status' : 'none'
}
