// The board's list through the service's windowed query (measures.page, issue 14): the page never
// holds every measure. A change of filter, search text, sort, grouping, language or as-of instant
// asks for the first window (a later question supersedes an earlier one, so a keystroke's stale
// answer is dropped); the counts come with it when grouped by status (the layout needs them), and
// otherwise in a second question once the rows are shown (at 100,000 measures they cost the host
// several times the rows); the virtual list then asks for the windows it shows
// (BoardTable's `range`). Lists up to LOAD_WHOLE_MAX rows, and the counter-measure pairs view,
// are loaded whole — they print and pair every row as before.
import { computed, shallowRef, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { PAGE_LIMIT_MAX, type PageQuery } from '../../../shared/api-inputs.ts'
import type { MeasureSummary, PageCounts } from '../../../shared/api-views.ts'
import type { Locale } from '../../../shared/domain.ts'
import { useClient } from '../api/client.ts'
import { boardItems } from '../logic/board-items.ts'
import {
  LOAD_WHOLE_MAX,
  PAGE_SIZE,
  pagesFor,
  windowItems,
  windowLayout,
  type ItemSource,
  type WindowLayout,
} from '../logic/board-window.ts'
import { homeRegion } from '../logic/home-region.ts'
import { replaceMark } from '../logic/perf-mark.ts'
import { listFilterOf } from '../logic/report-options.ts'
import { reviewGroupsFromDays } from '../logic/review-summary.ts'
import { useBoardStore } from '../stores/board.ts'
import { useClockStore } from '../stores/clock.ts'
import { inBackground } from './inBackground.ts'
import { useServiceQuery } from './useServiceQuery.ts'

type WindowInput = Omit<PageQuery, 'offset' | 'limit' | 'counts'>

interface Answer {
  input: WindowInput
  /** board.revision when asked. */
  revision: number
  total: number
  /** null while they are on their way (asked after the rows: see `lateCounts`). */
  counts: PageCounts | null
  /** Rows by window number (PAGE_SIZE rows each). */
  pages: ReadonlyMap<number, readonly MeasureSummary[]>
  /** Every row, in order, when the whole list is loaded (pairs view, short lists). */
  whole: boolean
}

function chunks(rows: readonly MeasureSummary[], offset: number, into: Map<number, readonly MeasureSummary[]>): void {
  for (let start = 0; start < rows.length; start += PAGE_SIZE) into.set((offset + start) / PAGE_SIZE, rows.slice(start, start + PAGE_SIZE))
}

export function useBoardWindow() {
  const board = useBoardStore()
  const clock = useClockStore()
  const { locale } = useI18n()
  const client = useClient()

  const input = computed<WindowInput>(() => ({
    at: clock.asOf ?? undefined,
    filter: listFilterOf(board.filter),
    sort: board.sort,
    group: board.group === 'status' ? 'status' : 'none',
    locale: locale.value as Locale,
    includeNotYetPublic: board.showNotYetPublic,
  }))
  const key = computed(() => JSON.stringify(input.value))
  const answer = shallowRef<Answer | null>(null)
  // Counts that came after their rows, kept apart so the rows shown (and the virtual list) do not change with them.
  const lateCounts = shallowRef<{ input: WindowInput; revision: number; counts: PageCounts } | null>(null)
  const counts = computed(() => {
    const shown = answer.value
    if (shown === null || shown.counts !== null) return shown?.counts ?? null
    const late = lateCounts.value
    return late !== null && late.input === shown.input && late.revision === shown.revision ? late.counts : null
  })
  const inFlight = new Set<number>()

  const first = useServiceQuery(
    'measures.page',
    (asked: WindowInput, counts: boolean) => ({ ...asked, offset: 0, limit: PAGE_SIZE, counts }),
    {
      // The benchmark measures first render from here to the 'mt:board-painted' mark (BoardTable).
      onAnswer: (result) => {
        if (result.ok) replaceMark('mt:board-data')
      },
    },
  )

  async function rowsAt(asked: WindowInput, offset: number, limit: number): Promise<MeasureSummary[] | null> {
    const result = await client.call('measures.page', { ...asked, offset, limit })
    return result.ok ? result.value.rows : null
  }

  /**
   * The counts a new question can keep from the answer shown: all but the per-status ones are the
   * same whatever the filter, sort or language (PageCounts), and an ungrouped list needs no
   * per-status count — so a keystroke in the search box asks for rows alone (at 100,000 measures
   * the counts cost as much again as the search). Anything else asks for fresh counts.
   */
  function countsKept(asked: WindowInput, revision: number): PageCounts | null {
    const shown = answer.value
    if (shown === null || counts.value === null || asked.group !== 'none' || shown.input.group !== 'none' || shown.revision !== revision)
      return null
    if (shown.input.at !== asked.at || shown.input.includeNotYetPublic !== asked.includeNotYetPublic) return null
    return { ...counts.value, byStatus: {} }
  }

  // The counts of an ungrouped list, asked once its rows are shown (`limit: 0`: counts alone).
  const countsOnly = useServiceQuery('measures.page', (asked: WindowInput) => ({ ...asked, offset: 0, limit: 0, counts: true }))

  // The rows shown are not the latest question's while it is on its way (the list says so: aria-busy).
  let lastQuestion = 0
  const rowsPending = shallowRef(false)

  /** Loads the first window (and, for short lists and pairs, the rest), then any counts it lacks; never rejects. */
  async function load(keepCounts = false): Promise<void> {
    const question = ++lastQuestion
    rowsPending.value = true
    try {
      await loadRows(question, keepCounts)
    } finally {
      if (question === lastQuestion) rowsPending.value = false
    }
  }

  async function loadRows(question: number, keepCounts: boolean): Promise<void> {
    const asked = input.value
    const revision = board.revision
    const kept = keepCounts ? countsKept(asked, revision) : null
    // Grouped by status, the rows' layout needs the per-status counts: asked with the rows.
    const countsLater = kept === null && asked.group === 'none'
    countsOnly.cancel()
    const result = await first.run(asked, kept === null && !countsLater)
    if (!result?.ok) return
    const { rows, total } = result.value
    const rowCounts = countsLater ? null : (kept ?? result.value.counts)
    const pages = new Map<number, readonly MeasureSummary[]>()
    chunks(rows, 0, pages)
    const whole = board.group === 'pairs' || total <= LOAD_WHOLE_MAX
    inFlight.clear()
    if (whole) {
      for (let offset = rows.length; offset < total; offset += PAGE_LIMIT_MAX) {
        const more = await rowsAt(asked, offset, PAGE_LIMIT_MAX)
        if (more === null || key.value !== JSON.stringify(asked)) return
        chunks(more, offset, pages)
      }
    }
    if (key.value !== JSON.stringify(asked)) return
    answer.value = { input: asked, revision, total, counts: rowCounts, pages, whole }
    board.windowLoaded = true
    if (question === lastQuestion) rowsPending.value = false
    if (countsLater) {
      const counted = await countsOnly.run(asked)
      if (counted?.ok && counted.value.counts !== null) lateCounts.value = { input: asked, revision, counts: counted.value.counts }
    }
  }

  /** Loads again, nobody waiting (the view's answer or its error lands in the state). */
  function reload(): void {
    inBackground(load())
  }
  // A new question (filter, search, sort, …) may keep the counts; new data never does.
  watch(key, () => inBackground(load(true)))
  watch(() => board.revision, reload, { immediate: true })

  // The same layout object while the counts stay the same (a window arriving, a reload that moved
  // nothing): the virtual list then keeps its measurements (logic/board-window.ts ItemSizing).
  let lastLayout: WindowLayout | null = null
  const layout = computed(() => {
    const current = answer.value
    if (current === null) return null
    const next = windowLayout(current.total, current.input.group === 'status' ? (current.counts?.byStatus ?? {}) : null)
    if (lastLayout?.signature !== next.signature) lastLayout = next
    return lastLayout
  })

  const home = homeRegion(typeof navigator === 'undefined' ? undefined : navigator.language)
  const items = computed<ItemSource>(() => {
    const current = answer.value
    if (current === null || layout.value === null) return []
    if (board.group === 'pairs' && current.whole) {
      const rows = [...current.pages.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, rows]) => rows)
      return boardItems(rows, 'pairs', { home, swapped: board.swappedPairs })
    }
    const pages = current.pages
    return windowItems(layout.value, (rowIndex) => pages.get(Math.floor(rowIndex / PAGE_SIZE))?.[rowIndex % PAGE_SIZE])
  })

  /** The virtual list shows items `firstIndex`…`lastIndex`: fetch the windows it lacks. */
  function showRange(firstIndex: number, lastIndex: number): void {
    const current = answer.value
    if (current === null || current.whole || layout.value === null) return
    for (const page of pagesFor(layout.value, firstIndex, lastIndex)) {
      if (current.pages.has(page) || inFlight.has(page)) continue
      inFlight.add(page)
      inBackground(
        rowsAt(current.input, page * PAGE_SIZE, PAGE_SIZE).then((rows) => {
          inFlight.delete(page)
          const latest = answer.value
          if (rows === null || latest === null || latest.input !== current.input) return
          const pages = new Map(latest.pages)
          pages.set(page, rows)
          answer.value = { ...latest, pages }
        }),
      )
    }
  }

  // Statuses at now change at the first instant any listed measure's answer stops holding: reload then.
  watch(
    () => {
      const next = counts.value?.nextChangeMs ?? null
      return clock.asOf === null && next !== null && clock.now >= next ? next : 0
    },
    (due) => {
      if (due) reload()
    },
  )

  // The filter choices are asked for once the rows and counts of the same data revision have
  // answered: the host answers one question at a time, and they are needed last.
  const facets = useServiceQuery('measures.facets', () => ({}))
  watch(
    () => (counts.value === null ? null : answer.value!.revision),
    (revision) => {
      if (revision !== null) facets.refresh()
    },
    { immediate: true },
  )

  return {
    items,
    showRange,
    loaded: computed(() => answer.value !== null),
    /** Whether the counts of the answer shown are in (the count line, review summary and empty notices wait for them). */
    counted: computed(() => counts.value !== null),
    loading: computed(() => first.loading.value || countsOnly.loading.value),
    /** Whether the rows shown are still those of an earlier question (a newer one is on its way). */
    rowsPending: computed(() => rowsPending.value),
    error: computed(() => first.error.value ?? countsOnly.error.value),
    reload,
    total: computed(() => answer.value?.total ?? 0),
    /** Whether the answer shown was filtered: the count line says "Showing N of M" with the answer, not before it. */
    filtered: computed(() => Object.keys(answer.value?.input.filter ?? {}).length > 0),
    available: computed(() => counts.value?.available ?? 0),
    facets: computed(() => facets.data.value ?? { imposers: [], targets: [], tags: [] }),
    review: computed(() => ({
      total: counts.value?.needsReview ?? 0,
      groups: reviewGroupsFromDays(counts.value?.reviewDays ?? [], locale.value as Locale),
    })),
  }
}
