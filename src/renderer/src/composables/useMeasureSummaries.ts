// The board rows of the measures a view names (a measure's links, Upcoming's rows), and only those:
// measures.page by ids at the shown instant (issue 14: no view needs every measure in the page).
// Asked again when the names, the as-of instant or the data (stores/refresh.ts) change.
import { computed, watch } from 'vue'
import { PAGE_LIMIT_MAX } from '../../../shared/api-inputs.ts'
import type { MeasureSummary } from '../../../shared/api-views.ts'
import { useClockStore } from '../stores/clock.ts'
import { useRefreshStore } from '../stores/refresh.ts'
import { useServiceQuery } from './useServiceQuery.ts'

export function useMeasureSummaries(ids: () => readonly string[]) {
  const clock = useClockStore()
  const refresh = useRefreshStore()
  const named = computed(() => [...new Set(ids())].slice(0, PAGE_LIMIT_MAX))
  const query = useServiceQuery('measures.page', () => ({ at: clock.asOf ?? undefined, ids: named.value, limit: PAGE_LIMIT_MAX }))
  watch(
    [() => named.value.join('\n'), () => clock.asOf, () => refresh.version],
    ([key]) => {
      if (key) query.refresh()
    },
    { immediate: true },
  )
  return computed(() => new Map<string, MeasureSummary>((query.data.value?.rows ?? []).map((row) => [row.id, row])))
}
