// The timeline's lanes in groups: by direction (imposer → target), category or status, or none.
// Inside a group lanes follow the measures' titles in the reader's language. Used by the app
// (following the board's grouping) and the report (by direction, as its tables go by party).
import { STATUSES, type Locale, type Status } from '../domain.ts'
import { localizedText } from '../localized.ts'
import type { LaneGroup } from './lanes.ts'
import type { ChartMeasureInfo } from './model.ts'
import { directionText } from './texts.ts'

export const TIMELINE_GROUPS = ['direction', 'category', 'status', 'none'] as const
export type TimelineGroup = (typeof TIMELINE_GROUPS)[number]

export type GroupedMeasure = Pick<ChartMeasureInfo, 'id' | 'title' | 'imposer' | 'target' | 'category' | 'status'>

const collators = new Map<string, Intl.Collator>()
function collator(locale: string): Intl.Collator {
  let found = collators.get(locale)
  if (!found) collators.set(locale, (found = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })))
  return found
}

export function laneGroups(
  measures: readonly GroupedMeasure[],
  group: TimelineGroup,
  locale: Locale,
  label: { category(key: string): string; status(key: string): string },
): LaneGroup[] {
  const compare = collator(locale)
  const titled = measures.map((m) => ({ m, title: localizedText(m.title, locale) }))
  titled.sort((a, b) => compare.compare(a.title, b.title) || (a.m.id < b.m.id ? -1 : 1))
  if (group === 'none') return [{ key: 'all', label: '', ids: titled.map((x) => x.m.id) }]
  const keyOf = (m: GroupedMeasure) => (group === 'direction' ? `${m.imposer}>${m.target}` : group === 'category' ? m.category : m.status)
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
  if (group === 'status') keys.sort((a, b) => STATUSES.indexOf(a as Status) - STATUSES.indexOf(b as Status))
  else keys.sort((a, b) => compare.compare((groups.get(a) as { label: string }).label, (groups.get(b) as { label: string }).label))
  return keys.map((key) => ({ key, ...(groups.get(key) as { label: string; ids: string[] }) }))
}
