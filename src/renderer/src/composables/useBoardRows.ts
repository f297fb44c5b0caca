// What the board shows, derived from the loaded rows: filtered, sorted, grouped into list items.
// Each step is its own computed, so typing in the search box does not redo the facet lists and a
// clock tick touches none of this.
import { computed, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Category, Locale } from '../../../shared/domain.ts'
import { facetsOf, filterRows, isNotYetPublic, sortRows } from '../logic/board-filter.ts'
import { boardItems } from '../logic/board-items.ts'
import { homeRegion } from '../logic/home-region.ts'
import { reviewGroups, reviewTotal } from '../logic/review-summary.ts'
import { useBoardStore } from '../stores/board.ts'
import { useClockStore } from '../stores/clock.ts'
import { useNoteSearchStore } from '../stores/note-search.ts'

export function useBoardRows() {
  const board = useBoardStore()
  const { t, locale } = useI18n()
  const current = computed(() => locale.value as Locale)

  // Note bodies are searched by the service (stores/note-search.ts): asked again when the text,
  // the data or the as-of instant changes, and its ids joined to the page's own text matches.
  const noteSearch = useNoteSearchStore()
  const clock = useClockStore()
  watch([() => board.filter.text, () => board.rows, () => clock.asOf], ([text]) => noteSearch.request(text), { immediate: true })

  // As of a past instant, measures not public yet are left out unless the reader asks to see
  // them (then they are listed, greyed: BoardRow).
  const available = computed(() =>
    clock.asOf === null || board.showNotYetPublic ? board.rows : board.rows.filter((row) => !isNotYetPublic(row, clock.asOf)),
  )
  const filtered = computed(() => filterRows(available.value, board.filter, noteSearch.matchesFor(board.filter.text)))
  const sorted = computed(() => sortRows(filtered.value, board.sort, current.value, (category: Category) => t(`category.${category}`)))
  const home = homeRegion(typeof navigator === 'undefined' ? undefined : navigator.language)
  const items = computed(() => boardItems(sorted.value, board.group, { home, swapped: board.swappedPairs }))
  const facets = computed(() => facetsOf(board.rows))
  // The review summary is about everything loaded, whatever the filters hide.
  const review = computed(() => ({ total: reviewTotal(board.rows), groups: reviewGroups(board.rows, current.value) }))

  return { available, filtered, sorted, items, facets, review }
}
