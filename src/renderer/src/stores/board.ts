// The board's data: every measure's summary at the shown instant, loaded in one call. The rows
// sit in a shallowRef (10,000 plain objects, never made deeply reactive); what the board shows
// is derived from them in composables/useBoardRows.ts.
import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef, watch } from 'vue'
import type { MeasureSummary } from '../../../shared/api.ts'
import type { ApiError } from '../../../shared/result.ts'
import { useClient } from '../api/client.ts'
import { emptyFilter, type GroupKey, type SortKey } from '../logic/board-filter.ts'
import { useClockStore } from './clock.ts'
import { replaceMark } from '../logic/perf-mark.ts'

export const useBoardStore = defineStore('board', () => {
  const clock = useClockStore()
  const rows = shallowRef<readonly MeasureSummary[]>([])
  const loaded = ref(false)
  const loading = ref(false)
  const error = ref<ApiError | null>(null)

  const filter = reactive(emptyFilter())
  const sort = ref<SortKey>('next')
  const group = ref<GroupKey>('none')
  /** Counter-measure pair groups (by party-pair key) whose columns the reader swapped. */
  const swappedPairs = ref<ReadonlySet<string>>(new Set())

  function swapPair(key: string): void {
    const next = new Set(swappedPairs.value)
    if (!next.delete(key)) next.add(key)
    swappedPairs.value = next
  }

  let sequence = 0

  async function load(): Promise<void> {
    const mine = ++sequence
    loading.value = true
    const result = await useClient().call('measures.list', { at: clock.asOf ?? undefined, filter: {}, sort: 'next' })
    // A later load (as-of changed, data changed) supersedes this one.
    if (mine !== sequence) return
    loading.value = false
    if (result.ok) {
      // The benchmark measures first render from here to the 'mt:board-painted' mark (BoardTable).
      replaceMark('mt:board-data')
      rows.value = Object.freeze(result.value)
      error.value = null
      loaded.value = true
    } else error.value = result.error
  }

  function ensureLoaded(): Promise<void> {
    return loaded.value || loading.value ? Promise.resolve() : load()
  }

  const byId = computed(() => new Map(rows.value.map((row) => [row.id, row])))

  /** The soonest scheduled transition: when now passes it, statuses change, so reload then. */
  const nextChangeMs = computed(() => {
    let soonest = Infinity
    for (const row of rows.value) if (row.next && row.next.atMs < soonest) soonest = row.next.atMs
    return soonest
  })

  // Keyed by the deadline, so each passed deadline reloads once (not on every tick).
  watch(
    () => (clock.asOf === null && loaded.value && clock.now >= nextChangeMs.value ? nextChangeMs.value : 0),
    (due) => {
      if (due) void load()
    },
  )

  function resetFilter(): void {
    Object.assign(filter, emptyFilter())
  }

  return { rows, loaded, loading, error, filter, sort, group, swappedPairs, swapPair, byId, load, ensureLoaded, resetFilter }
})
