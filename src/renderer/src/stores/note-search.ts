// Board search over note bodies. The board filters its loaded rows in the page (instant, even at
// 10,000 rows) but never loads notes; the service's measures.list `filter.text` searches them.
// So, while the search box holds text, the same text also goes to the service — debounced, and
// only from 2 characters (a single letter matches nearly everything and would ship every row) —
// and the ids it answers are added to the page's own matches (logic/board-filter.ts). A stale
// answer (for a text no longer in the box) is never applied.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { useClient } from '../api/client.ts'
import { useClockStore } from './clock.ts'

export const NOTE_SEARCH_DELAY_MS = 250
export const NOTE_SEARCH_MIN_LENGTH = 2
const MAX_TEXT = 200

export const useNoteSearchStore = defineStore('noteSearch', () => {
  const clock = useClockStore()
  /** The text `ids` answers (trimmed), or '' when none. */
  const query = ref('')
  const ids = shallowRef<ReadonlySet<string>>(new Set())
  let timer: ReturnType<typeof setTimeout> | null = null
  let sequence = 0

  function clear(): void {
    sequence++
    query.value = ''
    ids.value = new Set()
  }

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
      void run(wanted)
    }, NOTE_SEARCH_DELAY_MS)
  }

  async function run(text: string): Promise<void> {
    const mine = ++sequence
    const result = await useClient().call('measures.list', { at: clock.asOf ?? undefined, filter: { text }, sort: 'next' })
    if (mine !== sequence || !result.ok) return
    ids.value = new Set(result.value.map((row) => row.id))
    query.value = text
  }

  /** The service's matches for exactly this text, or null when it has not answered for it. */
  function matchesFor(text: string): ReadonlySet<string> | null {
    const wanted = text.trim().slice(0, MAX_TEXT)
    return wanted !== '' && wanted === query.value ? ids.value : null
  }

  return { query, ids, request, matchesFor, clear }
})
