// Board search over note bodies. The board filters its loaded rows in the page (instant, even at
// 10,000 rows) but never loads notes; the service's measures.list `filter.text` searches them.
// So, while the search box holds text, the same text also goes to the service — debounced, and
// only from 2 characters (a single letter matches nearly everything and would ship every row) —
// and the ids it answers are added to the page's own matches (logic/board-filter.ts). A stale
// answer (for a text no longer in the box) is never applied (composables/useServiceQuery.ts).
import { defineStore } from 'pinia'
import { computed } from 'vue'
import { useServiceQuery } from '../composables/useServiceQuery.ts'
import { useClockStore } from './clock.ts'

export const NOTE_SEARCH_DELAY_MS = 250
export const NOTE_SEARCH_MIN_LENGTH = 2
const MAX_TEXT = 200

export const useNoteSearchStore = defineStore('noteSearch', () => {
  const clock = useClockStore()
  // The answer keeps the text it answers, so the ids and their text change together.
  const search = useServiceQuery('measures.list', (text: string) => ({ at: clock.asOf ?? undefined, filter: { text }, sort: 'next' }), {
    map: (rows, text) => ({ text, ids: new Set(rows.map((row) => row.id)) as ReadonlySet<string> }),
  })
  /** The text `ids` answers (trimmed), or '' when none. */
  const query = computed(() => search.data.value?.text ?? '')
  const ids = computed<ReadonlySet<string>>(() => search.data.value?.ids ?? new Set())
  let timer: ReturnType<typeof setTimeout> | null = null
  const clear = (): void => search.reset()

  /** Asks the service for `text` after a pause in typing (again when the data changed). */
  function request(text: string): void {
    if (timer !== null) clearTimeout(timer)
    timer = null
    const wanted = text.trim().slice(0, MAX_TEXT)
    if (wanted.length < NOTE_SEARCH_MIN_LENGTH) {
      clear()
      return
    }
    timer = setTimeout(() => {
      timer = null
      // Never rejects; a failed search leaves the last matches (the page's own search still answers).
      search.refresh(wanted)
    }, NOTE_SEARCH_DELAY_MS)
  }

  /** The service's matches for exactly this text, or null when it has not answered for it. */
  function matchesFor(text: string): ReadonlySet<string> | null {
    const wanted = text.trim().slice(0, MAX_TEXT)
    return wanted !== '' && wanted === query.value ? ids.value : null
  }

  return { query, ids, request, matchesFor, clear }
})
