// The board's view state (filters, sort, grouping, saved views) and data. The board itself reads
// the service's windows (composables/useBoardWindow.ts, measures.page: issue 14), reloading them
// when `revision` moves; no view needs every row any more (Upcoming, a measure's links and the
// outcome dialog's replacement picker ask measures.page too). `rows` — every measure's summary in
// one measures.list call, frozen in a shallowRef — loads only when `load()` is called with no board
// window shown, and reloads once loaded.
import { defineStore } from 'pinia'
import { computed, reactive, ref, watch } from 'vue'
import type { MeasureSummary } from '../../../shared/api-views.ts'
import { useServiceQuery } from '../composables/useServiceQuery.ts'
import { emptyFilter, type GroupKey, type SortKey } from '../logic/board-filter.ts'
import {
  LAST_VIEW_KEY,
  SAVED_VIEWS_KEY,
  deleteView,
  renameView,
  saveView,
  savedViewsFrom,
  viewNamed,
  viewStateFrom,
  type BoardViewState,
  type SavedView,
} from '../logic/board-views.ts'
import { browserSessionStorage, browserStorage } from '../logic/storage.ts'
import { useClockStore } from './clock.ts'
import { replaceMark } from '../logic/perf-mark.ts'

function readJson(json: string | null): unknown {
  try {
    return json === null ? null : JSON.parse(json)
  } catch {
    return null
  }
}

const NO_ROWS: readonly MeasureSummary[] = Object.freeze([])

export const useBoardStore = defineStore('board', () => {
  const clock = useClockStore()
  const list = useServiceQuery('measures.list', () => ({ at: clock.asOf ?? undefined, filter: {}, sort: 'next' }), {
    map: (value): readonly MeasureSummary[] => Object.freeze(value),
    // The benchmark measures first render from here to the 'mt:board-painted' mark (BoardTable).
    onAnswer: (result) => {
      if (result.ok) replaceMark('mt:board-data')
    },
  })
  const rows = computed(() => list.data.value ?? NO_ROWS)
  const { loading, error } = list
  /** The board's windowed list has answered (set by useBoardWindow). */
  const windowLoaded = ref(false)
  /** Moves on every refresh: the board's windows load again. */
  const revision = ref(0)
  const loaded = computed(() => list.loaded.value || windowLoaded.value)

  // The board opens on this window's last view (sessionStorage: each window remembers its own).
  const last = viewStateFrom(readJson(browserSessionStorage()?.getItem(LAST_VIEW_KEY) ?? null))
  const filter = reactive(last.filter)
  const sort = ref<SortKey>(last.sort)
  const group = ref<GroupKey>(last.group)
  /** As of a past instant: list measures not public yet (greyed) instead of leaving them out. */
  const showNotYetPublic = ref(false)

  function viewState(): BoardViewState {
    return { filter: { ...filter }, sort: sort.value, group: group.value }
  }
  watch([() => ({ ...filter }), sort, group], () => {
    try {
      browserSessionStorage()?.setItem(LAST_VIEW_KEY, JSON.stringify(viewState()))
    } catch {
      // Storage full or refused: the view is simply not remembered.
    }
  })

  // Named views, shared by every window (localStorage), listed in the navigation.
  const savedViews = ref<readonly SavedView[]>(savedViewsFrom(browserStorage()?.getItem(SAVED_VIEWS_KEY) ?? null))
  function persistViews(views: readonly SavedView[]): void {
    savedViews.value = views
    try {
      browserStorage()?.setItem(SAVED_VIEWS_KEY, JSON.stringify(views))
    } catch {
      // Kept for this session only.
    }
  }
  // Another window saved or deleted a view.
  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key === SAVED_VIEWS_KEY) savedViews.value = savedViewsFrom(event.newValue)
    })
  }
  const newId = () => `v${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`
  /** Saves the current view under `name` (replacing a view of that name); returns its id. */
  function saveCurrentView(name: string): string | undefined {
    const views = saveView(savedViews.value, name, viewState(), newId)
    persistViews(views)
    return viewNamed(views, name)?.id
  }
  function renameSavedView(id: string, name: string): void {
    persistViews(renameView(savedViews.value, id, name))
  }
  function deleteSavedView(id: string): void {
    persistViews(deleteView(savedViews.value, id))
  }
  function applyView(state: BoardViewState): void {
    Object.assign(filter, emptyFilter(), state.filter)
    sort.value = state.sort
    group.value = state.group
  }
  /** Counter-measure pair groups (by party-pair key) whose columns the reader swapped. */
  const swappedPairs = ref<ReadonlySet<string>>(new Set())

  function swapPair(key: string): void {
    const next = new Set(swappedPairs.value)
    if (!next.delete(key)) next.add(key)
    swappedPairs.value = next
  }

  /** Loads again what is loaded (the board's windows; every row once a view asked for them); never rejects. */
  async function load(): Promise<void> {
    revision.value++
    if (list.loaded.value || !windowLoaded.value) await list.run()
  }

  /** `load` for callers that do not wait: the rows (or `error`) update when the answer lands. */
  function refresh(): void {
    revision.value++
    if (list.loaded.value) list.refresh()
  }

  /** The soonest scheduled transition: when now passes it, statuses change, so reload then. */
  const nextChangeMs = computed(() => {
    let soonest = Infinity
    for (const row of rows.value) if (row.next && row.next.atMs < soonest) soonest = row.next.atMs
    return soonest
  })

  // Keyed by the deadline, so each passed deadline reloads once (not on every tick).
  watch(
    () => (clock.asOf === null && list.loaded.value && clock.now >= nextChangeMs.value ? nextChangeMs.value : 0),
    (due) => {
      if (due) refresh()
    },
  )

  function resetFilter(): void {
    Object.assign(filter, emptyFilter())
  }

  return {
    rows,
    loaded,
    loading,
    error,
    windowLoaded,
    revision,
    filter,
    sort,
    group,
    showNotYetPublic,
    swappedPairs,
    swapPair,
    load,
    refresh,
    resetFilter,
    savedViews,
    saveCurrentView,
    renameSavedView,
    deleteSavedView,
    applyView,
  }
})
