// A signal for views that keep their own lists (Upcoming, Needs review): bumped whenever the app
// refreshes what it shows (another process changed the data, the window came back, the as-of
// instant changed — see composables/useLiveRefresh.ts), so they reload with the board.
import { defineStore } from 'pinia'
import { ref } from 'vue'

export const useRefreshStore = defineStore('refresh', () => {
  const version = ref(0)
  return { version, bump: () => void version.value++ }
})
