// Requests that cross components (a menu command asks the board to focus its search box): each
// is a counter the interested component watches.
import { defineStore } from 'pinia'
import { ref } from 'vue'

export const useUiStore = defineStore('ui', () => {
  const focusSearch = ref(0)
  const focusAsOf = ref(0)
  return {
    focusSearch,
    focusAsOf,
    requestSearchFocus: () => focusSearch.value++,
    requestAsOfFocus: () => focusAsOf.value++,
  }
})
