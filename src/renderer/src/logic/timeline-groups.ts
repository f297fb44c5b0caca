// The timeline's lanes in groups, as the board groups its rows where that makes sense for a time
// chart: by direction (the board's counter-measure pairs), by category, by status, or none.
// Inside a group, lanes follow the measures' titles in the reader's language.
import type { ChartMeasureInfo } from '../../../shared/charts/model.ts'
import type { LaneGroup } from '../../../shared/charts/lanes.ts'
import { STATUSES, type Locale } from '../../../shared/domain.ts'
import { localizedText } from '../../../shared/localized.ts'
import { directionText } from '../../../shared/charts/texts.ts'
import type { GroupKey } from './board-filter.ts'
import { collator } from './parties.ts'

export const TIMELINE_GROUPS = ['direction', 'category', 'status', 'none'] as const
export type TimelineGroup = (typeof TIMELINE_GROUPS)[number]

/** The board's grouping as the timeline's: counter-measure pairs read as directions. */
export function timelineGroupOf(board: GroupKey): TimelineGroup {
  return board === 'pairs' ? 'direction' : board === 'status' ? 'status' : 'none'
}

export function laneGroups(
  measures: readonly ChartMeasureInfo[],
  group: TimelineGroup,
  locale: Locale,
  label: { category(key: string): string; status(key: string): string },
): LaneGroup[] {
  const compare = collator(locale)
  const titled = measures.map((m) => ({ m, title: localizedText(m.title, locale) }))
  titled.sort((a, b) => compare.compare(a.title, b.title) || (a.m.id < b.m.id ? -1 : 1))
  if (group === 'none') return [{ key: 'all', label: '', ids: titled.map((x) => x.m.id) }]
  const keyOf = (m: ChartMeasureInfo) => (group === 'direction' ? `${m.imposer}>${m.target}` : group === 'category' ? m.category : m.status)
  const groups = new Map<string, { label: string; ids: string[] }>()
  for (const { m } of titled) {
    const key = keyOf(m)
    let entry = groups.get(key)
    if (!entry) {
      const text =
        group === 'direction' ? directionText(m.imposer, m.target, locale) : group === 'category' ? label.category(key) : label.status(key)
      groups.set(key, (entry = { label: text, ids: [] }))
    }
    entry.ids.push(m.id)
  }
  const keys = [...groups.keys()]
  if (group === 'status') keys.sort((a, b) => STATUSES.indexOf(a as never) - STATUSES.indexOf(b as never))
  else keys.sort((a, b) => compare.compare((groups.get(a) as { label: string }).label, (groups.get(b) as { label: string }).label))
  return keys.map((key) => ({ key, ...(groups.get(key) as { label: string; ids: string[] }) }))
}
